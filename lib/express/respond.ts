// lib/express/respond.ts — the library's own answers, written with Node's API (no Express needed).

import type { ServerResponse } from "node:http";
import type { WebhookError } from "../core/webhook-error.js";

const duplicateBody = JSON.stringify({ status: "duplicate" });

/** Answers JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  retryAfterSec?: number,
): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  if (retryAfterSec !== undefined) res.setHeader("Retry-After", String(retryAfterSec));
  res.end(body);
}

/** Answers a rejection: its status, `Retry-After` when it has one, `{"error":{code,message}}`. */
export function sendError(res: ServerResponse, error: WebhookError): void {
  sendJson(res, error.status, JSON.stringify(error.toJSON()), error.retryAfterSec);
}

/** Answers an already-handled event: 200 `{"status":"duplicate"}`. */
export function sendDuplicate(res: ServerResponse): void {
  sendJson(res, 200, duplicateBody);
}
