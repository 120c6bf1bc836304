// lib/stores/memory-part-store.ts — concatenated-SMS parts in this process's memory.

import { LRUCache } from "lru-cache";
import type { ExpiredGroup, PartProgress, PartStore } from "./part-store.js";

interface Group {
  readonly total: number;
  readonly parts: Map<number, string>;
  // Set by the add that completed the group; cleared by reopenGroup.
  assembled: boolean;
}

const noneExpired: readonly ExpiredGroup[] = Object.freeze([]);

/** A {@link PartStore} in memory: right for one instance. Synchronous. */
export class MemoryPartStore implements PartStore {
  readonly #groups: LRUCache<string, Group>;
  #expired: ExpiredGroup[] = [];

  /** @param maxGroups - the most incomplete groups kept; the least recent go first. */
  constructor(maxGroups = 10_000) {
    this.#groups = new LRUCache<string, Group>({
      max: maxGroups,
      // Every set() passes its own ttl; the default only switches TTL tracking on.
      ttl: 1,
      dispose: (value, group, reason) => {
        if ((reason === "expire" || reason === "evict") && !value.assembled) {
          this.#expired.push({
            group,
            total: value.total,
            received: [...value.parts.keys()].sort((a, b) => a - b),
          });
        }
      },
    });
  }

  /** {@inheritDoc PartStore.addPart} */
  addPart(group: string, index: number, total: number, value: string, ttlMs: number): PartProgress {
    this.#groups.purgeStale();
    const existing = this.#groups.get(group);
    const entry: Group = existing ?? { total, parts: new Map(), assembled: false };
    if (!entry.parts.has(index)) entry.parts.set(index, value);
    this.#groups.set(group, entry, { ttl: ttlMs });
    let complete: string[] | undefined;
    if (!entry.assembled && entry.parts.size === entry.total) {
      entry.assembled = true;
      complete = [...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part);
    }
    return { complete, expired: this.#takeExpired() };
  }

  /** {@inheritDoc PartStore.reopenGroup} */
  reopenGroup(group: string): void {
    const entry = this.#groups.get(group);
    if (entry !== undefined) entry.assembled = false;
  }

  /** {@inheritDoc PartStore.deleteGroup} */
  deleteGroup(group: string): void {
    this.#groups.delete(group);
  }

  #takeExpired(): readonly ExpiredGroup[] {
    if (this.#expired.length === 0) return noneExpired;
    const expired = this.#expired;
    this.#expired = [];
    return expired;
  }
}
