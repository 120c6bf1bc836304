// lib/providers/twilio/dedupe-key.ts — one key per inbound message, one per status of a sent message.

import { bodyDigestKey } from "../../core/hmac.js";
import type { RawRequest } from "../../core/raw-request.js";
import { validatePayload } from "../../core/validate-payload.js";
import type { TwilioPayload } from "./params.js";
import { kindOf, messageSid, statusWord } from "./schema.js";
import { z } from "zod";

const inboundKey = z.object({ MessageSid: messageSid });
const statusKey = z.object({
  MessageSid: messageSid,
  MessageStatus: statusWord.optional(),
  SmsStatus: statusWord.optional(),
});

/**
 * Inbound: `MessageSid`. Status callback: `MessageSid:MessageStatus` (one message gets a
 * callback per status). Both checked strictly before the store sees them, so a re-cut of a
 * captured request cannot mint a key of its own (see schema.ts). Anything else: the SHA-256 of
 * what was signed (Twilio's retries resend it unchanged).
 */
export function twilioDedupeKey(payload: TwilioPayload, req: RawRequest): string {
  switch (kindOf(payload)) {
    case "inbound":
      return validatePayload(inboundKey, payload).MessageSid;
    case "status": {
      const key = validatePayload(statusKey, payload);
      return `${key.MessageSid}:${key.MessageStatus ?? key.SmsStatus ?? ""}`;
    }
    case "unknown":
      return bodyDigestKey(req.method === "GET" ? Buffer.from(req.rawQuery) : req.rawBody);
  }
}
