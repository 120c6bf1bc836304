// lib/providers/sinch/schema.ts — the SMS API callbacks this library models, as Sinch's SDK types them.

import { z } from "zod";

// Field lists: @sinch/sms 1.4.0 models (MOText, MOBinary, RecipientDeliveryReport; sinch/sinch-sdk-node
// packages/sms/src/models/v1). Sinch answers any 4xx other than 429 by dropping the callback for
// good, so fields this library does not read stay unchecked (they are in `raw`), and dates are
// checked as strings here and read by normalize.

const text = z.string("must be a string");
const nonEmpty = text.min(1, "must be a non-empty string");

const inboundFields = {
  id: nonEmpty,
  from: nonEmpty,
  to: text,
  received_at: text,
  client_reference: text.optional(),
};

/** `mo_text`: an SMS sent to one of your numbers or short codes. */
export const moTextSchema = z.object({ ...inboundFields, body: text });

/** `mo_binary`: a binary SMS; `body` is base64, `udh` the user data header in hex. */
export const moBinarySchema = z.object({
  ...inboundFields,
  body: z.base64("must be base64"),
  udh: text.regex(/^(?:[0-9a-fA-F]{2})*$/, "must be hex").optional(),
});

/** `recipient_delivery_report_sms`: one recipient's status of a batch you sent. */
export const recipientReportSchema = z.object({
  batch_id: nonEmpty,
  recipient: nonEmpty,
  status: nonEmpty,
  code: z.number("must be a number").int("must be a whole number"),
  at: text,
  operator_status_at: text.optional(),
  client_reference: text.optional(),
  number_of_message_parts: z.number("must be a number").int("must be a whole number").optional(),
});

/** The parsed body: a JSON object, before schema validation. */
export type SinchPayload = Record<string, unknown>;

/** The callback's `type` (`mo_text`, `recipient_delivery_report_sms`…), or `""` without one. */
export function typeOf(payload: SinchPayload): string {
  const type = payload["type"];
  return typeof type === "string" ? type : "";
}
