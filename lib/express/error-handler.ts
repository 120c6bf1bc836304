// lib/express/error-handler.ts — answers WebhookErrors for apps that compose the single steps.

import type { NextFunction, Request, Response } from "express";
import { isWebhookError } from "../core/webhook-error.js";
import { sendError } from "./respond.js";

/**
 * Express error middleware: answers a `WebhookError` as `smsWebhook` does (status,
 * `Retry-After`, `{"error":{"code","message"}}`) and passes every other error on.
 * Mount it after the single-step middlewares: `app.use(smsWebhookErrorHandler)`.
 */
export function smsWebhookErrorHandler(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (!isWebhookError(error) || res.headersSent) {
    next(error);
    return;
  }
  sendError(res, error);
}
