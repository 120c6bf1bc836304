// __tests__/stores/memory-store.test.ts — MemoryStore keeps the contract, and stays bounded.

import { MemoryPartStore, MemoryStore } from "../../lib/index.js";
import { runDedupeStoreContract, runPartStoreContract } from "../../lib/testing/index.js";

runDedupeStoreContract("MemoryStore", () => new MemoryStore());
runPartStoreContract("MemoryStore", () => new MemoryStore());
runPartStoreContract("MemoryPartStore", () => new MemoryPartStore());

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

  it("answers synchronously, so the memory path pays no promise", () => {
    const store = new MemoryStore();
    expect(store.claim("sync", 1000)).toEqual({ state: "claimed", token: expect.any(String) });
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects max %p", (max) => {
    expect(() => new MemoryStore({ max })).toThrow('option "max" must be a positive integer');
  });
});
