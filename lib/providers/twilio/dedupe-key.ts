// lib/providers/twilio/dedupe-key.ts — one key per inbound message, one per status of a sent message.

import { bodyDigestKey } from "../../core/hmac.js";
import type { RawRequest } from "../../core/raw-request.js";
import { matchedParam } from "../../core/validate-payload.js";
import type { TwilioPayload } from "./params.js";
import {
  kindOf,
  messageSidPattern,
  messageSidRule,
  statusWordPattern,
  statusWordRule,
} from "./schema.js";

/**
 * Inbound: `MessageSid`. Status callback: `MessageSid:MessageStatus` (one message gets a
 * callback per status). Both checked strictly before the store sees them, so a re-cut of a
 * captured request cannot mint a key of its own (see schema.ts). Anything else: the SHA-256 of
 * what was signed (Twilio's retries resend it unchanged).
 */
export function twilioDedupeKey(payload: TwilioPayload, req: RawRequest): string {
  switch (kindOf(payload)) {
    case "inbound":
      return matchedParam(payload, "MessageSid", messageSidPattern, messageSidRule);
    case "status": {
      const sid = matchedParam(payload, "MessageSid", messageSidPattern, messageSidRule);
      const field = payload["MessageStatus"] === undefined ? "SmsStatus" : "MessageStatus";
      return `${sid}:${matchedParam(payload, field, statusWordPattern, statusWordRule)}`;
    }
    case "unknown":
      return bodyDigestKey(req.method === "GET" ? Buffer.from(req.rawQuery) : req.rawBody);
  }
}
