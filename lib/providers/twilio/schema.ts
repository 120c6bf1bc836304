// lib/providers/twilio/schema.ts — inbound messages and status callbacks, with strict formats where it matters.

import { z } from "zod";
import type { TwilioPayload } from "./params.js";

// Re-cut parameters: Twilio signs `key + value` with no separator, so a captured form could be
// re-sent cut elsewhere (`MessageSid=SM…&NumMedia=0` as `MessageSid=SM…NumMedia0`) and still
// verify. Every key starts with an upper-case letter (params.ts refuses others), so a value
// that is a fixed-length lower-case sid, digits or a lower-case word can neither absorb the
// next parameter nor shed a tail as a new one. The dedupe key is made only of such values, so
// a re-cut of a request already handled is a duplicate; the media keys must agree with
// NumMedia. Free text (Body, FromCity) stays re-cuttable against an optional neighbour, as in
// Twilio's own SDK, which checks none of this.

/** A Twilio message sid: two upper-case letters (`SM`, `MM`), then 32 lower-case hex digits. */
export const messageSidPattern = /^[A-Z]{2}[0-9a-f]{32}$/;
/** Says what a message sid must be, in `payload_invalid` messages. */
export const messageSidRule = "must be a Twilio message sid (SM or MM, 32 hex digits)";
/** A status word as Twilio writes it: lower-case letters and `_` (`partially_delivered`). */
export const statusWordPattern = /^[a-z_]{1,40}$/;
/** Says what a status word must be, in `payload_invalid` messages. */
export const statusWordRule = "must be a lower-case Twilio status word";

const messageSid = z.string("must be a string").regex(messageSidPattern, messageSidRule);
const statusWord = z.string("must be a string").regex(statusWordPattern, statusWordRule);

const sid = (prefix: string) =>
  z
    .string("must be a string")
    .regex(new RegExp(`^${prefix}[0-9a-f]{32}$`), `must be a Twilio ${prefix} sid (32 hex digits)`);

// Ids every message webhook carries: kept in `raw`, checked so a re-cut cannot change them.
const ids = {
  MessageSid: messageSid,
  SmsSid: messageSid.optional(),
  SmsMessageSid: messageSid.optional(),
  AccountSid: sid("AC").optional(),
  MessagingServiceSid: sid("MG").optional(),
};

const count = z
  .string("must be a string")
  .regex(/^\d{1,3}$/, "must be a whole number")
  .transform(Number);

const decimal = z.string("must be a string").regex(/^-?\d+(\.\d+)?$/, "must be a decimal");

/** An inbound SMS, MMS or chat message, as posted to the number's (or service's) webhook. */
export const inboundSchema = z.object({
  ...ids,
  From: z.string("must be a string").min(1, "must not be empty"),
  To: z.string("must be a string"),
  // Twilio always sends Body (empty for a media-only MMS): required, so a re-cut cannot drop it.
  Body: z.string("must be a string"),
  NumMedia: count.optional(),
  NumSegments: count.optional(),
});

/** A status callback for a message you sent. */
export const statusSchema = z.object({
  ...ids,
  MessageStatus: statusWord.optional(),
  SmsStatus: statusWord.optional(),
  To: z.string("must be a string").optional(),
  ErrorCode: z
    .string("must be a string")
    .regex(/^\d{0,6}$/, "must be a number")
    .optional(),
  NumSegments: count.optional(),
  Price: decimal.optional(),
  PriceUnit: z.string("must be a string").optional(),
  /** The carrier's time of the receipt, YYMMDDhhmm. */
  RawDlrDoneDate: z.string("must be a string").optional(),
});

/** What a set of parameters is: an inbound message, a status callback, or neither. */
export type TwilioKind = "inbound" | "status" | "unknown";

/**
 * Tells an inbound message from a status callback by its fields (either may arrive on either
 * route): `MessageStatus` (or the older `SmsStatus`) says which, `received`/`receiving` being
 * inbound; a message with a `Body` and no status is inbound too.
 */
export function kindOf(payload: TwilioPayload): TwilioKind {
  const status = payload["MessageStatus"] ?? payload["SmsStatus"];
  if (status === "received" || status === "receiving") return "inbound";
  if (status !== undefined) return "status";
  if (payload["Body"] !== undefined && payload["MessageSid"] !== undefined) return "inbound";
  return "unknown";
}
