// lib/providers/plivo/dedupe-key.ts — one key per inbound message, one per status of a sent message.

import { bodyDigestKey } from "../../core/hmac.js";
import type { RawRequest } from "../../core/raw-request.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { PlivoPayload } from "./params.js";
import {
  kindOf,
  messageUuidPattern,
  messageUuidRule,
  statusWordPattern,
  statusWordRule,
} from "./schema.js";

/**
 * Inbound: `MessageUUID`. Status callback: `MessageUUID:Status` (one message gets a callback
 * per status). Both checked strictly before the store sees them, so a re-cut of a captured
 * request cannot mint a key of its own (see schema.ts). Anything else: the SHA-256 of the
 * body (a GET's query), which Plivo's retries resend unchanged.
 */
export function plivoDedupeKey(payload: PlivoPayload, req: RawRequest): string {
  switch (kindOf(payload)) {
    case "inbound":
      return checked(payload, "MessageUUID", messageUuidPattern, messageUuidRule);
    case "status": {
      const uuid = checked(payload, "MessageUUID", messageUuidPattern, messageUuidRule);
      return `${uuid}:${checked(payload, "Status", statusWordPattern, statusWordRule)}`;
    }
    case "unknown":
      return bodyDigestKey(req.method === "GET" ? Buffer.from(req.rawQuery) : req.rawBody);
  }
}

function checked(payload: PlivoPayload, field: string, pattern: RegExp, rule: string): string {
  const value = payload[field];
  if (typeof value === "string" && pattern.test(value)) return value;
  throw new WebhookError("payload_invalid", `Invalid payload: ${field}: ${rule}.`);
}
