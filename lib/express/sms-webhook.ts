// lib/express/sms-webhook.ts — the whole pipeline as one Express middleware, and its router.

import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from "express";
import { isThenable, type MaybePromise } from "../core/maybe-async.js";
import { createPipeline, type Outcome } from "../core/pipeline.js";
import type { Provider } from "../core/provider.js";
import type { RawRequest } from "../core/raw-request.js";
import { catchRejections } from "./catch-rejections.js";
import { smsWebhookOptionsShape, type SmsWebhookOptions } from "./options.js";
import { rawBodyReader } from "./raw-body.js";
import { toRawRequest } from "./raw-request.js";
import { sendAcknowledgement, sendError } from "./respond.js";
import { settleOnClose } from "./settle-on-close.js";

/** Options for `smsWebhook.router`: the middleware's, plus the handler to mount after it. */
export interface SmsWebhookRouterOptions extends SmsWebhookOptions {
  /**
   * Runs for every accepted event, with `req.smsEvent` set. Without it, accepted requests pass
   * on to whatever the app mounts after the router. An `async` handler's rejection goes to
   * `next(error)` on Express 4 as on Express 5, so the claim is released and the provider retries.
   */
  handler?: RequestHandler | RequestHandler[];
}

/** `smsWebhook(provider, options)`, with `smsWebhook.router(provider, options)`. */
export interface SmsWebhook {
  /**
   * One middleware that runs the whole pipeline — raw body, signature, timestamp window,
   * dedupe, normalize — and sets `req.smsEvent` for the next handler. It answers rejections
   * itself (`{"error":{"code","message"}}`) and duplicates with 200 `{"status":"duplicate"}`.
   * Options are checked here, once: a bad option throws at start-up.
   */
  <Payload>(provider: Provider<Payload>, options?: SmsWebhookOptions): RequestHandler;
  /**
   * An `express.Router` with the middleware (and `handler`) mounted on every path and method
   * the provider sends to (Vonage: GET and POST `/inbound` and `/status`).
   */
  router<Payload>(provider: Provider<Payload>, options?: SmsWebhookRouterOptions): Router;
}

function createSmsWebhook<Payload>(
  provider: Provider<Payload>,
  options: SmsWebhookOptions = {},
): RequestHandler {
  const pipeline = createPipeline<Payload, Request>(provider, options, smsWebhookOptionsShape);
  pipeline.announce();
  const readBody = rawBodyReader(options.limit);

  function answer(
    outcome: Outcome,
    raw: RawRequest,
    req: Request,
    res: Response,
    next: NextFunction,
  ) {
    switch (outcome.type) {
      case "reject":
        sendError(res, outcome.error);
        pipeline.report(outcome.error, raw, req);
        return;
      case "acknowledge":
        sendAcknowledgement(res, outcome.status);
        return;
      case "deliver": {
        const { event, warning, settle } = outcome.delivery;
        // First, so that nothing below (a throwing logger) can leave the claim held.
        if (!settleOnClose(res, settle)) return;
        if (warning !== undefined) pipeline.report(warning, raw, req, "let through (report mode)");
        req.smsEvent = event;
        next();
      }
    }
  }

  return function smsWebhookMiddleware(req: Request, res: Response, next: NextFunction) {
    readBody(req, res, (error, body) => {
      const raw = toRawRequest(req, body);
      const outcome: MaybePromise<Outcome> =
        error === undefined ? pipeline.receive(raw) : { type: "reject", error };
      if (isThenable(outcome)) {
        outcome.then((settled) => answer(settled, raw, req, res, next)).catch(next);
        return;
      }
      // We are inside body-parser's callback: nothing may throw out of here.
      try {
        answer(outcome, raw, req, res, next);
      } catch (failure) {
        next(failure);
      }
    });
  };
}

function createRouter<Payload>(
  provider: Provider<Payload>,
  options: SmsWebhookRouterOptions = {},
): Router {
  const { handler, ...middlewareOptions } = options;
  const handlers = (handler === undefined ? [] : [handler].flat()).map(catchRejections);
  const middleware = createSmsWebhook(provider, middlewareOptions);
  const router = express.Router();
  for (const route of provider.routes) {
    for (const method of route.methods) router[method](route.path, middleware, ...handlers);
  }
  return router;
}

/** See {@link SmsWebhook}. */
export const smsWebhook: SmsWebhook = Object.assign(createSmsWebhook, { router: createRouter });
