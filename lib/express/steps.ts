// lib/express/steps.ts — each pipeline step as its own middleware, for composing by hand.

import type { NextFunction, Request, RequestHandler, Response } from "express";
import { pipelineOptionsShape } from "../core/options.js";
import { createPipeline, type Settle, type WebhookPipeline } from "../core/pipeline.js";
import type { Provider } from "../core/provider.js";
import type { RawRequest } from "../core/raw-request.js";
import { WebhookError } from "../core/webhook-error.js";
import type { SmsWebhookOptions } from "./options.js";
import { keptBody } from "./raw-body.js";
import { toRawRequest } from "./raw-request.js";
import { sendAcknowledgement } from "./respond.js";
import { settleOnClose } from "./settle-on-close.js";

/** Options for a single step: those of `smsWebhook` (each step reads the ones it needs). */
export type StepOptions = Omit<SmsWebhookOptions, "limit">;

// What one step leaves for the next, on the request under a private key.
interface StepState {
  raw: RawRequest;
  payload: unknown;
  verified: boolean;
  signedAt: Date | undefined;
  receivedAt: Date;
  key: string | undefined;
  // The dedupe step's pipeline: normalize() keeps concatenated-SMS parts in its store, so
  // parts that land on different instances meet even when only dedupe() was given the store.
  dedupedBy: WebhookPipeline<unknown, Request> | undefined;
  // Replaced by normalize() when a concatenated SMS completes; read when the response closes.
  settle: Settle | undefined;
}

const stateKey = Symbol("sms-webhooks.step-state");
type WithState = Request & { [stateKey]?: StepState };

type Step<Payload> = (
  pipeline: WebhookPipeline<Payload, Request>,
  req: Request,
  res: Response,
) => void | Promise<void>;

// Builds a step middleware: options checked once, each failure reported and passed to next().
function stepMiddleware<Payload>(
  name: string,
  provider: Provider<Payload>,
  options: StepOptions,
  step: Step<Payload>,
): RequestHandler {
  const pipeline = createPipeline<Payload, Request>(provider, options, pipelineOptionsShape);
  if (name === "verifySignature") pipeline.announce();
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => step(pipeline, req, res))
      .then(
        () => {
          // Answered by the step, or the client left (its claim is released): nothing to run.
          if (!res.headersSent && !res.destroyed) next();
        },
        (error: unknown) => {
          const rejection = pipeline.asWebhookError(error);
          const raw = (req as WithState)[stateKey]?.raw ?? toRawRequest(req, Buffer.alloc(0));
          pipeline.report(rejection, raw, req);
          next(rejection);
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

function reportLetThrough<Payload>(
  pipeline: WebhookPipeline<Payload, Request>,
  warning: WebhookError | undefined,
  state: StepState,
  req: Request,
): void {
  if (warning === undefined) return;
  state.verified = false;
  pipeline.report(warning, state.raw, req, "let through (report mode)");
}

/**
 * Step 2: parses what the signature needs and verifies it against the raw body, which
 * `rawBody()` (or `captureRawBody`, or an upstream `express.raw()`) must have kept.
 */
export function verifySignature<Payload>(
  provider: Provider<Payload>,
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
    const payload = provider.parse(raw);
    const state: StepState = {
      raw,
      payload,
      verified: true,
      signedAt: undefined,
      receivedAt: pipeline.options.clock(),
      key: undefined,
      dedupedBy: undefined,
      settle: undefined,
    };
    (req as WithState)[stateKey] = state;
    const { verified, warning } = await pipeline.verifySignature(raw, payload);
    state.verified = verified;
    reportLetThrough(pipeline, warning, state, req);
  });
}

/** Step 3: rejects a signed timestamp outside the window (`toleranceSec`). */
export function timestampWindow<Payload>(
  provider: Provider<Payload>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("timestampWindow", provider, options, (pipeline, req) => {
    const state = stateOf(req, "timestampWindow");
    const { signedAt, warning } = pipeline.checkTimestamp(
      state.raw,
      state.payload as Payload,
      state.receivedAt,
    );
    state.signedAt = signedAt;
    reportLetThrough(pipeline, warning, state, req);
  });
}

/**
 * Step 4: claims the event in the store. A handled event is answered 200 duplicate, one in
 * flight 409; otherwise the claim is committed or released when the response is over.
 */
export function dedupe<Payload>(
  provider: Provider<Payload>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("dedupe", provider, options, async (pipeline, req, res) => {
    const state = stateOf(req, "dedupe");
    const key = provider.dedupeKey(state.payload as Payload, state.raw);
    const storeKey = pipeline.storeKey(key, state.verified);
    const claim = await pipeline.claim(storeKey);
    if (claim.state === "done") return sendAcknowledgement(res, "duplicate");
    if (claim.state === "in-flight") throw pipeline.inFlight();
    state.key = key;
    state.dedupedBy = pipeline as WebhookPipeline<unknown, Request>;
    state.settle = pipeline.settler(storeKey, claim);
    settleOnClose(res, (handled) => state.settle?.(handled) ?? Promise.resolve());
  });
}

/**
 * Step 5: validates the payload with the provider's schema and sets `req.smsEvent`. A part of
 * a concatenated SMS is acknowledged (200 `part_received`) until the last part completes it.
 */
export function normalize<Payload>(
  provider: Provider<Payload>,
  options: StepOptions = {},
): RequestHandler {
  return stepMiddleware("normalize", provider, options, async (pipeline, req, res) => {
    const state = stateOf(req, "normalize");
    const payload = state.payload as Payload;
    const finisher = (state.dedupedBy as WebhookPipeline<Payload, Request> | undefined) ?? pipeline;
    const accepted = await finisher.finish(
      payload,
      state.raw,
      state.key ?? provider.dedupeKey(payload, state.raw),
      {
        verified: state.verified,
        signedAt: state.signedAt,
        receivedAt: state.receivedAt,
        warning: undefined,
      },
      state.settle ?? (() => Promise.resolve()),
    );
    if (accepted.type === "acknowledge") return sendAcknowledgement(res, accepted.status);
    state.settle = accepted.delivery.settle;
    req.smsEvent = accepted.delivery.event;
  });
}
