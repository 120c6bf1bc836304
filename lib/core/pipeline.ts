// lib/core/pipeline.ts — the framework-free pipeline: verify, window, read, dedupe, normalize.

import { describeError } from "./describe-error.js";
import type { SmsEvent } from "./events.js";
import {
  pipelineOptionsShape,
  resolvePipelineOptions,
  validateOptions,
  type PipelineOptions,
  type ResolvedPipelineOptions,
} from "./options.js";
import { OptionsError } from "./options-error.js";
import { settled, settleOnce, type Accepted, type Outcome, type Settle } from "./outcome.js";
import { duplicateHint, hintFor } from "./hints.js";
import { elapsedMs, startTrace, type DeliveryOutcome, type Trace } from "./observer.js";
import { collectPart } from "./part-collector.js";
import type { EventFields, NormalizeContext, Provider } from "./provider.js";
import { assertUncompressed, type RawRequest } from "./raw-request.js";
import { StoreGuard } from "./store-guard.js";
import type { DedupeStore } from "./stores.js";
import { assertInWindow } from "./timestamp-window.js";
import { WebhookError, isWebhookError, type WebhookErrorCode } from "./webhook-error.js";

/** Options of {@link createPipeline}: the shared ones, with the store the adapter chose. */
export interface CreatePipelineOptions<Req = unknown> extends PipelineOptions<Req> {
  /** Where handled events are remembered (adapters pass `options.store ?? new MemoryStore()`). */
  store: DedupeStore;
}

/** One provider's pipeline, as a framework adapter uses it. */
export interface Pipeline<Req = unknown> {
  /**
   * Runs every step on `raw` and says how to answer it. Never rejects. Rejections and
   * report-mode failures let through are logged and passed to `onError` with `context` (the
   * framework's request), after the logger is guarded: nothing it does changes the outcome.
   */
  receive(raw: RawRequest, context?: Req): Promise<Outcome>;
}

/** What authentication established about a request. */
export interface Authentication<Signed> {
  /** What the provider's `parse` read for verification. */
  readonly signed: Signed;
  /** False when report mode (or a provider's explicit option) let an unverified request through. */
  verified: boolean;
  /** The signed request time, if the provider signs one. */
  readonly signedAt: Date | undefined;
  /** When the pipeline received the request. */
  readonly receivedAt: Date;
  /** The verification failure report mode let through (already reported), if any. */
  warning: WebhookError | undefined;
}

// Failures report mode lets through; everything else (bad payload, store down) still rejects.
const verificationCodes: ReadonlySet<WebhookErrorCode> = new Set([
  "signature_missing",
  "signature_invalid",
  "secret_unknown",
  "timestamp_missing",
  "timestamp_out_of_window",
  "signature_reused",
  "unsigned_callback",
]);

const duplicate: Accepted = Object.freeze({ type: "acknowledge", status: "duplicate" });
const partReceived: Accepted = Object.freeze({ type: "acknowledge", status: "part_received" });

/**
 * The steps of one provider's pipeline. `receive` runs them all; the Express single-step
 * middlewares run them one at a time on the same instance. Internal: adapters get
 * {@link Pipeline} from {@link createPipeline}.
 */
export class WebhookPipeline<Payload, Signed, Req = unknown> implements Pipeline<Req> {
  readonly provider: Provider<Payload, Signed>;
  readonly options: ResolvedPipelineOptions<Req>;
  readonly #stores: StoreGuard;

  constructor(provider: Provider<Payload, Signed>, options: ResolvedPipelineOptions<Req>) {
    this.provider = provider;
    this.options = options;
    this.#stores = new StoreGuard(options);
    for (const notice of provider.notices ?? []) {
      options.logger.warn({ provider: provider.name }, notice);
    }
  }

