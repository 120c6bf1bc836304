// lib/providers/plivo/dedupe-key.ts — one key per inbound message, one per status of a sent message.

import { bodyDigestKey } from "../../core/hmac.js";
import type { RawRequest } from "../../core/raw-request.js";
import { matchedParam } from "../../core/validate-payload.js";
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
      return matchedParam(payload, "MessageUUID", messageUuidPattern, messageUuidRule);
    case "status": {
      const uuid = matchedParam(payload, "MessageUUID", messageUuidPattern, messageUuidRule);
      return `${uuid}:${matchedParam(payload, "Status", statusWordPattern, statusWordRule)}`;
    }
    case "unknown":
      return bodyDigestKey(req.method === "GET" ? Buffer.from(req.rawQuery) : req.rawBody);
  }
}
