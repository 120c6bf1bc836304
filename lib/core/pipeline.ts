// lib/core/pipeline.ts — the framework-free pipeline: parse, verify, window, dedupe, normalize.

import type { z } from "zod";
import { describeError } from "./describe-error.js";
import type { SmsEvent } from "./events.js";
import {
  pipelineOptionsShape,
  resolvePipelineOptions,
  validateOptions,
  type PipelineOptions,
  type ResolvedPipelineOptions,
} from "./options.js";
import type { MessagePart, Provider, VerifyResult } from "./provider.js";
import { assertUncompressed, type RawRequest } from "./raw-request.js";
import { isThenable, then, type MaybePromise } from "./maybe-async.js";
import { StoreGuard, type GuardClaim } from "./store-guard.js";
import { assertInWindow } from "./timestamp-window.js";
import { WebhookError, isWebhookError, type WebhookErrorCode } from "./webhook-error.js";
import {
  settleOnce,
  type Accepted,
  type Authentication,
  type Outcome,
  type Settle,
  type SignatureCheck,
} from "./outcome.js";
import { collectPart } from "./part-collector.js";
import { MemoryPartStore } from "../stores/memory-part-store.js";
import { isPartStore, type PartStore } from "../stores/part-store.js";

/** A claim that lets the handler run: claimed, or unguarded because the store failed. */
export type ClaimedOrUnguarded = Exclude<GuardClaim, { state: "done" | "in-flight" }>;

// Failures report mode lets through; everything else (bad payload, store down) still rejects.
const verificationCodes: ReadonlySet<WebhookErrorCode> = new Set([
  "signature_missing",
  "signature_invalid",
  "secret_unknown",
  "timestamp_missing",
  "timestamp_out_of_window",
  "unsigned_callback",
]);

const duplicate: Accepted = Object.freeze({ type: "acknowledge", status: "duplicate" });
const settled: Settle = () => undefined;
const signatureValid: SignatureCheck = Object.freeze({ verified: true, warning: undefined });
const acceptedUnsigned: SignatureCheck = Object.freeze({ verified: false, warning: undefined });
const signatureCheck = (result: VerifyResult): SignatureCheck =>
  result === "unverified" ? acceptedUnsigned : signatureValid;

/**
 * One provider's pipeline. `receive` runs every step; the step methods exist so the single-step
 * Express middlewares share exactly this code.
 */
export class WebhookPipeline<Payload, Req = unknown> {
  readonly provider: Provider<Payload>;
  readonly options: ResolvedPipelineOptions<Req>;
  #guard: StoreGuard | undefined;
  #partStore: PartStore | undefined;

  constructor(provider: Provider<Payload>, options: ResolvedPipelineOptions<Req>) {
    this.provider = provider;
    this.options = options;
  }

  /** Logs the provider's notices (risky settings it was built with); once per middleware. */
  announce(): void {
    for (const notice of this.provider.notices ?? []) {
      this.options.logger.warn({ provider: this.provider.name }, notice);
    }
  }

  // Made on first use: a single-step middleware that never dedupes never allocates a store.
  get #stores(): StoreGuard {
    return (this.#guard ??= new StoreGuard(this.options));
  }

