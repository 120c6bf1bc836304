// lib/express/steps.ts — each pipeline step as its own middleware, for composing by hand.

import type { NextFunction, Request, RequestHandler, Response } from "express";
import { pipelineOptionsShape } from "../core/options.js";
import type { Trace } from "../core/observer.js";
import { settled, type Settle } from "../core/outcome.js";
import type { Authentication, WebhookPipeline } from "../core/pipeline.js";
import type { Provider } from "../core/provider.js";
import type { RawRequest } from "../core/raw-request.js";
import { WebhookError } from "../core/webhook-error.js";
import { expressPipeline } from "./express-pipeline.js";
import type { SmsWebhookOptions } from "./options.js";
import { keptBody } from "./raw-body.js";
import { toRawRequest } from "./raw-request.js";
import { sendAcknowledgement } from "./respond.js";
import { settleOnClose } from "./settle-on-close.js";

/** Options for a single step: those of `smsWebhook` (each step reads the ones it needs). */
export type StepOptions = Omit<SmsWebhookOptions, "limit">;

type AnyPipeline = WebhookPipeline<unknown, unknown, Request>;

// What one step leaves for the next, on the request under a private key.
interface StepState {
  raw: RawRequest;
  auth: Authentication<unknown>;
  // Made by verifySignature() when someone observes outcomes.
  trace: Trace | undefined;
  // Set by dedupe(): the payload it read and the key it claimed.
  payload?: unknown;
  key?: string;
  // The dedupe step's pipeline: normalize() keeps concatenated-SMS parts in its store, so
  // parts that land on different instances meet even when only dedupe() was given the store.
  dedupedBy?: AnyPipeline;
  // Replaced by normalize() when a concatenated SMS completes; read when the response closes.
  settle?: Settle;
}

const stateKey = Symbol("sms-webhooks.step-state");
type WithState = Request & { [stateKey]?: StepState };

type Step = (pipeline: AnyPipeline, req: Request, res: Response) => void | Promise<void>;

// Builds a step middleware: options checked once, each failure reported and passed to next().
function stepMiddleware<Payload, Signed>(
  name: string,
  provider: Provider<Payload, Signed>,
  options: StepOptions,
  step: Step,
): RequestHandler {
  const pipeline = expressPipeline(provider, options, pipelineOptionsShape, true);
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => step(pipeline as unknown as AnyPipeline, req, res))
      .then(
        () => {
          // Answered by the step, or the client left (its claim is released): nothing to run.
          if (!res.headersSent && !res.destroyed) next();
        },
        (error: unknown) => {
          const state = (req as WithState)[stateKey];
          const raw = state?.raw ?? toRawRequest(req, Buffer.alloc(0));
          const outcome = pipeline.reject(error, raw, req, state?.trace ?? pipeline.trace());
          next(outcome.type === "reject" ? outcome.error : error);
        },
      );
  };
  return Object.defineProperty(middleware, "name", { value: name });
}

function stateOf(req: Request, step: string): StepState {
  const state = (req as WithState)[stateKey];
  if (state === undefined) {
    throw new WebhookError(
      "internal_error",
      `${step}() needs verifySignature() mounted before it on this route.`,
    );
  }
  return state;
}

/**
 * Step 2: parses what the signature needs and verifies it against the raw body, which
 * `rawBody()` (or `captureRawBody`, or an upstream `express.raw()`) must have kept.
 */
export function verifySignature<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("verifySignature", provider, options, async (pipeline, req) => {
    // rawBody() keeps even a GET's empty body, whose stream nobody reads or ends.
    const body = Buffer.isBuffer(req.rawBody) ? req.rawBody : keptBody(req);
    if (body === undefined) {
      throw new WebhookError(
        "raw_body_unavailable",
        "verifySignature() found no raw body: mount rawBody() before it on this route.",
      );
    }
    const raw = toRawRequest(req, body);
    const state: StepState = { raw, auth: undefined as never, trace: pipeline.trace() };
    // Kept before authenticating, so a rejection is observed with this request's trace.
    (req as WithState)[stateKey] = state;
    state.auth = await pipeline.authenticate(raw, req, state.trace);
  });
}

/** Step 3: rejects a signed timestamp outside the window (`toleranceSec`). */
export function timestampWindow<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("timestampWindow", provider, options, (pipeline, req) => {
    const state = stateOf(req, "timestampWindow");
    pipeline.checkWindow(state.auth, state.raw, req);
  });
}

/**
 * Step 4: claims the event in the store. A handled event is answered 200 duplicate, one in
 * flight 409; otherwise the claim is committed or released when the response is over.
 */
export function dedupe<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("dedupe", provider, options, async (pipeline, req, res) => {
    const state = stateOf(req, "dedupe");
    const payload = pipeline.read(state.raw, state.auth);
    const key = pipeline.provider.dedupeKey(payload, state.raw);
    const storeKey = pipeline.storeKey(key, state.auth.verified);
    if (state.trace !== undefined) state.trace.eventId = key;
    const claim = await pipeline.claim(storeKey, state.trace);
    if (claim.state === "done") {
      pipeline.duplicate(state.raw, state.trace, claim.handledAt);
      return sendAcknowledgement(res, "duplicate");
    }
    if (claim.state === "in-flight") throw pipeline.inFlight();
    Object.assign(state, { payload, key, dedupedBy: pipeline });
    state.settle =
      claim.state === "unguarded" ? settled : pipeline.settler(storeKey, claim.token, state.trace);
    settleOnClose(res, (handled, status) => state.settle?.(handled, status) ?? Promise.resolve());
  });
}

/**
 * Step 5: validates the payload with the provider's schema and sets `req.smsEvent`. A part of
 * a concatenated SMS is acknowledged (200 `part_received`) until the last part completes it.
 */
export function normalize<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("normalize", provider, options, async (pipeline, req, res) => {
    const state = stateOf(req, "normalize");
    const finisher = state.dedupedBy ?? pipeline;
    const payload = state.key === undefined ? finisher.read(state.raw, state.auth) : state.payload;
    const key = state.key ?? finisher.provider.dedupeKey(payload, state.raw);
    if (state.trace !== undefined) state.trace.eventId = key;
    const finished = await finisher.finish(
      payload,
      state.raw,
      key,
      state.auth,
      state.settle ?? settled,
      state.trace,
    );
    const accepted =
      state.trace === undefined ? finished : finisher.observed(finished, state.raw, state.trace);
    if (accepted.type === "acknowledge") return sendAcknowledgement(res, accepted.status);
    state.settle = accepted.delivery.settle;
    req.smsEvent = accepted.delivery.event;
  });
}
