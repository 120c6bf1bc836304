// lib/core/store-guard.ts — the pipeline's use of its stores: timeouts, failure policy, settling.

import { describeError } from "./describe-error.js";
import type { Logger } from "./logger.js";
import { isThenable, type MaybePromise } from "./maybe-async.js";
import { WebhookError } from "./webhook-error.js";
import type { Claim, DedupeStore } from "../stores/dedupe-store.js";
import { MemoryStore } from "../stores/memory-store.js";

/** A claim, or `unguarded` when the store failed and `onStoreError: "process"` runs anyway. */
export type GuardClaim = Claim | { state: "unguarded" };

/** What the guard needs from the resolved options. */
export interface StoreGuardOptions {
  /** The store; undefined means a `MemoryStore` of the guard's own. */
  readonly store: DedupeStore | undefined;
  readonly leaseMs: number;
  readonly dedupeTtlMs: number;
  readonly storeTimeoutMs: number;
  readonly onStoreError: "reject" | "process";
  readonly logger: Logger;
}

const unguarded: GuardClaim = Object.freeze({ state: "unguarded" });

/**
 * Wraps the stores so that no store call can hang a request or crash the process: a call that
 * throws, rejects or outlasts `storeTimeoutMs` becomes `store_unavailable`. A store that
 * answers synchronously (the memory store) is never wrapped in a promise.
 */
export class StoreGuard {
  /** The dedupe store in use (the default `MemoryStore` when none was given). */
  readonly store: DedupeStore;
  readonly #options: StoreGuardOptions;

  constructor(options: StoreGuardOptions) {
    this.#options = options;
    this.store = options.store ?? new MemoryStore();
  }

  /** Claims `key`; throws `store_unavailable` unless the policy is to process without dedupe. */
  claim(key: string): MaybePromise<GuardClaim> {
    let answer: MaybePromise<Claim>;
    try {
      answer = this.store.claim(key, this.#options.leaseMs);
    } catch (error) {
      return this.#claimFailed(key, unavailable("claim", error));
    }
    if (!isThenable(answer)) return answer;
    // A claim that answers after we gave up (a client that queued it while Redis was down) would
    // hold the key for a whole lease, turning the provider's retries away: let it go at once.
    const releaseLate = (late: Claim) => {
      if (late.state === "claimed") void this.settle(key, late.token, false);
    };
    return this.#timed("claim", answer, releaseLate).catch((error: unknown) =>
      this.#claimFailed(key, error),
    );
  }

  /**
   * Commits (`handled`) or releases the claim. Never throws or rejects: the answer has been
   * sent by now, so a failure is logged, and the lease expiring lets the provider's retry in.
   */
  settle(key: string, token: string, handled: boolean): MaybePromise<void> {
    const operation = handled ? "commit" : "release";
    let answer: MaybePromise<void>;
    try {
      answer = handled
        ? this.store.commit(key, token, this.#options.dedupeTtlMs)
        : this.store.release(key, token);
    } catch (error) {
      return this.#settleFailed(key, handled, unavailable(operation, error));
    }
    if (!isThenable(answer)) return answer;
    return this.#timed(operation, answer).catch((error: unknown) =>
      this.#settleFailed(key, handled, error),
    );
  }

  /**
   * Runs one store call: a synchronous answer passes straight through; a throw, a rejection or
   * a timeout becomes `store_unavailable`.
   */
  call<T>(operation: string, run: () => MaybePromise<T>): MaybePromise<T> {
    let answer: MaybePromise<T>;
    try {
      answer = run();
    } catch (error) {
      throw unavailable(operation, error);
    }
    return isThenable(answer) ? this.#timed(operation, answer) : answer;
  }

  #claimFailed(key: string, error: unknown): GuardClaim {
    if (this.#options.onStoreError === "reject") throw error;
    this.#options.logger.error(
      { key, cause: describeError(error) },
      "dedupe store failed; handling the webhook without dedupe (onStoreError: process)",
    );
    return unguarded;
  }

  #settleFailed(key: string, handled: boolean, error: unknown): void {
    this.#options.logger.error(
      { key, cause: describeError(error) },
      handled
        ? "could not record a handled webhook; a retry may be handled again"
        : "could not release a failed webhook's claim; its retry waits for the lease to expire",
    );
  }

  // A store's promise, with its rejection or a timeout (`storeTimeoutMs`) as
  // `store_unavailable`. `onLate` gets the answer of a call that timed out, if it ever comes.
  // Any thenable: a store may use another promise library, or come from another realm.
  #timed<T>(operation: string, answer: PromiseLike<T>, onLate?: (late: T) => void): Promise<T> {
    const result = Promise.resolve(answer);
    const { storeTimeoutMs } = this.#options;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (onLate !== undefined) result.then(onLate, () => {});
        reject(unavailable(operation, new Error(`timed out after ${storeTimeoutMs} ms`)));
      }, storeTimeoutMs);
      timer.unref();
    });
    const failed = (error: unknown) => Promise.reject(unavailable(operation, error));
    return Promise.race([result.catch(failed), timeout]).finally(() => clearTimeout(timer));
  }
}

function unavailable(operation: string, cause: unknown): WebhookError {
  if (cause instanceof WebhookError) return cause;
  return new WebhookError("store_unavailable", "The dedupe store is unavailable; retry later.", {
    cause: new Error(`store ${operation} failed`, { cause }),
  });
}
