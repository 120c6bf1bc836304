// __tests__/stores/memory-store.test.ts — MemoryStore keeps the contract, and stays bounded.

import { MemoryPartStore, MemoryStore, type MemoryStoreOptions } from "../../lib/index.js";
import {
  runDedupeStoreContract,
  runNonceStoreContract,
  runPartStoreContract,
} from "../../lib/testing/index.js";

// Timers in this process are fine-grained: a short TTL keeps the suite's waits short.
const quick = { shortMs: 20 };
runDedupeStoreContract("MemoryStore", () => new MemoryStore(), quick);
runPartStoreContract("MemoryStore", () => new MemoryStore(), quick);
runPartStoreContract("MemoryPartStore", () => new MemoryPartStore(), quick);
runNonceStoreContract("MemoryStore", () => new MemoryStore(), quick);

describe("MemoryStore", () => {
  it("forgets the least recently used keys past max", () => {
    const store = new MemoryStore({ max: 3 });
    for (const key of ["a", "b", "c", "d"]) {
      const claim = store.claim(key, 60_000);
      if (claim.state === "claimed") store.commit(key, claim.token, 60_000);
    }
    expect(store.size).toBe(3);
    expect(store.claim("a", 60_000).state).toBe("claimed");
    expect(store.claim("d", 60_000).state).toBe("done");
  });

  it("forgets the least recently bound nonces past max", () => {
    const store = new MemoryStore({ max: 2 });
    for (const key of ["a", "b", "c"]) expect(store.bindNonce(key, "first", 60_000)).toBe(true);
    // "a" was forgotten, so another fingerprint binds afresh; "c" is still held.
    expect(store.bindNonce("a", "second", 60_000)).toBe(true);
    expect(store.bindNonce("c", "second", 60_000)).toBe(false);
  });

  it("drops lapsed leases, then the oldest claims, past maxInFlight", async () => {
    const store = new MemoryStore({ maxInFlight: 2 });
    store.claim("lapsed", 10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    store.claim("a", 60_000);
    store.claim("b", 60_000); // over the bound: the lapsed lease goes, a and b stay
    expect(store.claim("a", 60_000).state).toBe("in-flight");
    expect(store.claim("b", 60_000).state).toBe("in-flight");
    store.claim("c", 60_000); // still over: the oldest live claim, a, goes
    expect(store.claim("a", 60_000).state).toBe("claimed");
    expect(store.claim("c", 60_000).state).toBe("in-flight");
  });

  it("answers synchronously, so the memory path pays no promise", () => {
    const store = new MemoryStore();
    expect(store.claim("sync", 1000)).toEqual({ state: "claimed", token: expect.any(String) });
  });

  it("refuses an unknown option, such as the typo maxx, as every options object does", () => {
    // @ts-expect-error -- maxx is not an option: plain JavaScript callers get the error at runtime.
    expect(() => new MemoryStore({ maxx: 5 })).toThrow(
      expect.objectContaining({
        name: "OptionsError",
        code: "ERR_SMS_WEBHOOKS_INVALID_OPTION",
        message: 'sms-webhooks: unknown option "maxx"',
      }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, "5"])("rejects max and maxInFlight %p", (value) => {
    const options = (option: string) => ({ [option]: value }) as MemoryStoreOptions;
    for (const option of ["max", "maxInFlight"]) {
      expect(() => new MemoryStore(options(option))).toThrow(
        expect.objectContaining({
          code: "ERR_SMS_WEBHOOKS_INVALID_OPTION",
          message: `sms-webhooks: option "${option}" must be a positive integer`,
        }),
      );
    }
  });
});

describe("MemoryPartStore", () => {
  it.each([0, -1, 1.5, Number.NaN])("refuses maxGroups %p with an OptionsError", (maxGroups) => {
    expect(() => new MemoryPartStore(maxGroups)).toThrow(
      expect.objectContaining({ code: "ERR_SMS_WEBHOOKS_INVALID_OPTION" }),
    );
  });

  it("drops the least recent incomplete group past maxGroups, and reports it expired", () => {
    const store = new MemoryPartStore(2);
    store.addPart("g1", 1, 2, "a", 60_000);
    store.addPart("g2", 1, 2, "b", 60_000);
    const progress = store.addPart("g3", 1, 2, "c", 60_000);
    expect(progress.expired).toEqual([{ group: "g1", total: 2, received: [1] }]);
    // g2 is still held: its second part completes it.
    expect(store.addPart("g2", 2, 2, "b2", 60_000).complete).toEqual(["b", "b2"]);
  });
});
