// lib/core/observer.ts — what an observer is told about each request, and how it is told safely.

import { performance } from "node:perf_hooks";
import { describeError } from "./describe-error.js";
import type { SmsEvent } from "./events.js";
import type { Logger } from "./logger.js";
import type { WebhookErrorCode } from "./webhook-error.js";

/**
 * How a request ended:
 * - `delivered`: the handler got the event (its answer's status is the record's `status`);
 * - `duplicate`: an event already handled, acknowledged without the handler;
 * - `part`: one part of a concatenated SMS, kept until the others arrive;
 * - `in_flight`: another delivery of the same event was being handled (409);
 * - `rejected`: refused with an error code;
 * - `let_through`: failed verification, handed over anyway (`mode: "report"`).
 */
export type DeliveryOutcome =
  "delivered" | "duplicate" | "part" | "in_flight" | "rejected" | "let_through";

/** One request, as an observer sees it once it has been answered. */
export interface OutcomeRecord {
  /** When the request arrived. */
  readonly at: Date;
  /** The provider's name (`"twilio"`). */
  readonly provider: string;
  /** The method and path (no query) the request came to. */
  readonly route: { readonly method: string; readonly path: string };
  /** How it ended. */
  readonly outcome: DeliveryOutcome;
  /**
   * The HTTP status answered: the handler's for a delivered event, 499 when the client left
   * before the answer was sent.
   */
  readonly status: number;
  /** The error code of a rejection (or of the failure report mode let through). */
  readonly code: WebhookErrorCode | undefined;
  /** The event's type, once the request was read that far. */
  readonly eventType: SmsEvent["type"] | undefined;
  /** The event's id (its dedupe key), once the request was read that far. */
  readonly eventId: string | undefined;
  /** From arrival to the answer (for a delivered event: to the end of the handler's answer). */
  readonly durationMs: number;
  /** Time spent waiting for the dedupe store in this request. */
  readonly storeMs: number;
  /**
   * For a rejection (or a failure let through): the likely cause and what to change, in one
   * sentence for the operator. Never a secret or an expected signature.
   */
  readonly hint: string | undefined;
  /**
   * The event handed over (`delivered`, `let_through`). Read it during `onOutcome`; keeping it
   * keeps its texts and numbers in memory.
   */
  readonly event: SmsEvent | undefined;
  /** For `part`: which part of which message it was. */
  readonly part:
    { readonly group: string; readonly index: number; readonly total: number } | undefined;
}

/**
 * Sees every request's outcome, after its answer was sent. Register it with the `observers`
 * option of `smsWebhook`, `smsWebhook.router` or the single steps (or `createPipeline`). An
 * observer that throws or rejects is logged once and never changes an answer; one that is slow
 * runs after the answer, so it never delays it.
 */
export interface WebhookObserver {
  /** Called once per request, after its answer. */
  onOutcome(record: OutcomeRecord): void | Promise<void>;
}

/** What is known of a request so far; made only while someone observes. */
export interface Trace {
  /** When it arrived. */
  readonly at: Date;
  /** `performance.now()` at arrival. */
  readonly start: number;
  /** Store time so far, in ms. */
  storeMs: number;
  /** The event's id, once read. */
  eventId: string | undefined;
  /** The part this request carried, if it was one. */
  part: OutcomeRecord["part"];
}

/** A new {@link Trace}, started now. */
export function startTrace(): Trace {
  return {
    at: new Date(),
    start: performance.now(),
    storeMs: 0,
    eventId: undefined,
    part: undefined,
  };
}

/** Milliseconds since `trace` started. */
export function elapsedMs(trace: Trace): number {
  return performance.now() - trace.start;
}

/**
 * Tells every observer about a record. A throw or rejection is logged, once per observer, and
 * goes no further.
 */
export function observerDispatch(
  observers: readonly WebhookObserver[],
  logger: Logger,
): (record: OutcomeRecord) => void {
  const complained = new Set<WebhookObserver>();
  const failed = (observer: WebhookObserver, error: unknown) => {
    if (complained.has(observer)) return;
    complained.add(observer);
    logger.error(
      { cause: describeError(error) },
      "a webhook observer threw; its later failures are not logged",
    );
  };
  return (record) => {
    for (const observer of observers) {
      try {
        const result = observer.onOutcome(record);
        if (typeof (result as PromiseLike<void> | undefined)?.then === "function") {
          Promise.resolve(result).catch((error: unknown) => failed(observer, error));
        }
      } catch (error) {
        failed(observer, error);
      }
    }
  };
}
