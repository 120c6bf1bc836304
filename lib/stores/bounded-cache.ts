// lib/stores/bounded-cache.ts — an lru-cache bounded by entry count that allocates as it fills.

import { LRUCache } from "lru-cache";

const one = () => 1;

/**
 * An `LRUCache` holding at most `max` entries, with TTL tracking on (each `set` passes its own
 * `ttl`).
 *
 * lru-cache's `max` preallocates every slot at construction: about 20 ms and a few MB for
 * 100,000 entries, paid by each store an app builds, used or not. Bounding by `maxSize` with
 * every entry of size 1 keeps the same bound and eviction order, and grows the slots with use.
 */
export function boundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  max: number,
  options: Omit<
    LRUCache.Options<K, V, unknown>,
    "max" | "maxSize" | "sizeCalculation" | "ttl"
  > = {},
): LRUCache<K, V> {
  return new LRUCache<K, V>({ ...options, maxSize: max, sizeCalculation: one, ttl: 1 });
}
