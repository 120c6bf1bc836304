// lib/express/sms-webhook.ts — the whole pipeline as one Express middleware, and its router.

import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from "express";
import type { Outcome } from "../core/outcome.js";
import { defaultRoutes, type Provider } from "../core/provider.js";
import { catchRejections } from "./catch-rejections.js";
import { expressPipeline } from "./express-pipeline.js";
import { smsWebhookOptionsShape, type SmsWebhookOptions } from "./options.js";
import { rawBodyReader } from "./raw-body.js";
import { toRawRequest } from "./raw-request.js";
import { sendAcknowledgement, sendError } from "./respond.js";
import { settleOnClose } from "./settle-on-close.js";
import type { SmsEventHandler } from "./sms-event-of.js";

/** Options for `smsWebhook.router`: the middleware's, plus the handler to mount after it. */
export interface SmsWebhookRouterOptions extends SmsWebhookOptions {
  /**
   * Runs for every accepted event, with `req.smsEvent` set (and typed as set: no cast or check
   * needed). Without it, accepted requests pass on to whatever the app mounts after the router.
   * An `async` handler's rejection goes to `next(error)` on Express 4 as on Express 5, so the
   * claim is released and the provider retries.
   */
  handler?: SmsEventHandler | SmsEventHandler[];
}

/** `smsWebhook(provider, options)`, with `smsWebhook.router(provider, options)`. */
export interface SmsWebhook {
  /**
   * One middleware that runs the whole pipeline — raw body, signature, timestamp window,
   * dedupe, normalize — and sets `req.smsEvent` for the next handler. It answers rejections
   * itself (`{"error":{"code","message"}}`) and duplicates with 200 `{"status":"duplicate"}`.
   * Options are checked here, once: a bad option throws at start-up.
   */
  <Payload, Signed>(
    provider: Provider<Payload, Signed>,
    options?: SmsWebhookOptions,
  ): RequestHandler;
  /**
   * An `express.Router` with the middleware (and `handler`) mounted on every path and method
   * the provider sends to (Vonage: GET and POST `/inbound` and `/status`).
   */
  router<Payload, Signed>(
    provider: Provider<Payload, Signed>,
    options?: SmsWebhookRouterOptions,
  ): Router;
}

function createSmsWebhook<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: SmsWebhookOptions = {},
): RequestHandler {
  const pipeline = expressPipeline(provider, options, smsWebhookOptionsShape);
  const readBody = rawBodyReader(options.limit);

  function answer(outcome: Outcome, req: Request, res: Response, next: NextFunction) {
    switch (outcome.type) {
      case "reject":
        sendError(res, outcome.error);
        return;
      case "acknowledge":
        sendAcknowledgement(res, outcome.status);
        return;
      case "deliver":
        if (!settleOnClose(res, outcome.delivery.settle)) return;
        req.smsEvent = outcome.delivery.event;
        next();
    }
  }

  return function smsWebhookMiddleware(req: Request, res: Response, next: NextFunction) {
    readBody(req, res, (error, body) => {
      if (error !== undefined) {
        const raw = toRawRequest(req, body);
        answer(pipeline.reject(error, raw, req, pipeline.trace()), req, res, next);
        return;
      }
      pipeline
        .receive(toRawRequest(req, body), req)
        .then((outcome) => answer(outcome, req, res, next))
        .catch(next);
    });
  };
}

function createRouter<Payload, Signed>(
  provider: Provider<Payload, Signed>,
  options: SmsWebhookRouterOptions = {},
): Router {
  const { handler, ...middlewareOptions } = options;
  // The middleware runs first on every route, so each handler's req does have its event.
  const handlers = (handler === undefined ? [] : [handler].flat()).map((h) =>
    catchRejections(h as RequestHandler),
  );
  const middleware = createSmsWebhook(provider, middlewareOptions);
  const router = express.Router();
  for (const route of provider.routes ?? defaultRoutes) {
    for (const method of route.methods) router[method](route.path, middleware, ...handlers);
  }
  return router;
}

/** See {@link SmsWebhook}. */
export const smsWebhook: SmsWebhook = Object.assign(createSmsWebhook, { router: createRouter });
