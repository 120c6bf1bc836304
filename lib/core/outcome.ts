// lib/core/outcome.ts — what the pipeline says about a request, and how a delivery is settled.

import type { SmsEvent } from "./events.js";
import type { WebhookError } from "./webhook-error.js";

/**
 * Commits (`true`: answered < 500) or releases (`false`) what a delivery claimed. Never
 * rejects; a store failure is logged. Acts once: a later call (a commit after a release) does
 * nothing. `status` is the HTTP status answered (499: the client left first), for observers.
 */
export type Settle = (handled: boolean, status?: number) => Promise<void>;

/** A claimed delivery: the handler may run, and must then be settled. */
export interface Delivery {
  /** The normalized event for the handler. */
  readonly event: SmsEvent;
  /** The verification failure report mode let through (already logged), if any. */
  readonly warning: WebhookError | undefined;
  /**
   * Records the handler's outcome: `true` (answered < 500) marks the event done, `false`
   * (threw, answered >= 500, or the client left) frees it for the provider's retry.
   */
  readonly settle: Settle;
}

/** Why a request is answered 200 without running the handler. */
export type Acknowledgement = "duplicate" | "part_received";

/** A request that passed every step: deliver it, or acknowledge it without the handler. */
export type Accepted =
  | { readonly type: "deliver"; readonly delivery: Delivery }
  | { readonly type: "acknowledge"; readonly status: Acknowledgement };

/**
 * What to do with a request: deliver the event to the handler, acknowledge it with 200, or
 * reject it with the error's status and `{"error":{"code","message"}}`.
 */
export type Outcome = Accepted | { readonly type: "reject"; readonly error: WebhookError };

/** `settle`, acting on its first call only. */
export function settleOnce(settle: Settle): Settle {
  let done = false;
  return async (handled, status) => {
    if (done) return;
    done = true;
    await settle(handled, status);
  };
}

/** The settle of a delivery nothing was claimed for (the store failed, `onStoreError: "process"`). */
export const settled: Settle = () => Promise.resolve();
