// lib/core/pipeline.ts — the framework-free pipeline: parse, verify, window, dedupe, normalize.

import type { z } from "zod";
import { describeError } from "./describe-error.js";
import { DedupeGuard, type GuardClaim } from "./dedupe-guard.js";
import type { SmsEvent } from "./events.js";
import {
  pipelineOptionsShape,
  resolvePipelineOptions,
  validateOptions,
  type PipelineOptions,
  type ResolvedPipelineOptions,
} from "./options.js";
import type { Provider } from "./provider.js";
import type { RawRequest } from "./raw-request.js";
import { assertInWindow } from "./timestamp-window.js";
import { WebhookError, isWebhookError, type WebhookErrorCode } from "./webhook-error.js";

/** What authentication established about a request. */
export interface Authentication {
  /** False only in report mode, when verification failed. */
  readonly verified: boolean;
  /** The signed request time, if the provider signs one. */
  readonly signedAt: Date | undefined;
  /** When the pipeline received the request. */
  readonly receivedAt: Date;
  /** The verification failure report mode let through. */
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
  readonly settle: (handled: boolean) => Promise<void>;
}

/** A claim that lets the handler run: claimed, or unguarded because the store failed. */
export type ClaimedOrUnguarded = Exclude<GuardClaim, { state: "done" | "in-flight" }>;

/** What to do with a request. */
export type Outcome =
  | { readonly type: "deliver"; readonly delivery: Delivery }
  | { readonly type: "duplicate" }
  | { readonly type: "reject"; readonly error: WebhookError };

// Failures report mode lets through; everything else (bad payload, store down) still rejects.
const verificationCodes: ReadonlySet<WebhookErrorCode> = new Set([
  "signature_missing",
  "signature_invalid",
  "secret_unknown",
  "timestamp_missing",
  "timestamp_out_of_window",
  "unsigned_callback",
]);

/**
 * One provider's pipeline. `receive` runs every step; the step methods exist so the single-step
 * Express middlewares share exactly this code.
 */
export class WebhookPipeline<Payload, Req = unknown> {
  readonly provider: Provider<Payload>;
  readonly options: ResolvedPipelineOptions<Req>;
  #guard: DedupeGuard | undefined;

  constructor(provider: Provider<Payload>, options: ResolvedPipelineOptions<Req>) {
    this.provider = provider;
    this.options = options;
  }

  // Created on first use: a single-step middleware that never dedupes never allocates a store.
  get #dedupe(): DedupeGuard {
    return (this.#guard ??= new DedupeGuard(this.options));
  }

  /** Runs every step on `req` and says how to answer it. Never throws. */
  async receive(req: RawRequest): Promise<Outcome> {
    try {
      const payload = this.provider.parse(req);
      const auth = await this.authenticate(req, payload, this.options.clock());
      const key = this.provider.dedupeKey(payload, req);
      const claim = await this.claim(key);
      if (claim.state === "done") return { type: "duplicate" };
      if (claim.state === "in-flight") throw this.inFlight();
      const settle = this.settler(key, claim);
      let event: SmsEvent;
      try {
        event = this.normalize(payload, req, key, auth);
      } catch (error) {
        await settle(false);
        throw error;
      }
      return { type: "deliver", delivery: { event, warning: auth.warning, settle } };
    } catch (error) {
      return { type: "reject", error: this.asWebhookError(error) };
    }
  }

  /** Verifies the signature, then the signed time against the window. */
  async authenticate(req: RawRequest, payload: Payload, now: Date): Promise<Authentication> {
    const signatureWarning = await this.verifySignature(req, payload);
    const { signedAt, warning } =
      signatureWarning === undefined
        ? this.checkTimestamp(req, payload, now)
        : { signedAt: undefined, warning: signatureWarning };
    return { verified: warning === undefined, signedAt, receivedAt: now, warning };
  }

  /** Checks the signature; in report mode a failure comes back as a warning instead. */
  async verifySignature(req: RawRequest, payload: Payload): Promise<WebhookError | undefined> {
    try {
      await this.provider.verify(req, payload);
      return undefined;
    } catch (error) {
      return this.#reportOrThrow(error);
    }
  }