  async receive(raw: RawRequest, context?: Req): Promise<Outcome> {
    const trace = this.trace();
    try {
      const auth = await this.authenticate(raw, context, trace);
      this.checkWindow(auth, raw, context);
      const payload = this.read(raw, auth);
      const key = this.provider.dedupeKey(payload, raw);
      if (trace !== undefined) trace.eventId = key;
      const storeKey = this.storeKey(key, auth.verified);
      const claim = await this.#stores.claim(storeKey, trace);
      if (claim.state === "done") return this.duplicate(raw, trace, claim.handledAt);
      if (claim.state === "in-flight") throw this.inFlight();
      const settle =
        claim.state === "unguarded" ? settled : this.settler(storeKey, claim.token, trace);
      const accepted = await this.finish(payload, raw, key, auth, settle, trace);
      return trace === undefined ? accepted : this.observed(accepted, raw, trace);
    } catch (error) {
      return this.reject(error, raw, context, trace);
    }
  }

  /** A trace for this request when anyone observes outcomes (observers, metrics), else none. */
  trace(): Trace | undefined {
    return this.options.observation.active() ? startTrace() : undefined;
  }

  /** The outcome for a request refused with `error` (reported as a rejection). */
  reject(error: unknown, raw: RawRequest, context: Req | undefined, trace?: Trace): Outcome {
    const rejection = asWebhookError(error);
    this.report(rejection, raw, context);
    if (trace !== undefined) {
      const outcome = rejection.code === "duplicate_in_flight" ? "in_flight" : "rejected";
      this.#emit(raw, trace, outcome, rejection.status, rejection, undefined);
    }
    return { type: "reject", error: rejection };
  }

  /**
   * The answer for an event already handled — at `handledAt`, when the store says — told to
   * the observers.
   */
  duplicate(raw: RawRequest, trace: Trace | undefined, handledAt?: number): Accepted {
    if (trace !== undefined) {
      const hint = duplicateHint(handledAt, trace.at.getTime(), this.options.dedupeTtlMs);
      this.#emit(raw, trace, "duplicate", 200, undefined, undefined, hint);
    }
    return duplicate;
  }

  /**
   * Observes what `finish` accepted: a part now, a delivery when it is settled (the handler's
   * answer is its status).
   */
  observed(accepted: Accepted, raw: RawRequest, trace: Trace): Accepted {
    if (accepted.type === "acknowledge") {
      this.#emit(raw, trace, "part", 200, undefined, undefined);
      return accepted;
    }
    const { event, warning, settle } = accepted.delivery;
    const outcome = warning === undefined ? "delivered" : "let_through";
    const observedSettle = settleOnce(async (handled, status) => {
      await settle(handled, status);
      this.#emit(raw, trace, outcome, status ?? (handled ? 200 : 500), warning, event);
    });
    return { type: "deliver", delivery: { event, warning, settle: observedSettle } };
  }

