// lib/providers/bird/schema.ts — Bird channel message events: `<channel>.inbound` and `<channel>.outbound`.

import { z } from "zod";
import { messageIdPattern, messageIdRule, statusPattern, statusRule } from "./family.js";

// Shapes: docs.bird.com, channels-api "Message status and interactions" and the Conversations
// message object (id, status, reason, sender/receiver, body, createdAt/updatedAt, reference),
// and providers-more.md §5 (B1). Only the fields used are checked; `raw` keeps the rest.

/** A Bird event body, parsed once the signature holds. */
export type BirdPayload = Record<string, unknown>;

const text = z.string("must be a string");
const identifier = z.object({ identifierValue: text });

const common = {
  id: text.regex(messageIdPattern, messageIdRule),
  status: text.regex(statusPattern, statusRule),
  channelId: text.optional(),
  reference: text.optional(),
  createdAt: text.optional(),
  updatedAt: text.optional(),
  body: z.object({ type: text, text: z.object({ text }).optional() }).optional(),
};

/** A message that came in (`sms.inbound`): who sent it, to which of your channels. */
export const inboundSchema = z.object({
  ...common,
  sender: z.object({ contact: identifier }),
  receiver: z.object({ connector: identifier.optional() }).optional(),
});

/** A lifecycle update of a message you sent (`sms.outbound`). */
export const outboundSchema = z.object({
  ...common,
  receiver: z.object({ contacts: z.array(identifier).optional() }).optional(),
  /** Bird: "Failure reason. Will be populated if the status is sending_failed or delivery_failed." */
  reason: text.optional(),
});

/** What an event is, by its `event` name: a message in, an update of one out, or neither. */
export type BirdKind = "inbound" | "outbound" | "unknown";

/**
 * `<channel>.inbound` and `<channel>.outbound` of the channels service are message events
 * (SMS, and the other channels' messages of the same shape); anything else (interactions,
 * channel changes, other services) is delivered as `unknown`.
 */
export function kindOf(body: BirdPayload): BirdKind {
  const { service, event } = body;
  if (service !== "channels" || typeof event !== "string") return "unknown";
  if (event.endsWith(".inbound")) return "inbound";
  if (event.endsWith(".outbound")) return "outbound";
  return "unknown";
}
