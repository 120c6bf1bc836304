// lib/providers/mifumo/schema.ts — Mifumo's three delivery events, as its integration guide shows them.

import { z } from "zod";

// Times are checked as strings here and read by normalize (requireIsoDate): Mifumo's examples
// write UTC with `Z`; a Python server may also write naive UTC.
const time = z.string();
const decimal = /^-?\d+(\.\d+)?$/;

const eventFields = {
  message_id: z.string().min(1, "must be a non-empty string"),
  timestamp: time.nullish(),
};

/** `message.sent`: a message went out to its recipients. */
export const sentSchema = z.object({
  ...eventFields,
  recipients: z.array(z.string(), "must be an array of numbers").min(1, "must not be empty"),
  sender_id: z.string().nullish(),
  content: z.string().nullish(),
  sent_at: time.nullish(),
  /** A JSON number (its source text is read separately) or a decimal string. */
  cost: z.union([z.number(), z.string().regex(decimal)], "must be a decimal").nullish(),
  currency: z.string().nullish(),
  provider: z.string().nullish(),
});

/** `message.delivered`: a message reached one recipient. */
export const deliveredSchema = z.object({
  ...eventFields,
  recipient: z.string(),
  status: z.string().nullish(),
  delivered_at: time.nullish(),
  provider_status: z.string().nullish(),
});

/** `message.failed`: a message could not be delivered to one recipient. */
export const failedSchema = z.object({
  ...eventFields,
  recipient: z.string(),
  status: z.string().nullish(),
  failed_at: time.nullish(),
  error_code: z.union([z.string(), z.number()]).nullish(),
  error_message: z.string().nullish(),
});

/** The events this library models; others come through as `unknown`. */
export const modelledEvents: ReadonlySet<unknown> = new Set([
  "message.sent",
  "message.delivered",
  "message.failed",
]);

/**
 * The parsed body: a JSON object, before schema validation.
 * @inline
 */
export type MifumoPayload = Record<string, unknown>;
