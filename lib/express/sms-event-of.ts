// lib/express/sms-event-of.ts — the event on a request, typed, for handlers mounted after the middleware.

import type { NextFunction, Request, Response } from "express";
import type { SmsEvent } from "../core/events.js";
import { WebhookError } from "../core/webhook-error.js";

/** An Express request that `smsWebhook` (or the `normalize` step) has accepted: its event is set. */
export type SmsEventRequest = Request & { smsEvent: SmsEvent };

/**
 * A handler mounted after the middleware, as `smsWebhook.router`'s `handler` takes it: its `req`
 * has the event, so `req.smsEvent.type` narrows without a cast or a check. Any Express
 * `RequestHandler` fits too.
 */
export type SmsEventHandler = (req: SmsEventRequest, res: Response, next: NextFunction) => unknown;

/**
 * The event `smsWebhook` (or the `normalize` step) set on this request. `req.smsEvent` is typed
 * as optional, because a route without the middleware has none; in a handler mounted after it,
 * `smsEventOf(req)` gives the event typed as present.
 *
 * @throws WebhookError `internal_error` (answered 500 by Express or `smsWebhookErrorHandler`)
 * when no middleware set an event on this request: it names the fix, mounting the handler after
 * `smsWebhook(provider)` on the same route.
 */
export function smsEventOf(req: Request): SmsEvent {
  const event = req.smsEvent;
  if (event === undefined) {
    throw new WebhookError(
      "internal_error",
      "req.smsEvent is not set: smsEventOf(req) was called in a handler that smsWebhook() " +
        "(or normalize()) did not run before. Mount the handler after the middleware on the " +
        "same route, e.g. app.post(path, smsWebhook(provider), handler).",
    );
  }
  return event;
}
