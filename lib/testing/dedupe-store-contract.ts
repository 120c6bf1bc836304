// lib/testing/dedupe-store-contract.ts — the behaviour every DedupeStore must have, as a test suite.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { DedupeStore } from "../core/stores.js";
import { eventually } from "./eventually.js";
import { testGlobals } from "./test-globals.js";

/** Options for {@link runDedupeStoreContract}. */
export interface DedupeStoreContractOptions<Store extends DedupeStore> {
  /** Called once after the suite, e.g. to close a client. */
  teardown?: (store: Store) => void | Promise<void>;
  /** A lease or TTL the suite waits out, in ms. Raise it for a store with coarse timers. Default 60. */
  shortMs?: number;
}

/**
 * Registers a test suite (describe/it, in Jest, Vitest or Mocha) that checks a
 * {@link DedupeStore} keeps the contract the pipeline relies on: atomic claims, fenced
 * commit/release, leases and TTLs that expire. Every test uses fresh keys, so one store
 * (and one server) serves the whole suite. It waits out a short lease or TTL by claiming the key
 * until that succeeds, so a refused claim must leave the key as it was (no longer lease).
 *
 * @example
 * runDedupeStoreContract("RedisStore", () => new RedisStore({ sendCommand }));
 */
export function runDedupeStoreContract<Store extends DedupeStore>(
  name: string,
  makeStore: () => Store | Promise<Store>,
  options: DedupeStoreContractOptions<Store> = {},
): void {
  const { describe, it, beforeAll, afterAll } = testGlobals();
  const shortMs = options.shortMs ?? 60;
  const longMs = 60_000;
  let store: Store;
  const key = () => `contract:${randomUUID()}`;
  // How long a short lease or TTL may take to run out: twice it, and slack for coarse timers.
  const expiryMs = shortMs * 2 + 20;
  const claimToken = async (k: string, leaseMs = longMs): Promise<string> => {
    const claim = await store.claim(k, leaseMs);
    assert.equal(claim.state, "claimed", `expected a fresh claim of ${k}`);
    return (claim as { token: string }).token;
  };
  // Claims `k` as soon as its lease or TTL has run out: a claim has no effect until then.
  const claimOnceFree = async (k: string): Promise<string> => {
    let token: string | undefined;
    await eventually(
      expiryMs,
      async () => {
        const claim = await store.claim(k, longMs);
        if (claim.state === "claimed") token = claim.token;
        return token !== undefined;
      },
      `expected ${k} to be claimable ${expiryMs} ms after its lease or TTL of ${shortMs} ms`,
    );
    assert.ok(token !== undefined);
    return token;
  };
  // Done, and (if the store says when) handled at a time that makes sense.
  const assertDone = async (k: string, committedAfter = 0) => {
    const claim = await store.claim(k, longMs);
    assert.equal(claim.state, "done", `expected ${k} done`);
    const { handledAt } = claim as { handledAt?: unknown };
    if (handledAt === undefined) return;
    assert.equal(typeof handledAt, "number", "handledAt must be ms since the epoch");
    // A second of slack for a store's own clock (Redis TIME) against this process's.
    assert.ok((handledAt as number) >= committedAfter - 1000, "handledAt is before the commit");
    assert.ok((handledAt as number) <= Date.now() + 1000, "handledAt is in the future");
  };

  describe(`${name} keeps the DedupeStore contract`, () => {
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await options.teardown?.(store);
    });

    it("claims a key nobody holds, with a token", async () => {
      const claim = await store.claim(key(), longMs);
      assert.equal(claim.state, "claimed");
      assert.equal(typeof (claim as { token: unknown }).token, "string");
    });

    it("answers in-flight while a live lease holds the key", async () => {
      const k = key();
      await claimToken(k);
      assert.deepEqual(await store.claim(k, longMs), { state: "in-flight" });
    });

    it("answers done after a commit, for as long as the TTL", async () => {
      const k = key();
      const before = Date.now();
      await store.commit(k, await claimToken(k), longMs);
      await assertDone(k, before);
      await assertDone(k, before);
    });

    it("lets the next delivery claim a released key, with a new token", async () => {
      const k = key();
      const first = await claimToken(k);
      await store.release(k, first);
      const second = await claimToken(k);
      assert.notEqual(second, first);
    });

    it("ignores a release with a token that does not own the key", async () => {
      const k = key();
      await claimToken(k);
      await store.release(k, "not-the-token");
      assert.deepEqual(await store.claim(k, longMs), { state: "in-flight" });
    });

    it("ignores a commit with a token that does not own the key", async () => {
      const k = key();
      await claimToken(k);
      await store.commit(k, "not-the-token", longMs);
      assert.deepEqual(await store.claim(k, longMs), { state: "in-flight" });
    });

    it("frees the key when the lease expires", async () => {
      const k = key();
      await claimToken(k, shortMs);
      await claimOnceFree(k);
    });

    it("does not let a stale claim commit or release over a newer one", async () => {
      const k = key();
      const stale = await claimToken(k, shortMs);
      const fresh = await claimOnceFree(k);
      await store.commit(k, stale, longMs);
      assert.deepEqual(await store.claim(k, longMs), { state: "in-flight" });
      await store.release(k, stale);
      assert.deepEqual(await store.claim(k, longMs), { state: "in-flight" });
      await store.commit(k, fresh, longMs);
      await assertDone(k);
    });

    it("records a late commit when nobody claimed the key since (the work did happen)", async () => {
      const k = key();
      const token = await claimToken(k, shortMs);
      // Nobody may claim the key meanwhile, so this one sleeps the lease out.
      await sleep(expiryMs);
      await store.commit(k, token, longMs);
      await assertDone(k);
    });

    it("forgets a done key after its TTL", async () => {
      const k = key();
      await store.commit(k, await claimToken(k), shortMs);
      await claimOnceFree(k);
    });

    it("grants exactly one of many concurrent claims", async () => {
      const k = key();
      const claims = await Promise.all(
        Array.from({ length: 25 }, () => Promise.resolve(store.claim(k, longMs))),
      );
      assert.equal(claims.filter((claim) => claim.state === "claimed").length, 1);
      assert.equal(claims.filter((claim) => claim.state === "in-flight").length, 24);
    });

    it("keeps keys independent", async () => {
      const a = key();
      const b = key();
      await store.commit(a, await claimToken(a), longMs);
      await claimToken(b);
      await assertDone(a);
      assert.deepEqual(await store.claim(b, longMs), { state: "in-flight" });
    });

    it("hands out a different token for every claim", async () => {
      const tokens = new Set<string>();
      for (let i = 0; i < 20; i++) tokens.add(await claimToken(key()));
      assert.equal(tokens.size, 20);
    });
  });
}
