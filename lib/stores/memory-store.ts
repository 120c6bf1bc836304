// lib/stores/memory-store.ts — the default dedupe store: one process, bounded LRU with TTLs.

import type { LRUCache } from "lru-cache";
import { z } from "zod";
import { validateOptions } from "../core/options.js";
import { boundedCache } from "./bounded-cache.js";
import { MemoryPartStore } from "./memory-part-store.js";
import type { Claim, DedupeStore, NonceStore, PartProgress, PartStore } from "../core/stores.js";

/** Options for {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * The most handled events remembered. Past it, the least recently handled are forgotten
   * first, and a retry of a forgotten event would be handled again. Default 100,000 (roughly
   * 20 MB when full, taken as it fills); raise it for heavy traffic, or use `RedisStore`.
   */
  max?: number;
  /**
   * The most deliveries in flight (claimed, handler still running) at once. Past it, expired
   * leases are swept and then the oldest claims dropped (a concurrent duplicate of one could
   * then run too). Default 10,000.
   */
  maxInFlight?: number;
}

interface Lease {
  readonly token: string;
  readonly until: number;
}

const inFlightClaim: Claim = Object.freeze({ state: "in-flight" });

const positiveInteger = z
  .number({ message: "must be a positive integer" })
  .int("must be a positive integer")
  .positive("must be a positive integer")
  .optional();
const optionsShape = { max: positiveInteger, maxInFlight: positiveInteger };

/**
 * A {@link DedupeStore} (and {@link PartStore}, for concatenated SMS, and {@link NonceStore},
 * for single-use nonces) in this process's memory: right for a single instance. Several instances behind a load balancer need a shared store
 * (`RedisStore`).
 *
 * Answers synchronously. Handled events live in a bounded LRU cache (lru-cache), each for the
 * commit's TTL; claims in flight in a small map of their own, each until its lease ends. So the
 * big cache, whose entries are cold in memory, is touched twice per event (look up, then mark
 * done) instead of four times: about 4 % of a request's CPU in `npm run bench`. The claims are
 * not a second LRUCache because lru-cache 11 clears all its slots whenever its last
 * entry is deleted, which a claims cache would do on nearly every request.
 */
export class MemoryStore implements DedupeStore, PartStore, NonceStore {
  // Keys of handled events, each with when it was handled.
  readonly #done: LRUCache<string, number>;
  // Claims in flight, oldest first (a Map keeps insertion order).
  readonly #inFlight = new Map<string, Lease>();
  readonly #maxInFlight: number;
  #lastToken = 0;
  readonly #max: number;
  // Only Vonage's concatenated SMS needs it: made on first use.
  #parts: MemoryPartStore | undefined;
  // Only providers with single-use nonces (Plivo V2) need it: made on first use.
  #nonces: LRUCache<string, string> | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    // Unknown options (a typo such as `maxx`) are refused, as by every other options object.
    const { max = 100_000, maxInFlight = 10_000 } = validateOptions(optionsShape, options);
    this.#maxInFlight = maxInFlight;
    this.#max = max;
    this.#done = boundedCache(max);
  }

  /** {@inheritDoc DedupeStore.claim} */
  claim(key: string, leaseMs: number): Claim {
    // peek, not get: a stale entry reads as absent all the same, with no bookkeeping.
    const handledAt = this.#done.peek(key);
    if (handledAt !== undefined) return { state: "done", handledAt };
    const now = Date.now();
    const lease = this.#inFlight.get(key);
    if (lease !== undefined && lease.until > now) return inFlightClaim;
    const token = String(++this.#lastToken);
    // Deleting first moves a lapsed claim's key to the back of the map's order.
    if (lease !== undefined) this.#inFlight.delete(key);
    this.#inFlight.set(key, { token, until: now + leaseMs });
    if (this.#inFlight.size > this.#maxInFlight) this.#trimInFlight(now);
    return { state: "claimed", token };
  }

  /** {@inheritDoc DedupeStore.commit} */
  commit(key: string, token: string, ttlMs: number): void {
    const lease = this.#inFlight.get(key);
    if (lease !== undefined) {
      // A newer live claim is left alone; a lapsed lease nobody claimed since still records
      // the work.
      if (lease.token !== token && lease.until > Date.now()) return;
      this.#inFlight.delete(key);
    }
    this.#done.set(key, Date.now(), { ttl: ttlMs });
  }

  /** {@inheritDoc DedupeStore.release} */
  release(key: string, token: string): void {
    if (this.#inFlight.get(key)?.token === token) this.#inFlight.delete(key);
  }

  // Over the bound: drop lapsed leases, then, if still over, the oldest claims.
  #trimInFlight(now: number): void {
    for (const [key, lease] of this.#inFlight) {
      if (lease.until <= now) this.#inFlight.delete(key);
    }
    for (const key of this.#inFlight.keys()) {
      if (this.#inFlight.size <= this.#maxInFlight) break;
      this.#inFlight.delete(key);
    }
  }

  /** {@inheritDoc PartStore.addPart} */
  addPart(group: string, index: number, total: number, value: string, ttlMs: number): PartProgress {
    return (this.#parts ??= new MemoryPartStore()).addPart(group, index, total, value, ttlMs);
  }

  /** {@inheritDoc PartStore.deleteGroup} */
  deleteGroup(group: string): void {
    this.#parts?.deleteGroup(group);
  }

  /** {@inheritDoc NonceStore.bindNonce} */
  bindNonce(key: string, fingerprint: string, ttlMs: number): boolean {
    // Bounded like the handled events: past `max`, the least recently bound are forgotten.
    const nonces = (this.#nonces ??= boundedCache(this.#max));
    const bound = nonces.peek(key);
    if (bound !== undefined) return bound === fingerprint;
    nonces.set(key, fingerprint, { ttl: ttlMs });
    return true;
  }

  /** The number of handled events held, expired ones included until they are next touched. */
  get size(): number {
    return this.#done.size;
  }
}
