// __tests__/stores/memory-store.test.ts — MemoryStore keeps the contract, and stays bounded.

import { MemoryPartStore, MemoryStore, type MemoryStoreOptions } from "../../lib/index.js";
import {
  runDedupeStoreContract,
  runNonceStoreContract,
  runPartStoreContract,
} from "../../lib/testing/index.js";

runDedupeStoreContract("MemoryStore", () => new MemoryStore());
runPartStoreContract("MemoryStore", () => new MemoryStore());
runPartStoreContract("MemoryPartStore", () => new MemoryPartStore());
runNonceStoreContract("MemoryStore", () => new MemoryStore());

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
