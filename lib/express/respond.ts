// lib/express/respond.ts — the library's own answers, written with Node's API (no Express needed).

import type { ServerResponse } from "node:http";
import type { WebhookError } from "../core/webhook-error.js";

import type { Acknowledgement } from "../core/outcome.js";

const acknowledgementBodies: Record<Acknowledgement, string> = {
  duplicate: JSON.stringify({ status: "duplicate" }),
  part_received: JSON.stringify({ status: "part_received" }),
};

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

/**
 * Answers a request the handler need not see: 200 `{"status":"duplicate"}` for an event
 * already handled, `{"status":"part_received"}` for a part of a concatenated SMS.
 */
export function sendAcknowledgement(res: ServerResponse, status: Acknowledgement): void {
  sendJson(res, 200, acknowledgementBodies[status]);
}