  #emit(
    raw: RawRequest,
    trace: Trace,
    outcome: DeliveryOutcome,
    status: number,
    error: WebhookError | undefined,
    event: SmsEvent | undefined,
    hint = error === undefined ? undefined : hintFor(error),
  ): void {
    this.options.observation.emit({
      at: trace.at,
      provider: this.provider.name,
      route: { method: raw.method, path: pathOf(raw.url) },
      outcome,
      status,
      code: error?.code,
      eventType: event?.type,
      eventId: event?.id ?? trace.eventId,
      durationMs: elapsedMs(trace),
      storeMs: trace.storeMs,
      hint,
      event,
      part: outcome === "part" ? trace.part : undefined,
    });
  }

  /**
   * Reads what the signature needs and checks it. In report mode a verification failure is
   * logged and let through, unverified.
   */
  async authenticate(
    raw: RawRequest,
    context: Req | undefined,
    trace?: Trace,
  ): Promise<Authentication<Signed>> {
    const receivedAt = this.options.clock();
    assertUncompressed(raw);
    const signed =
      this.provider.parse === undefined ? (undefined as Signed) : this.provider.parse(raw);
    try {
      const verification = await this.provider.verify(raw, signed);
      const verified = verification !== "unverified";
      const signedAt = verified ? verification : undefined;
      if (verified && this.provider.singleUse !== undefined) {
        await this.#assertSingleUse(signed, raw, trace);
      }
      return { signed, verified, signedAt, receivedAt, warning: undefined };
    } catch (error) {
      const warning = this.#letThroughOrThrow(error, raw, context);
      return { signed, verified: false, signedAt: undefined, receivedAt, warning };
    }
  }

  /** Checks the signed time against the window; in report mode a failure is let through. */
  checkWindow(auth: Authentication<Signed>, raw: RawRequest, context: Req | undefined): void {
    if (auth.signedAt === undefined) return;
    try {
      assertInWindow(auth.signedAt, auth.receivedAt, this.options.toleranceSec);
    } catch (error) {
      auth.warning = this.#letThroughOrThrow(error, raw, context);
      auth.verified = false;
    }
  }

  // Binds a verified request's single-use nonce to what its signature leaves out (see
  // Provider.singleUse). A reuse throws like a failed signature: report mode lets it through.
  async #assertSingleUse(signed: Signed, raw: RawRequest, trace: Trace | undefined) {
    const { nonces } = this.options;
    const use = this.provider.singleUse?.(signed, raw);
    if (use === undefined || nonces === undefined) return;
    const key = `${this.provider.name}:nonce:${use.key}`;
    if (await this.#stores.bindNonce(nonces, key, use.fingerprint, trace)) return;
    throw new WebhookError(
      "signature_reused",
      "This signature's nonce was already used with a different request.",
      {
        hint: "A captured signature came again with another body, which it does not cover. If these are your own tests, sign each request with a new nonce.",
      },
    );
  }

  /** The payload, read once the request is authentic (or let through by report mode). */
  read(raw: RawRequest, auth: Authentication<Signed>): Payload {
    const { provider } = this;
    return provider.read === undefined
      ? (auth.signed as unknown as Payload)
      : provider.read(raw, auth.signed);
  }

  /**
   * The key an event is claimed under: the provider's name and dedupe key, kept apart for
   * events that did not verify (report mode, unsigned traffic a provider allows), so a forged
   * request cannot use up the key of the genuine event and get it answered as a duplicate.
   */
  storeKey(key: string, verified: boolean): string {
    return verified ? `${this.provider.name}:${key}` : `${this.provider.name}:unverified:${key}`;
  }

  /** Claims a {@link storeKey} in the store (with the store's timeout and failure policy). */
  claim(storeKey: string, trace?: Trace) {
    return this.#stores.claim(storeKey, trace);
  }

  /** The 409 answer for an event another delivery is handling right now. */
  inFlight(): WebhookError {
    return new WebhookError(
      "duplicate_in_flight",
      "Another delivery of this event is being handled; retry later.",
      { retryAfterSec: Math.min(5, Math.ceil(this.options.leaseMs / 1000)) },
    );
  }

  /** Settles a claim once: commit when handled, release otherwise. */
  settler(storeKey: string, token: string, trace?: Trace): Settle {
    return settleOnce((handled) => this.#stores.settle(storeKey, token, handled, trace));
  }

  /**
   * Normalizes a claimed payload into the delivery. A part of a concatenated message is kept
   * and acknowledged instead, until the part that completes it. Anything that fails releases
   * the claim.
   */
  async finish(
    payload: Payload,
    raw: RawRequest,
    key: string,
    auth: Authentication<Signed>,
    settle: Settle,
    trace?: Trace,
  ): Promise<Accepted> {
    try {
      const context: NormalizeContext = {
        request: raw,
        signedAt: auth.signedAt,
        receivedAt: auth.receivedAt,
      };
      const fields = this.provider.normalize(payload, context);
      const { concat } = this.provider;
      const part = concat?.partOf(payload, fields);
      if (concat === undefined || part === undefined) {
        const event = this.#stamp(fields, key, auth.verified, payload);
        return { type: "deliver", delivery: { event, warning: auth.warning, settle } };
      }
      const { parts } = this.options;
      if (parts === undefined) throw new Error("the store keeps no parts"); // refused at construction
      const collector = {
        ttlMs: concat.ttlMs,
        stores: this.#stores,
        parts,
        logger: this.options.logger,
        provider: this.provider.name,
        trace,
      };
      const message = await collectPart(collector, part, payload, auth.verified, settle);
      if (message === undefined) return partReceived;
      const payloads = message.payloads as Payload[];
      const whole = concat.assemble(payloads, context);
      const event = this.#stamp(whole, message.group, auth.verified, payloads);
      const delivery = { event, warning: auth.warning, settle: message.settle };
      return { type: "deliver", delivery };
    } catch (error) {
      await settle(false);
      throw error;
    }
  }

  /**
   * Logs a rejection (warn; error for 5xx), or with `outcome` a report-mode failure let through,
   * and calls `onError`. A throwing `onError` is logged, never allowed to break the answer.
   */
  report(error: WebhookError, raw: RawRequest, context: Req | undefined, outcome = "rejected") {
    const { logger, onError } = this.options;
    const details = {
      code: error.code,
      status: error.status,
      provider: this.provider.name,
      method: raw.method,
      path: pathOf(raw.url),
      ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
    };
    // The hint is for the operator (what to set to fix it): the log line, never the answer.
    const message = `webhook ${outcome}: ${error.message} ${hintFor(error)}`;
    if (error.status >= 500) logger.error(details, message);
    else logger.warn(details, message);
    if (onError === undefined) return;
    try {
      onError(error, context as Req);
    } catch (hookError) {
      logger.error({ cause: describeError(hookError) }, "the onError hook threw");
    }
  }

  // The pipeline, not the provider, fills in what every event carries. Set on the object
  // `normalize` just made, not spread into a copy: the copy cost ~10 µs a request in the bench.
  #stamp(fields: EventFields, id: string, verified: boolean, raw: unknown): SmsEvent {
    const event = fields as EventFields & Pick<SmsEvent, "provider" | "id" | "verified" | "raw">;
    event.provider = this.provider.name;
    event.id = id;
    event.verified = verified;
    event.raw = raw;
    return event;
  }

  #letThroughOrThrow(error: unknown, raw: RawRequest, context: Req | undefined): WebhookError {
    const letThrough =
      this.options.mode === "report" && isWebhookError(error) && verificationCodes.has(error.code);
    if (!letThrough) throw error;
    this.report(error, raw, context, "let through (report mode)");
    return error;
  }
}

