// lib/providers/bird/dedupe-key.ts — one key per inbound message, one per status of a sent message.

import { bodyDigestKey } from "../../core/hmac.js";
import type { RawRequest } from "../../core/raw-request.js";
import { messageKey } from "./family.js";
import { kindOf, type BirdPayload } from "./schema.js";

/**
 * Inbound: the message id. Outbound: `id:status` (a sent message gets an event per status).
 * Anything else: the body's SHA-256 (Bird's retries resend the same body).
 */
export function birdDedupeKey(body: BirdPayload, req: RawRequest): string {
  const kind = kindOf(body);
  if (kind === "unknown") return bodyDigestKey(req.rawBody);
  const message = body["payload"];
  const fields = typeof message === "object" && message !== null ? (message as BirdPayload) : {};
  return messageKey(fields, kind === "outbound", "payload.");
}
