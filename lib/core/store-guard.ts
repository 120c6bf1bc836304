// lib/core/store-guard.ts — the pipeline's use of its stores: timeouts, failure policy, settling.

import { performance } from "node:perf_hooks";
import { describeError } from "./describe-error.js";
import type { Logger } from "./logger.js";
import type { Trace } from "./observer.js";
import type { Claim, DedupeStore, NonceStore } from "./stores.js";
import { WebhookError } from "./webhook-error.js";

/** A claim, or `unguarded` when the store failed and `onStoreError: "process"` runs anyway. */
export type GuardClaim = Claim | { state: "unguarded" };

/** What the guard needs from the resolved options. */
export interface StoreGuardOptions {
  readonly store: DedupeStore;
  readonly leaseMs: number;
  readonly dedupeTtlMs: number;
  readonly storeTimeoutMs: number;
  readonly onStoreError: "reject" | "process";
  readonly logger: Logger;
}

const unguarded: GuardClaim = Object.freeze({ state: "unguarded" });

/**
 * Wraps the stores so that no store call can hang a request or crash the process: a call that
 * throws, rejects or outlasts `storeTimeoutMs` becomes `store_unavailable`.
 */
export class StoreGuard {
  readonly #options: StoreGuardOptions;

  constructor(options: StoreGuardOptions) {
    this.#options = options;
  }

  /** Claims `key`; throws `store_unavailable` unless the policy is to process without dedupe. */
  async claim(key: string, trace?: Trace): Promise<GuardClaim> {
    const { store, leaseMs } = this.#options;
    // A claim that answers after we gave up (a client that queued it while Redis was down) would
    // hold the key for a whole lease, turning the provider's retries away: let it go at once.
    const releaseLate = (late: Claim) => {
      if (late.state === "claimed") void this.settle(key, late.token, false);
    };
    return this.#orProcess(
      key,
      () => this.call("claim", () => store.claim(key, leaseMs), releaseLate, trace),
      "dedupe store failed; handling the webhook without dedupe (onStoreError: process)",
      unguarded,
    );
  }

  /**
   * Binds a single-use nonce (see `NonceStore`); answers false when it came first with another
   * fingerprint. When the store fails: `store_unavailable`, or, with `onStoreError: "process"`,
   * true (logged) — the request then runs as it would without dedupe.
   */
  async bindNonce(
    nonces: NonceStore,
    key: string,
    fingerprint: string,
    trace?: Trace,
  ): Promise<boolean> {
    const { dedupeTtlMs } = this.#options;
    const bind = () => nonces.bindNonce(key, fingerprint, dedupeTtlMs);
    return this.#orProcess(
      key,
      () => this.call("bindNonce", bind, undefined, trace),
      "nonce store failed; handling the webhook without its single-use check (onStoreError: process)",
      true,
    );
  }

  // The failure policy of a store call before the answer: `store_unavailable`, or, with
  // onStoreError: "process", `fallback` (logged) so the request runs unguarded.
  async #orProcess<T>(
    key: string,
    run: () => Promise<T>,
    message: string,
    fallback: T,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (this.#options.onStoreError === "reject") throw error;
      this.#options.logger.error({ key, cause: describeError(error) }, message);
      return fallback;
    }
  }

  /**
   * Commits (`handled`) or releases the claim. Never rejects: the answer has been sent by now,
   * so a failure is logged, and the lease expiring lets the provider's retry in.
   */
  async settle(key: string, token: string, handled: boolean, trace?: Trace): Promise<void> {
    const { store, dedupeTtlMs } = this.#options;
    try {
      await (handled
        ? this.call("commit", () => store.commit(key, token, dedupeTtlMs), undefined, trace)
        : this.call("release", () => store.release(key, token), undefined, trace));
    } catch (error) {
      this.#options.logger.error(
        { key, cause: describeError(error) },
        handled
          ? "could not record a handled webhook; a retry may be handled again"
          : "could not release a failed webhook's claim; its retry waits for the lease to expire",
      );
    }
  }

  /**
   * Runs one store call; a throw, a rejection or a timeout (`storeTimeoutMs`) becomes
   * `store_unavailable`. `onLate` gets the answer of a call that timed out, if it ever comes;
   * `trace` (when observed) the time it took.
   */
  async call<T>(
    operation: string,
    run: () => T | PromiseLike<T>,
    onLate?: (late: T) => void,
    trace?: Trace,
  ): Promise<T> {
    if (trace === undefined) return this.#call(operation, run, onLate);
    const start = performance.now();
    try {
      return await this.#call(operation, run, onLate);
    } finally {
      trace.storeMs += performance.now() - start;
    }
  }

  async #call<T>(
    operation: string,
    run: () => T | PromiseLike<T>,
    onLate?: (late: T) => void,
  ): Promise<T> {
    let answer: T | PromiseLike<T>;
    try {
      answer = run();
    } catch (error) {
      throw unavailable(operation, error);
    }
    // A synchronous store (the memory store) needs no timer.
    if (typeof (answer as PromiseLike<T> | null)?.then !== "function") return answer;
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
    try {
      return await Promise.race([result, timeout]);
    } catch (error) {
      throw unavailable(operation, error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function unavailable(operation: string, cause: unknown): WebhookError {
  if (cause instanceof WebhookError) return cause;
  return new WebhookError("store_unavailable", "The dedupe store is unavailable; retry later.", {
    cause: new Error(`store ${operation} failed`, { cause }),
  });
}
