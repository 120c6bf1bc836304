// lib/stores/dedupe-store.ts — the contract between the pipeline and any dedupe store.

/**
 * The answer to {@link DedupeStore.claim}:
 * - `claimed`: this delivery may run the handler; keep the `token` to commit or release it.
 * - `in-flight`: another delivery of the same event holds a live lease.
 * - `done`: the event was already handled.
 */
export type Claim =
  { state: "claimed"; token: string } | { state: "in-flight" } | { state: "done" };

/**
 * Where the pipeline records which events it has handled, so each is handled once however often
 * (and however concurrently) the provider delivers it.
 *
 * Each method must be atomic per key. Methods may answer synchronously (the memory store does,
 * and pays no promise cost) or with a promise. Run `runDedupeStoreContract` from
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
