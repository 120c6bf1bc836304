// lib/core/outcome.ts — what the pipeline says about a request, and how a delivery is settled.

import type { SmsEvent } from "./events.js";
import type { MaybePromise } from "./maybe-async.js";
import type { WebhookError } from "./webhook-error.js";

/** What authentication established about a request. */
export interface Authentication {
  /** False when report mode (or a provider's explicit option) let an unverified request through. */
  readonly verified: boolean;
  /** The signed request time, if the provider signs one. */
  readonly signedAt: Date | undefined;
  /** When the pipeline received the request. */
  readonly receivedAt: Date;
  /** The verification failure report mode let through. */
  readonly warning: WebhookError | undefined;
}

/**
 * Commits (`true`: answered < 500) or releases (`false`) what a delivery claimed. Never throws
 * or rejects; a store failure is logged.
 */
export type Settle = (handled: boolean) => MaybePromise<void>;

/** The outcome of the signature check. */
export interface SignatureCheck {
  /** False when the provider accepted the request unsigned, or report mode let it through. */
  readonly verified: boolean;
  /** The failure report mode let through. */
  readonly warning: WebhookError | undefined;
}

/** A claimed delivery: the handler may run, and must then be settled. */
export interface Delivery {
  /** The normalized event for the handler. */
  readonly event: SmsEvent;
  /** The verification failure report mode let through, if any. */
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

/** What to do with a request. */
export type Outcome = Accepted | { readonly type: "reject"; readonly error: WebhookError };

/** `settle`, acting on its first call only: a later call (a commit after a release) does nothing. */
export function settleOnce(settle: Settle): Settle {
  let done = false;
  return (handled) => {
    if (done) return;
    done = true;
    return settle(handled);
  };
}
