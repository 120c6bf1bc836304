// lib/stores/part-store.ts — where the parts of a concatenated SMS wait for each other.

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
 * order, on any instance) until the last one lands. `MemoryStore` and `RedisStore` are also
 * part stores; the pipeline uses its `store` for parts when it is one.
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

/** True when `store` also keeps concatenated-SMS parts. */
export function isPartStore(store: unknown): store is PartStore {
  const candidate = store as Partial<PartStore> | undefined;
  return typeof candidate?.addPart === "function" && typeof candidate.deleteGroup === "function";
}
