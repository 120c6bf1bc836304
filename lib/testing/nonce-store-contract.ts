// lib/testing/nonce-store-contract.ts — the behaviour every NonceStore must have, as a test suite.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { NonceStore } from "../core/stores.js";
import { eventually } from "./eventually.js";
import { testGlobals } from "./test-globals.js";

/** Options for {@link runNonceStoreContract}. */
export interface NonceStoreContractOptions<Store extends NonceStore> {
  /** Called once after the suite, e.g. to close a client. */
  teardown?: (store: Store) => void | Promise<void>;
  /** A TTL the suite waits out, in ms. Default 60. */
  shortMs?: number;
}

/**
 * Registers a test suite (Jest, Vitest or Mocha) that checks a {@link NonceStore} binds each
 * nonce to the first request it came with, atomically, for the TTL — what keeps a captured
 * Plivo V2 signature from carrying another body. It waits out a short TTL by binding the nonce
 * again until that succeeds, so a refused bind must leave the first binding as it was.
 */
export function runNonceStoreContract<Store extends NonceStore>(
  name: string,
  makeStore: () => Store | Promise<Store>,
  options: NonceStoreContractOptions<Store> = {},
): void {
  const { describe, it, beforeAll, afterAll } = testGlobals();
  const shortMs = options.shortMs ?? 60;
  const longMs = 60_000;
  let store: Store;
  const nonce = () => `contract:${randomUUID()}`;
  const bind = (key: string, fingerprint: string, ttlMs = longMs) =>
    Promise.resolve(store.bindNonce(key, fingerprint, ttlMs));

  describe(`${name} keeps the NonceStore contract`, () => {
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await options.teardown?.(store);
    });

    it("binds a new nonce, and accepts it again with the same fingerprint", async () => {
      const key = nonce();
      assert.equal(await bind(key, "body-a"), true);
      assert.equal(await bind(key, "body-a"), true);
    });

    it("refuses a bound nonce with another fingerprint, and keeps the first binding", async () => {
      const key = nonce();
      assert.equal(await bind(key, "body-a"), true);
      assert.equal(await bind(key, "body-b"), false);
      assert.equal(await bind(key, "body-a"), true);
    });

    it("keeps nonces apart", async () => {
      assert.equal(await bind(nonce(), "body-a"), true);
      assert.equal(await bind(nonce(), "body-b"), true);
    });

    it("binds a nonce to exactly one of several concurrent fingerprints", async () => {
      const key = nonce();
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, n) => bind(key, `body-${n}`)),
      );
      assert.equal(answers.filter(Boolean).length, 1);
    });

    it("forgets a nonce after its TTL", async () => {
      const key = nonce();
      assert.equal(await bind(key, "body-a", shortMs), true);
      // A bind with another fingerprint changes nothing until the first binding has lapsed.
      await eventually(
        shortMs * 3,
        () => bind(key, "body-b"),
        `expected ${key} free ${shortMs * 3} ms after its TTL of ${shortMs} ms`,
      );
    });
  });
}
