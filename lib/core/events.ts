// lib/core/events.ts — the normalized events a handler receives at `req.smsEvent`, as zod schemas.

import { z } from "zod";
import type { MessageStatus } from "./event-types.js";

// The events as interfaces, field by field; test-d/events.test-d.ts checks each against its schema.
export type {
  Media,
  MessageError,
  MessageReceivedEvent,
  MessageStatus,
  MessageStatusEvent,
  Money,
  SmsEvent,
  SmsEventCommon,
  SystemPingEvent,
  RecipientStatus,
  UnknownEvent,
} from "./event-types.js";

/** A decimal amount kept as the provider wrote it (`"0.03330000"`), never a float. */
export const moneySchema = z.object({
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal string"),
  currency: z.string().optional(),
});

/** Every status, from every provider, in one vocabulary. */
export const messageStatusSchema = z.enum([
  "accepted",
  "buffered",
  "sent",
  "delivered",
  "read",
  "failed",
  "expired",
  "rejected",
  "unknown",
]);

const eventBase = {
  /** The provider's name, e.g. `"android-sms-gateway"`. */
  provider: z.string(),
  /** The dedupe key: the same for every delivery (retry) of one event. */
  id: z.string(),
  /**
   * False when the request was let through unverified: a failed check in `mode: "report"`, or
   * unsigned traffic a provider's `allowUnsigned` accepts. Check it before acting on the event.
   */
  verified: z.boolean(),
  /** The provider's payload, untouched. */
  raw: z.unknown(),
};

/** An SMS (or other message) that arrived. */
export const messageReceivedEventSchema = z.object({
  type: z.literal("message.received"),
  ...eventBase,
  /** The provider's id of the message (of part 1, for a reassembled concatenated SMS). */
  messageId: z.string(),
  /** The sender's number (or name). */
  from: z.string(),
  /** The number the message was sent to, when the provider says. */
  to: z.string().optional(),
  /** The whole text; empty for a binary message. */
  text: z.string(),
  /** When the provider (or phone) received it. */
  receivedAt: z.date(),
  /** The first word of the text, as the provider reports it. */
  keyword: z.string().optional(),
  /** For a reassembled concatenated SMS: the message id of each part, in part order. */
  parts: z.array(z.string()).optional(),
  /** For a binary SMS: its data (and user data header), hex-encoded. */
  binary: z.object({ dataHex: z.string(), udhHex: z.string().optional() }).optional(),
  /** What the provider charged for receiving it. */
  price: moneySchema.optional(),
  /** The channel for multi-channel providers (`"sms"`, `"mms"`, `"whatsapp"`…). */
  channel: z.string().optional(),
  /** How many SMS the text arrived as, when the provider joined them (Vonage Messages). */
  partsCount: z.number().int().optional(),
  /** Attachments of an MMS or chat message: their kind (`"image"`…) and where to fetch them. */
  media: z
    .array(
      z.object({
        type: z.string(),
        url: z.string(),
        caption: z.string().optional(),
        name: z.string().optional(),
      }),
    )
    .optional(),
  /** Your reference, when the provider echoes one. */
  clientRef: z.string().optional(),
  /** The device that received it (SMS Gateway for Android). */
  deviceId: z.string().optional(),
  /** The 1-based SIM slot that received it; `null` when the phone does not say. */
  simNumber: z.number().int().nullable().optional(),
});

/** A status update (delivery receipt) for a message you sent. */
export const messageStatusEventSchema = z.object({
  type: z.literal("message.status"),
  ...eventBase,
  /** The provider's id of the message you sent. */
  messageId: z.string(),
  /** The recipient, when the event is about exactly one. */
  to: z.string().optional(),
  /** Every recipient the event is about (several for a Mifumo `message.sent`). */
  recipients: z.array(z.string()),
  /** The status in the common vocabulary. */
  status: messageStatusSchema,
  /** True when no further status will follow (delivered, failed, expired, rejected, read). */
  final: z.boolean(),
  /** The provider's own word for the status (`"sms:delivered"`, `"DELIVRD"`, `"expired"`…). */
  providerStatus: z.string(),
  /**
   * Each recipient's own status, for a provider that reports one message to several recipients
   * in one event (a Telnyx group MMS); `status`, `providerStatus` and `final` sum them up.
   */
  recipientStatuses: z
    .array(z.object({ to: z.string(), status: messageStatusSchema, providerStatus: z.string() }))
    .optional(),
  /** Why it failed: the provider's code, a readable message, and its error-type URL if any. */
  error: z
    .object({ code: z.string().optional(), message: z.string(), type: z.string().optional() })
    .optional(),
  /** What the provider charged. */
  price: moneySchema.optional(),
  /** When the status happened (falls back to the signed request time when the provider omits it). */
  occurredAt: z.date(),
  /** The carrier's own timestamp of the status (Vonage `scts`), digits read as UTC. */
  carrierTimestamp: z.date().optional(),
  /** The mobile network (MCCMNC) that reported it. */
  networkCode: z.string().optional(),
  /** Your reference, sent with the message and echoed back. */
  clientRef: z.string().optional(),
  /** The channel for multi-channel providers. */
  channel: z.string().optional(),
  /** The number of SMS parts the message was sent as. */
  partsCount: z.number().int().optional(),
  /** The device that sent it (SMS Gateway for Android). */
  deviceId: z.string().optional(),
  /** The 1-based SIM slot that sent it; `null` when the phone does not say. */
  simNumber: z.number().int().nullable().optional(),
});

/** A device health report (SMS Gateway for Android's `system:ping`). */
export const systemPingEventSchema = z.object({
  type: z.literal("system.ping"),
  ...eventBase,
  /** The device that pinged. */
  deviceId: z.string().optional(),
  /** The app's health check: overall status and each named check. */
  health: z.object({
    status: z.string(),
    version: z.string().optional(),
    releaseId: z.number().optional(),
    checks: z.record(z.string(), z.unknown()),
  }),
  /** When the device sent it. */
  occurredAt: z.date(),
});

/**
 * A validly signed event the library does not model (yet). Providers add events over time;
 * answering them 4xx would make the provider retry forever, so they come through as this.
 */
export const unknownEventSchema = z.object({
  type: z.literal("unknown"),
  ...eventBase,
  /** The provider's name for the event (`"mms:received"`), when it has one. */
  eventName: z.string(),
  /** When the provider sent it, if it says. */
  occurredAt: z.date().optional(),
});

/** Every normalized event, discriminated on `type`. */
export const smsEventSchema = z.discriminatedUnion("type", [
  messageReceivedEventSchema,
  messageStatusEventSchema,
  systemPingEventSchema,
  unknownEventSchema,
]);

/** The statuses after which no further status for the message follows. */
const finalStatuses: ReadonlySet<MessageStatus> = new Set([
  "delivered",
  "read",
  "failed",
  "expired",
  "rejected",
]);

/** True for a status after which no further status for the message follows. */
export function isFinalStatus(status: MessageStatus): boolean {
  return finalStatuses.has(status);
}