  // The dedupe store keeps the parts when it can (MemoryStore, RedisStore), so parts that land
  // on different instances meet; a store that cannot gets parts kept in this process.
  get #parts(): PartStore {
    if (this.#partStore !== undefined) return this.#partStore;
    const store = this.#stores.store;
    if (isPartStore(store)) return (this.#partStore = store);
    this.options.logger.warn(
      { provider: this.provider.name },
      "the dedupe store cannot keep concatenated-SMS parts; keeping them in this process's memory",
    );
    return (this.#partStore = new MemoryPartStore());
  }

  /**
   * Runs every step on `req` and says how to answer it. Never throws or rejects. Answers
   * synchronously when the provider and the store do (HMAC providers on the memory store), so
   * the common path costs no promises.
   */
  // The synchronous path below makes no closures and no promises: each step continues at once
  // unless the one before it answered with a promise (a JWT check, a Redis store).
  receive(req: RawRequest): MaybePromise<Outcome> {
    let outcome: MaybePromise<Outcome>;
    try {
      assertUncompressed(req);
      const payload = this.provider.parse(req);
      const auth = this.authenticate(req, payload, this.options.clock());
      outcome = isThenable(auth)
        ? auth.then((settled) => this.#claimAndFinish(req, payload, settled))
        : this.#claimAndFinish(req, payload, auth);
    } catch (error) {
      return this.#rejection(error);
    }
    return isThenable(outcome) ? Promise.resolve(outcome).catch(this.#rejection) : outcome;
  }

  /** Verifies the signature, then the signed time against the window. */
  authenticate(req: RawRequest, payload: Payload, now: Date): MaybePromise<Authentication> {
    const signature = this.verifySignature(req, payload);
    return isThenable(signature)
      ? signature.then((settled) => this.#withTimestamp(req, payload, now, settled))
      : this.#withTimestamp(req, payload, now, signature);
  }

  /**
   * Checks the signature. In report mode a failure comes back as a warning instead;
   * `verified` is false also when the provider accepted the request unsigned, by its options.
   */
  verifySignature(req: RawRequest, payload: Payload): MaybePromise<SignatureCheck> {
    let result: MaybePromise<VerifyResult>;
    try {
      assertUncompressed(req);
      result = this.provider.verify(req, payload);
    } catch (error) {
      return this.#signatureFailure(error);
    }
    return isThenable(result)
      ? Promise.resolve(result).then(signatureCheck, this.#signatureFailure)
      : signatureCheck(result);
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

  /**
   * The key an event is claimed under: the provider's name and dedupe key, kept apart for
   * events that did not verify (report mode, unsigned traffic a provider allows), so a forged
   * request cannot use up the key of the genuine event and get it answered as a duplicate.
   */
  storeKey(key: string, verified: boolean): string {
    return verified ? `${this.provider.name}:${key}` : `${this.provider.name}:unverified:${key}`;
  }

  /** Claims a {@link storeKey} in the store. */
  claim(storeKey: string): MaybePromise<GuardClaim> {
    return this.#stores.claim(storeKey);
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
  settler(storeKey: string, claim: ClaimedOrUnguarded): Settle {
    if (claim.state === "unguarded") return settled;
    const stores = this.#stores;
    return settleOnce((handled) => stores.settle(storeKey, claim.token, handled));
  }

  /**
   * Normalizes a claimed payload into the delivery. A part of a concatenated message is kept
   * and acknowledged instead, until the part that completes it. Anything that fails releases
   * the claim.
   */
  finish(
    payload: Payload,
    req: RawRequest,
    key: string,
    auth: Authentication,
    settle: Settle,
  ): MaybePromise<Accepted> {
    let event: SmsEvent;
    let part: MessagePart | undefined;
    try {
      event = this.normalize(payload, req, key, auth);
      part = this.provider.concat?.partOf(payload, event);
    } catch (error) {
      return then(settle(false), () => {
        throw error;
      });
    }
    if (part === undefined) {
      return { type: "deliver", delivery: { event, warning: auth.warning, settle } };
    }
    const collector = {
      concat: this.provider.concat!,
      stores: this.#stores,
      parts: this.#parts,
      logger: this.options.logger,
      provider: this.provider.name,
    };
    return collectPart(collector, part, req, auth, settle);
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
   * and calls `onError`. A throwing `onError` is logged, never allowed to break the answer.
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

  #withTimestamp(
    req: RawRequest,
    payload: Payload,
    now: Date,
    signature: SignatureCheck,
  ): Authentication {
    if (signature.warning !== undefined) {
      return { verified: false, signedAt: undefined, receivedAt: now, warning: signature.warning };
    }
    const { signedAt, warning } = this.checkTimestamp(req, payload, now);
    return {
      verified: signature.verified && warning === undefined,
      signedAt,
      receivedAt: now,
      warning,
    };
  }

  #claimAndFinish(req: RawRequest, payload: Payload, auth: Authentication): MaybePromise<Outcome> {
    const key = this.provider.dedupeKey(payload, req);
    const storeKey = this.storeKey(key, auth.verified);
    const claim = this.claim(storeKey);
    return isThenable(claim)
      ? claim.then((settled) => this.#finishClaimed(req, payload, auth, key, storeKey, settled))
      : this.#finishClaimed(req, payload, auth, key, storeKey, claim);
  }

  #finishClaimed(
    req: RawRequest,
    payload: Payload,
    auth: Authentication,
    key: string,
    storeKey: string,
    claim: GuardClaim,
  ): MaybePromise<Outcome> {
    if (claim.state === "done") return duplicate;
    if (claim.state === "in-flight") throw this.inFlight();
    return this.finish(payload, req, key, auth, this.settler(storeKey, claim));
  }

  // Bound once: handed to promise chains without a new closure per request.
  readonly #rejection = (error: unknown): Outcome => ({
    type: "reject",
    error: this.asWebhookError(error),
  });

  readonly #signatureFailure = (error: unknown): SignatureCheck => ({
    verified: false,
    warning: this.#reportOrThrow(error),
  });

  #reportOrThrow(error: unknown): WebhookError {
    const letThrough =
      this.options.mode === "report" && isWebhookError(error) && verificationCodes.has(error.code);
    if (!letThrough) throw error;
    return error;
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

export type {
  Accepted,
  Acknowledgement,
  Authentication,
  Delivery,
  Outcome,
  Settle,
  SignatureCheck,
} from "./outcome.js";
