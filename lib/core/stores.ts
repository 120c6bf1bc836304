// lib/core/stores.ts — what the pipeline needs of its stores: dedupe claims and concatenated-SMS parts.

/**
 * The answer to {@link DedupeStore.claim}:
 * - `claimed`: this delivery may run the handler; keep the `token` to commit or release it.
 * - `in-flight`: another delivery of the same event holds a live lease.
 * - `done`: the event was already handled — `handledAt` (ms since the epoch), when the store
 *   knows, says when, so an operator can tell a provider's retry from a late replay.
 */
export type Claim =
  | { state: "claimed"; token: string }
  | { state: "in-flight" }
  | { state: "done"; handledAt?: number };

/**
 * Where the pipeline records which events it has handled, so each is handled once however often
 * (and however concurrently) the provider delivers it.
 *
 * Each method must be atomic per key. Methods may answer synchronously or with a promise. Run `runDedupeStoreContract` from
 * `sms-webhooks/testing` against your own store to check it behaves as the pipeline expects.
 */
export interface DedupeStore {
  /**
   * Claims `key` for `leaseMs` unless it is done or held by a live lease. The lease is how long
   * a crashed instance can block the event; it should cover the handler's longest run.
   */
  claim(key: string, leaseMs: number): Claim | Promise<Claim>;
  /**
   * Marks `key` done for `ttlMs` — if `token` still owns it, or nobody does (the lease lapsed
   * and no one claimed since: the work did happen). Never overwrites a newer claim.
   */
  commit(key: string, token: string, ttlMs: number): void | Promise<void>;
  /** Frees `key` for the next delivery, if `token` still owns it; otherwise does nothing. */
  release(key: string, token: string): void | Promise<void>;
}

/**
 * Remembers single-use values (a signature's nonce, a token's id) for providers whose signature
 * does not cover the whole request (Plivo's V2 signs the URL and a nonce, not the body): each
 * nonce is bound to the first request it came with, so a captured signature cannot carry
 * another body. A dedupe store that also implements this interface (`MemoryStore` and
 * `RedisStore` do) serves such providers; one that does not is refused for them at start-up.
 * Run `runNonceStoreContract` from `sms-webhooks/testing` against your own.
 */
export interface NonceStore {
  /**
   * Binds `key` to `fingerprint` for `ttlMs`, unless `key` is bound already. Answers whether
   * `key` is now bound to `fingerprint`: true the first time and for the same request again,
   * false when it came first with another fingerprint. Must be atomic per key.
   */
  bindNonce(key: string, fingerprint: string, ttlMs: number): boolean | Promise<boolean>;
}

/** A group that expired before all its parts arrived. */
export interface ExpiredGroup {
  /** The group's key. */
  readonly group: string;
  /** How many parts the message has. */
  readonly total: number;
  /** The part numbers (1-based) that did arrive. */
  readonly received: readonly number[];
}

/** What adding a part did. */
export interface PartProgress {
  /**
   * Every part's value in part order, when this add completed the group (exactly one add, of
   * all the concurrent ones, gets it) or adds again the part that completed it; otherwise
   * undefined.
   */
  readonly complete: readonly string[] | undefined;
  /** Groups that expired incomplete since the store last said, so the pipeline logs them. */
  readonly expired: readonly ExpiredGroup[];
}

/**
 * Keeps the parts of concatenated SMS (Vonage sends each part as its own webhook, in any
 * order, on any instance) until the last one lands. A dedupe store that also implements this
 * interface (`MemoryStore` and `RedisStore` do) keeps the parts for a provider that sends them
 * (Vonage SMS); one that does not is refused for such a provider at start-up — the library
 * never falls back to a process-local copy by itself, where parts could not meet.
 */
export interface PartStore {
  /**
   * Adds part `index` (1-based) of `total` to `group`, keeping the group `ttlMs` after its
   * latest part. Adding a part twice keeps one copy. Must be atomic per group.
   *
   * The add that completes the group gets the whole message, and so does every later add of
   * that same part until the group is deleted: that is the provider's retry after the handler
   * failed or the answer was lost, and the pipeline's claim on the part lets one run at a time.
   * So a message is never stranded half-handled, whatever failed and wherever.
   */
  addPart(
    group: string,
    index: number,
    total: number,
    value: string,
    ttlMs: number,
  ): PartProgress | Promise<PartProgress>;
  /** The handler took the assembled message: forget the group. */
  deleteGroup(group: string): void | Promise<void>;
}
