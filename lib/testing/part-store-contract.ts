// lib/testing/part-store-contract.ts — the behaviour every PartStore must have, as a test suite.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { ExpiredGroup, PartStore } from "../core/stores.js";
import { eventually } from "./eventually.js";
import { testGlobals } from "./test-globals.js";

/** Options for {@link runPartStoreContract}. */
export interface PartStoreContractOptions<Store extends PartStore> {
  /** Called once after the suite, e.g. to close a client. */
  teardown?: (store: Store) => void | Promise<void>;
  /** A TTL the suite waits out, in ms. Default 60. */
  shortMs?: number;
}

/**
 * Registers a test suite (Jest, Vitest or Mocha) that checks a {@link PartStore} keeps the
 * contract the pipeline relies on to reassemble concatenated SMS exactly once.
 */
export function runPartStoreContract<Store extends PartStore>(
  name: string,
  makeStore: () => Store | Promise<Store>,
  options: PartStoreContractOptions<Store> = {},
): void {
  const { describe, it, beforeAll, afterAll } = testGlobals();
  const shortMs = options.shortMs ?? 60;
  const longMs = 60_000;
  let store: Store;
  const group = () => `contract:${randomUUID()}`;
  const add = (g: string, index: number, total: number, ttlMs = longMs) =>
    Promise.resolve(store.addPart(g, index, total, `part ${index} of ${g}`, ttlMs));

  describe(`${name} keeps the PartStore contract`, () => {
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await options.teardown?.(store);
    });

    it("completes a group when its last part lands, with the parts in order", async () => {
      const g = group();
      assert.equal((await add(g, 3, 3)).complete, undefined);
      assert.equal((await add(g, 1, 3)).complete, undefined);
      assert.deepEqual(
        (await add(g, 2, 3)).complete,
        [1, 2, 3].map((n) => `part ${n} of ${g}`),
      );
    });

    it("keeps one copy of a part added twice", async () => {
      const g = group();
      await add(g, 1, 2);
      assert.equal((await add(g, 1, 2)).complete, undefined);
      assert.equal((await add(g, 2, 2)).complete?.length, 2);
    });

    it("hands the whole message to exactly one of the concurrent adds of its parts", async () => {
      const g = group();
      const total = 20;
      const adds = await Promise.all(Array.from({ length: total }, (_, i) => add(g, i + 1, total)));
      assert.equal(adds.filter((progress) => progress.complete !== undefined).length, 1);
    });

    it("hands the message again to the part that completed it, and to no other", async () => {
      const g = group();
      await add(g, 1, 2);
      assert.equal((await add(g, 2, 2)).complete?.length, 2);
      assert.deepEqual(
        (await add(g, 2, 2)).complete,
        [1, 2].map((n) => `part ${n} of ${g}`),
        "the retry of the completing part",
      );
      assert.equal((await add(g, 1, 2)).complete, undefined, "a retry of another part");
    });

    it("starts afresh after the group is deleted", async () => {
      const g = group();
      await add(g, 1, 2);
      await add(g, 2, 2);
      await store.deleteGroup(g);
      assert.equal((await add(g, 2, 2)).complete, undefined);
    });

    it("keeps groups apart", async () => {
      const a = group();
      const b = group();
      await add(a, 1, 2);
      assert.equal((await add(b, 2, 2)).complete, undefined);
      assert.deepEqual((await add(a, 2, 2)).complete, [`part 1 of ${a}`, `part 2 of ${a}`]);
    });

    it("reports a group that expired incomplete, once, with the parts that arrived", async () => {
      const g = group();
      await add(g, 2, 3, shortMs);
      // Any add reports what expired since the last one; the probes' own groups stay unfinished.
      let reported: readonly ExpiredGroup[] = [];
      await eventually(
        shortMs * 2 + 20,
        async () => {
          reported = (await add(group(), 1, 2)).expired.filter((expired) => expired.group === g);
          return reported.length > 0;
        },
        `expected ${g} reported as expired ${shortMs * 2 + 20} ms after its TTL of ${shortMs} ms`,
      );
      assert.deepEqual(reported, [{ group: g, total: 3, received: [2] }]);
      const second = await add(group(), 1, 2);
      assert.equal(second.expired.filter((expired) => expired.group === g).length, 0);
      assert.equal((await add(g, 1, 3)).complete, undefined, "the expired parts are gone");
    });

    it("does not report a group whose message was already put together", async () => {
      const g = group();
      // Only the last add is short: the group must not lapse before it completes.
      await add(g, 1, 2);
      await add(g, 2, 2, shortMs);
      await sleep(shortMs * 2 + 20);
      const later = await add(group(), 1, 2);
      assert.equal(later.expired.filter((expired) => expired.group === g).length, 0);
    });
  });
}
