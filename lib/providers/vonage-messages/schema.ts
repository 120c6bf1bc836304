// lib/providers/vonage-messages/schema.ts — Messages API v1 webhooks: inbound messages and statuses.

import { z } from "zod";

// Shapes: Vonage's Messages API spec (messages-olympus.yml v1.3) and its SDKs' fixtures. Nested
// objects differ between SDKs, so they are read loosely: only the fields used are checked.
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal string");

const usage = z.object({ price: decimal.optional(), currency: z.string().optional() }).optional();
const media = z.object({
  url: z.string(),
  caption: z.string().optional(),
  name: z.string().optional(),
});

/** An inbound message (SMS, MMS, or another channel). */
export const inboundSchema = z.object({
  message_uuid: z.string().min(1, "must be a non-empty string"),
  channel: z.string(),
  from: z.string(),
  to: z.string(),
  timestamp: z.string(),
  message_type: z.string().optional(),
  text: z.string().optional(),
  sms: z
    .object({ num_messages: z.string().regex(/^\d+$/).optional(), keyword: z.string().optional() })
    .optional(),
  usage,
  image: media.optional(),
  audio: media.optional(),
  video: media.optional(),
  file: media.optional(),
  vcard: media.optional(),
  client_ref: z.string().optional(),
});

/** A status update for a message you sent. */
export const statusSchema = z.object({
  message_uuid: z.string().min(1, "must be a non-empty string"),
  status: z.string(),
  to: z.string(),
  from: z.string().optional(),
  timestamp: z.string(),
  channel: z.string().optional(),
  error: z
    .object({
      type: z.string().optional(),
      title: z.union([z.string(), z.number()]).optional(),
      detail: z.string().optional(),
    })
    .optional(),
  usage,
  client_ref: z.string().optional(),
  destination: z.object({ network_code: z.string().optional() }).optional(),
  sms: z.object({ count_total: z.string().regex(/^\d+$/).optional() }).optional(),
});

/** A status webhook carries `status`; an inbound message does not. */
export function isStatus(body: Record<string, unknown>): boolean {
  return body["status"] !== undefined;
}

/** The kinds of media an inbound message may carry, by `message_type`. */
export const mediaTypes = ["image", "audio", "video", "file", "vcard"] as const;
