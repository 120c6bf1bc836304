// lib/stores/memory-part-store.ts — concatenated-SMS parts in this process's memory.

import type { LRUCache } from "lru-cache";
import { OptionsError } from "../core/options-error.js";
import { boundedCache } from "./bounded-cache.js";
import type { ExpiredGroup, PartProgress, PartStore } from "../core/stores.js";

interface Group {
  readonly total: number;
  readonly parts: Map<number, string>;
  // The part whose add completed the group: adding it again hands out the message again.
  completedBy: number | undefined;
}

const noneExpired: readonly ExpiredGroup[] = Object.freeze([]);

/** A {@link PartStore} in memory: right for one instance. Synchronous. */
export class MemoryPartStore implements PartStore {
  readonly #groups: LRUCache<string, Group>;
  #expired: ExpiredGroup[] = [];

  /** @param maxGroups - the most incomplete groups kept; the least recent go first. */
  constructor(maxGroups = 10_000) {
    if (!Number.isInteger(maxGroups) || maxGroups <= 0) {
      throw new OptionsError(
        "ERR_SMS_WEBHOOKS_INVALID_OPTION",
        "MemoryPartStore's maxGroups must be a positive integer",
      );
    }
    this.#groups = boundedCache<string, Group>(maxGroups, {
      dispose: (value, group, reason) => {
        if ((reason === "expire" || reason === "evict") && value.completedBy === undefined) {
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
    const entry: Group = existing ?? { total, parts: new Map(), completedBy: undefined };
    if (!entry.parts.has(index)) entry.parts.set(index, value);
    this.#groups.set(group, entry, { ttl: ttlMs });
    if (entry.completedBy === undefined && entry.parts.size === entry.total) {
      entry.completedBy = index;
    }
    const complete =
      entry.completedBy === index
        ? [...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part)
        : undefined;
    return { complete, expired: this.#takeExpired() };
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
