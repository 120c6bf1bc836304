// lib/providers/telnyx/schema.ts — Telnyx's messaging webhook envelope and its message payloads.

import { z } from "zod";

// Shapes: telnyx@7.24.0 resources/webhooks.d.ts (`MessagingInboundMessage`, `OutboundMessage`)
// and resources/messages/messages.d.ts (`MessagingInboundMessagePayload`,
// `OutboundMessagePayload`); every field Telnyx may leave out or send as null is nullish here.
// Dates are checked as strings and read by normalize (a zod transform per field costs more).

const text = z.string("must be a string");
const decimal = /^-?\d+(\.\d+)?$/;

/** The envelope of every webhook: `data.id` is the event's id, equal across retries. */
export const envelopeSchema = z.object({
  data: z.object(
    {
      id: text.min(1, "must not be empty"),
      event_type: text.min(1, "must not be empty"),
      occurred_at: text.nullish(),
      // Checked by the event's own payload schema.
      payload: z.unknown(),
    },
    "must be an object",
  ),
});

/** What Telnyx charged, its amount a decimal string (`"0.0040"`); both may be null. */
const costSchema = z
  .object({
    amount: text.regex(decimal, "must be a decimal string").nullish(),
    currency: text.nullish(),
  })
  .nullish();

/** Telnyx's `MessagingError`: a code (`"40008"`), a title and perhaps a detail. */
const errorSchema = z.object({
  code: z.union([text, z.number()], "must be a string"),
  title: text.nullish(),
  detail: text.nullish(),
});

const mediaSchema = z.object({ url: text, content_type: text.nullish() });

/** `message.received`: an inbound SMS, MMS, RCS or WhatsApp message. */
export const inboundSchema = z.object({
  id: text.min(1, "must not be empty"),
  from: z.object({ phone_number: text.min(1, "must not be empty") }, "must be an object"),
  // SMS, MMS and RCS: the recipients, each an object; WhatsApp: one E.164 number.
  to: z
    .union(
      [z.array(z.object({ phone_number: text.nullish(), agent_id: text.nullish() })), text],
      "must be a list of recipients or a number",
    )
    .nullish(),
  text: text.nullish(),
  media: z.array(mediaSchema, "must be a list").nullish(),
  parts: z.number().int("must be a whole number").nullish(),
  received_at: text.nullish(),
  type: text.nullish(),
  cost: costSchema,
});

/** One addressee of a message you sent, and where its delivery stands. */
const recipientSchema = z.object({
  phone_number: text.min(1, "must not be empty"),
  status: text.min(1, "must not be empty"),
});

/** `message.sent` and `message.finalized`: a message you sent, with each recipient's status. */
export const outboundSchema = z.object({
  id: text.min(1, "must not be empty"),
  to: z.array(recipientSchema, "must be a list of recipients").min(1, "must not be empty"),
  // A group MMS's other addressees, each with its own status too.
  cc: z.array(recipientSchema, "must be a list of recipients").nullish(),
  errors: z.array(errorSchema, "must be a list").nullish(),
  cost: costSchema,
  parts: z.number().int("must be a whole number").nullish(),
  type: text.nullish(),
});

/** The parsed body: a JSON object, before schema validation. */
export type TelnyxPayload = Record<string, unknown>;