  /** Checks the signed time against the window; in report mode a failure is a warning. */
  checkTimestamp(
    req: RawRequest,
    payload: Payload,
    now: Date,
  ): { signedAt: Date | undefined; warning: WebhookError | undefined } {
    let signedAt: Date | undefined;
    try {
      signedAt = this.provider.timestamp(req, payload);
      if (signedAt !== undefined) assertInWindow(signedAt, now, this.options.toleranceSec);
      return { signedAt, warning: undefined };
    } catch (error) {
      return { signedAt, warning: this.#reportOrThrow(error) };
    }
  }

  /** Claims the event's key in the store. */
  claim(key: string): Promise<GuardClaim> {
    return this.#dedupe.claim(this.#storeKey(key));
  }

  /** The 409 answer for an event another delivery is handling right now. */
  inFlight(): WebhookError {
    return new WebhookError(
      "duplicate_in_flight",
      "Another delivery of this event is being handled; retry later.",
      { retryAfterSec: Math.min(5, Math.ceil(this.options.leaseMs / 1000)) },
    );
  }

  /**
   * Returns the function that settles a claim: commit when `handled`, release otherwise. It acts
   * once; later calls do nothing, so an early release (bad payload) is not undone by a commit.
   */
  settler(key: string, claim: ClaimedOrUnguarded): (handled: boolean) => Promise<void> {
    if (claim.state === "unguarded") return () => Promise.resolve();
    const storeKey = this.#storeKey(key);
    let settled = false;
    return (handled) => {
      if (settled) return Promise.resolve();
      settled = true;
      return this.#dedupe.settle(storeKey, claim.token, handled);
    };
  }

  /** Validates the payload and maps it to the event, with the pipeline's fields filled in. */
  normalize(payload: Payload, request: RawRequest, key: string, auth: Authentication): SmsEvent {
    return this.provider.normalize(payload, {
      request,
      id: key,
      verified: auth.verified,
      signedAt: auth.signedAt,
      receivedAt: auth.receivedAt,
    });
  }

  /**
   * Logs a rejection (warn; error for 5xx), or with `outcome` a report-mode failure let through,
   * and calls `onError`. A throwing `onError` is logged,
   * never allowed to break the answer.
   */
  report(error: WebhookError, raw: RawRequest, req: Req, outcome = "rejected"): void {
    const { logger, onError } = this.options;
    const details = {
      code: error.code,
      status: error.status,
      provider: this.provider.name,
      method: raw.method,
      path: pathOf(raw.url),
      ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
    };
    const message = `webhook ${outcome}: ${error.message}`;
    if (error.status >= 500) logger.error(details, message);
    else logger.warn(details, message);
    if (onError === undefined) return;
    try {
      onError(error, req);
    } catch (hookError) {
      logger.error({ cause: describeError(hookError) }, "the onError hook threw");
    }
  }

  /** Turns anything thrown inside the pipeline into a WebhookError safe to answer with. */
  asWebhookError(error: unknown): WebhookError {
    if (isWebhookError(error)) return error;
    return new WebhookError("internal_error", "The webhook could not be processed.", {
      cause: error,
    });
  }

  #reportOrThrow(error: unknown): WebhookError {
    const letThrough =
      this.options.mode === "report" && isWebhookError(error) && verificationCodes.has(error.code);
    if (!letThrough) throw error;
    return error;
  }

  #storeKey(key: string): string {
    return `${this.provider.name}:${key}`;
  }
}

function pathOf(url: string): string {
  const end = url.indexOf("?");
  return end === -1 ? url : url.slice(0, end);
}

/**
 * Checks `options` (against `shape`, by default the pipeline's own options), applies the
 * defaults and builds the pipeline: what a framework adapter starts from.
 */
export function createPipeline<Payload, Req = unknown>(
  provider: Provider<Payload>,
  options: PipelineOptions<Req> = {},
  shape: z.ZodRawShape = pipelineOptionsShape,
): WebhookPipeline<Payload, Req> {
  validateOptions(shape, options);
  return new WebhookPipeline(provider, resolvePipelineOptions(provider, options));
}
