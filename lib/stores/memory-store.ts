// lib/stores/memory-store.ts — the default dedupe store: one process, bounded LRU with TTLs.

import { LRUCache } from "lru-cache";
import type { Claim, DedupeStore } from "./dedupe-store.js";
import { MemoryPartStore } from "./memory-part-store.js";
import type { PartProgress, PartStore } from "./part-store.js";

/** Options for {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * The most keys kept (in-flight and done). Past it, the least recently used are forgotten
   * first, and a retry of a forgotten event would be handled again. Default 100,000 (roughly
   * 15 MB); raise it for heavy traffic, or use `RedisStore`.
   */
  max?: number;
}

const DONE = 0;
const doneClaim: Claim = Object.freeze({ state: "done" });
const inFlightClaim: Claim = Object.freeze({ state: "in-flight" });

/**
 * A {@link DedupeStore} (and {@link PartStore}, for concatenated SMS) in this process's memory:
 * right for a single instance. Several instances behind a load balancer need a shared store
 * (`RedisStore`).
 *
 * Answers synchronously. An in-flight entry holds its claim's token and expires with the lease;
 * a done entry expires after the commit's TTL.
 */
export class MemoryStore implements DedupeStore, PartStore {
  // A string is an in-flight claim's token; DONE marks a handled event.
  readonly #entries: LRUCache<string, string | typeof DONE>;
  #lastToken = 0;
  // Only Vonage's concatenated SMS needs it: made on first use.
  #parts: MemoryPartStore | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    const max = options.max ?? 100_000;
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new TypeError(`sms-webhooks: option "max" must be a positive integer (got ${max})`);
    }
    // Every set() passes its own ttl; the default only switches TTL tracking on.
    this.#entries = new LRUCache({ max, ttl: 1 });
  }

  /** {@inheritDoc DedupeStore.claim} */
  claim(key: string, leaseMs: number): Claim {
    // peek, not get: a stale entry reads as absent all the same, and set() below (or nothing,
    // for a duplicate) is all the bookkeeping a claim needs.
    const entry = this.#entries.peek(key);
    if (entry === DONE) return doneClaim;
    if (entry !== undefined) return inFlightClaim;
    const token = String(++this.#lastToken);
    this.#entries.set(key, token, { ttl: leaseMs });
    return { state: "claimed", token };
  }

  /** {@inheritDoc DedupeStore.commit} */
  commit(key: string, token: string, ttlMs: number): void {
    const entry = this.#entries.peek(key);
    if (entry === undefined || entry === token) this.#entries.set(key, DONE, { ttl: ttlMs });
  }

  /** {@inheritDoc DedupeStore.release} */
  release(key: string, token: string): void {
    if (this.#entries.peek(key) === token) this.#entries.delete(key);
  }

  /** {@inheritDoc PartStore.addPart} */
  addPart(group: string, index: number, total: number, value: string, ttlMs: number): PartProgress {
    return (this.#parts ??= new MemoryPartStore()).addPart(group, index, total, value, ttlMs);
  }

  /** {@inheritDoc PartStore.reopenGroup} */
  reopenGroup(group: string): void {
    this.#parts?.reopenGroup(group);
  }

  /** {@inheritDoc PartStore.deleteGroup} */
  deleteGroup(group: string): void {
    this.#parts?.deleteGroup(group);
  }

  /** The number of keys held, expired ones included until they are next touched. */
  get size(): number {
    return this.#entries.size;
  }
}