/** Turns anything thrown inside the pipeline into a WebhookError safe to answer with. */
export function asWebhookError(error: unknown): WebhookError {
  if (isWebhookError(error)) return error;
  return new WebhookError("internal_error", "The webhook could not be processed.", {
    cause: error,
  });
}

function pathOf(url: string): string {
  const end = url.indexOf("?");
  return end === -1 ? url : url.slice(0, end);
}

/** Builds the internal pipeline from options already checked against their shape. */
export function buildPipeline<Payload, Signed, Req>(
  provider: Provider<Payload, Signed>,
  options: PipelineOptions<Req>,
  store: DedupeStore,
): WebhookPipeline<Payload, Signed, Req> {
  return new WebhookPipeline(provider, resolvePipelineOptions(provider, options, store));
}

/**
 * Checks `options`, applies the defaults and builds the pipeline a framework adapter drives:
 * `await createPipeline(provider, { store }).receive(rawRequest, req)` → the {@link Outcome}.
 * A bad option throws here, at start-up.
 */
export function createPipeline<Payload, Signed, Req = unknown>(
  provider: Provider<Payload, Signed>,
  options: CreatePipelineOptions<Req>,
): Pipeline<Req> {
  const { store, ...rest } = validateOptions(pipelineOptionsShape, options);
  if (store === undefined) {
    throw new OptionsError(
      "ERR_SMS_WEBHOOKS_MISSING_OPTION",
      'option "store" is required: pass new MemoryStore() or a RedisStore',
    );
  }
  return buildPipeline(provider, rest, store);
}
