// lib/providers/vonage-sms/schema.ts — delivery receipts and inbound SMS: every value a string.

import { z } from "zod";
import type { VonageParams } from "./params.js";

// Field lists: Nexmo/api-specification definitions/sms.yml (DeliveryReceipt, InboundMessage).
const text = z.string();
const optional = z.string().optional();

/** A delivery receipt (DLR) for a message you sent. */
export const receiptSchema = z.object({
  messageId: z.string().min(1, "must be a non-empty string"),
  /** The recipient of your message. */
  msisdn: text,
  /** The sender id you sent from. */
  to: optional,
  "network-code": optional,
  price: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, "must be a decimal")
    .optional(),
  status: text,
  /** The carrier's time, YYMMDDHHMM. */
  scts: optional,
  "err-code": optional,
  "client-ref": optional,
  "message-timestamp": optional,
  timestamp: optional,
});

/** An inbound SMS to your virtual number (one part, if concatenated). */
export const inboundSchema = z.object({
  messageId: z.string().min(1, "must be a non-empty string"),
  /** The sender. */
  msisdn: text,
  /** Your virtual number. */
  to: text,
  text: optional,
  type: optional,
  keyword: optional,
  "message-timestamp": optional,
  timestamp: optional,
  data: z
    .string()
    .regex(/^[0-9a-fA-F]*$/, "must be hex")
    .optional(),
  udh: z
    .string()
    .regex(/^[0-9a-fA-F]*$/, "must be hex")
    .optional(),
});

/** What a set of parameters is: a receipt, an inbound SMS, or something this library does not model. */
export type VonageSmsKind = "receipt" | "inbound" | "unknown";

/** Tells a receipt from an inbound SMS by its fields: both may arrive on either route. */
export function kindOf(params: VonageParams): VonageSmsKind {
  if (params["status"] !== undefined || params["err-code"] !== undefined) return "receipt";
  if (params["msisdn"] !== undefined && params["messageId"] !== undefined) return "inbound";
  if (["text", "type", "concat", "data"].some((key) => params[key] !== undefined)) return "inbound";
  return "unknown";
}
