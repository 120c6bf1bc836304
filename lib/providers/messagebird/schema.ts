// lib/providers/messagebird/schema.ts — legacy REST API webhooks: SMS status reports and inbound messages.

import { z } from "zod";
import { messageIdPattern, messageIdRule, statusPattern, statusRule } from "../bird/family.js";
import type { MessageBirdPayload } from "./params.js";

// Shapes: providers-more.md §5 (J4, L1) and MessageBird's REST API docs: a status report
// carries id, reference, recipient, status, statusDatetime (statusReason, statusErrorCode on
// failures); an inbound message id, originator, recipient, body, createdDatetime. A query string
// carries strings, a JSON body may carry numbers (recipient): both are read as text.

const text = z.string("must be a string");
const textOrNumber = z
  .union([text, z.number()], "must be a string or a number")
  .transform((value) => String(value));

/** A status report for a message you sent. */
export const statusSchema = z.object({
  id: text.regex(messageIdPattern, messageIdRule),
  status: text.regex(statusPattern, statusRule),
  recipient: textOrNumber,
  statusDatetime: text.optional(),
  reference: text.nullish(),
  statusReason: text.optional(),
  statusErrorCode: textOrNumber.nullish(),
});

/** A message sent to one of your numbers. */
export const inboundSchema = z.object({
  id: text.regex(messageIdPattern, messageIdRule),
  originator: textOrNumber,
  recipient: textOrNumber.optional(),
  body: text.optional(),
  createdDatetime: text.optional(),
});

/** What a payload is: an inbound message, a status report, or neither. */
export type MessageBirdKind = "inbound" | "status" | "unknown";

/** An inbound message has an `originator`; a status report a `status` and no originator. */
export function kindOf(payload: MessageBirdPayload): MessageBirdKind {
  if (payload["originator"] !== undefined) return "inbound";
  if (payload["status"] !== undefined) return "status";
  return "unknown";
}
