// lib/providers/plivo/schema.ts — inbound messages and status callbacks, with strict formats where it matters.

import { z } from "zod";
import type { PlivoPayload } from "./params.js";

// Re-cut parameters: V3 signs a POST as `key + value` with no separator (and a GET's decoded
// values as `k=v&…`), so a captured form could be re-sent cut elsewhere and still verify — and
// V2 signs no parameters at all. Every key starts with an upper-case letter (params.ts), so a
// value that is a UUID, digits, a lower-case word or a time can neither absorb the parameter
// after it nor shed a tail as a new one. The dedupe key is made only of such values, so a
// re-cut of a request already handled is a duplicate; `To` (digits) is required where Plivo
// always sends it, so free text cannot swallow what follows it.

/** A Plivo UUID (`MessageUUID`): 8-4-4-4-12 hex digits. */
export const messageUuidPattern =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Says what a MessageUUID must be, in `payload_invalid` messages. */
export const messageUuidRule = "must be a Plivo UUID (8-4-4-4-12 hex digits)";
/** A status word as Plivo writes it: lower-case letters and `_`. */
export const statusWordPattern = /^[a-z_]{1,40}$/;
/** Says what a status word must be, in `payload_invalid` messages. */
export const statusWordRule = "must be a lower-case Plivo status word";

const text = z.string("must be a string");
const uuid = text.regex(messageUuidPattern, messageUuidRule);
const optionalUuid = text.regex(/^(?:[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})?$/, {
  message: "must be a Plivo UUID or empty",
});
const word = text.regex(/^[a-z_]{0,40}$/, "must be a lower-case word");
const digits = (most: number) =>
  text.regex(new RegExp(`^\\d{0,${most}}$`), `must be at most ${most} digits`);
const count = text.regex(/^\d{1,3}$/, "must be a whole number").transform(Number);
const decimal = text.regex(/^(?:-?\d+(?:\.\d+)?)?$/, "must be a decimal");
/** A Plivo number as it writes them: digits, E.164 without the `+` (one tolerated). */
const number = text.regex(/^\+?\d{1,20}$/, "must be a phone number (digits)");
/** Plivo's times (`2025-01-01 12:00:00.123456`, maybe with an offset). */
const time = text.regex(/^[\d :.+-]{0,40}$/, "must be a time");

/** An inbound SMS (`Text`), MMS or WhatsApp message (`Body`, media), as posted to the number's message URL. */
export const inboundSchema = z.object({
  MessageUUID: uuid,
  From: text.min(1, "must not be empty"),
  To: number,
  Text: text.optional(),
  Body: text.optional(),
  Type: word.optional(),
  Units: count.optional(),
  TotalRate: decimal.optional(),
  TotalAmount: decimal.optional(),
  PowerpackUUID: optionalUuid.optional(),
  MessageIntent: word.optional(),
  MediaCount: count.optional(),
  ErrorCode: digits(6).optional(),
});

/** A status callback (delivery report) for a message you sent. */
export const statusSchema = z.object({
  MessageUUID: uuid,
  Status: text.regex(statusWordPattern, statusWordRule),
  To: number.optional(),
  From: text.optional(),
  Type: word.optional(),
  Units: count.optional(),
  TotalRate: decimal.optional(),
  TotalAmount: decimal.optional(),
  MCC: digits(3).optional(),
  MNC: digits(3).optional(),
  ErrorCode: digits(6).optional(),
  ParentMessageUUID: optionalUuid.optional(),
  PowerpackUUID: optionalUuid.optional(),
  Sequence: digits(6).optional(),
  MessageTime: time.optional(),
  QueuedTime: time.optional(),
  SentTime: time.optional(),
  DeliveryReportTime: time.optional(),
});

/** What a set of parameters is: an inbound message, a status callback, or neither. */
export type PlivoKind = "inbound" | "status" | "unknown";

/**
 * Tells a status callback (it has `Status`) from an inbound message (a `MessageUUID` and its
 * `Text` or `Body`, which status callbacks never carry); either may arrive on either route.
 */
export function kindOf(payload: PlivoPayload): PlivoKind {
  if (payload["Status"] !== undefined) return "status";
  if (
    payload["MessageUUID"] !== undefined &&
    (payload["Text"] !== undefined || payload["Body"] !== undefined)
  ) {
    return "inbound";
  }
  return "unknown";
}
