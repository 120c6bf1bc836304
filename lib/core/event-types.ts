// lib/core/event-types.ts — the normalized events as plain interfaces, field by field.
//
// The zod schemas in events.ts validate; these declare. They are written out rather than
// `z.infer`red so that editors and the API reference show every field with its doc, and
// test-d/events.test-d.ts checks that each one is exactly its schema's type.

/** Every status, from every provider, in one vocabulary. */
export type MessageStatus =
  | "accepted"
  | "buffered"
  | "sent"
  | "delivered"
  | "read"
  | "failed"
  | "expired"
  | "rejected"
  | "unknown";

/** A price: decimal string amount and, when the provider says, its currency. */
export interface Money {
  /** A decimal amount kept as the provider wrote it (`"0.03330000"`), never a float. */
  amount: string;
  /** The currency, when the provider says. */
  currency?: string | undefined;
}

/** The fields every event carries, whatever its `type`. */
export interface SmsEventCommon {
  /** The provider's name, e.g. `"android-sms-gateway"`. */
  provider: string;
  /** The dedupe key: the same for every delivery (retry) of one event. */
  id: string;
  /**
   * False when the request was let through unverified: a failed check in `mode: "report"`, or
   * unsigned traffic a provider's `allowUnsigned` accepts. Check it before acting on the event.
   */
  verified: boolean;
  /** The provider's payload, untouched. */
  raw: unknown;
}

/** An attachment of an MMS or chat message. */
export interface Media {
  /** Its kind: `"image"`, `"video"`, `"audio"`, `"file"`… */
  type: string;
  /** Where to fetch it. */
  url: string;
  /** Its caption, when the provider sends one. */
  caption?: string | undefined;
  /** Its file name, when the provider sends one. */
  name?: string | undefined;
}

/** An SMS (or other message) that arrived. */
export interface MessageReceivedEvent extends SmsEventCommon {
  type: "message.received";
  /** The provider's id of the message (of part 1, for a reassembled concatenated SMS). */
  messageId: string;
  /** The sender's number (or name). */
  from: string;
  /** The number the message was sent to, when the provider says. */
  to?: string | undefined;
  /** The whole text; empty for a binary message. */
  text: string;
  /** When the provider (or phone) received it. */
  receivedAt: Date;
  /** The first word of the text, as the provider reports it. */
  keyword?: string | undefined;
  /** For a reassembled concatenated SMS: the message id of each part, in part order. */
  parts?: string[] | undefined;
  /** For a binary SMS: its data (and user data header), hex-encoded. */
  binary?: { dataHex: string; udhHex?: string | undefined } | undefined;
  /** What the provider charged for receiving it. */
  price?: Money | undefined;
  /** The channel for multi-channel providers (`"sms"`, `"mms"`, `"whatsapp"`…). */
  channel?: string | undefined;
  /** How many SMS the text arrived as, when the provider joined them (Vonage Messages). */
  partsCount?: number | undefined;
  /** Attachments of an MMS or chat message: their kind (`"image"`…) and where to fetch them. */
  media?: Media[] | undefined;
  /** Your reference, when the provider echoes one. */
  clientRef?: string | undefined;
  /** The device that received it (SMS Gateway for Android). */
  deviceId?: string | undefined;
  /** The 1-based SIM slot that received it; `null` when the phone does not say. */
  simNumber?: number | null | undefined;
}

/** Why a message failed: the provider's code, a readable message, its error-type URL if any. */
export interface MessageError {
  /** The provider's code. */
  code?: string | undefined;
  /** What it means, readably. */
  message: string;
  /** The provider's URL for the error type, if any. */
  type?: string | undefined;
}

/** One recipient's own status, in {@link MessageStatusEvent.recipientStatuses}. */
export interface RecipientStatus {
  /** The recipient's number. */
  to: string;
  /** Its status in the common vocabulary. */
  status: MessageStatus;
  /** The provider's own word for it. */
  providerStatus: string;
}

/** A status update (delivery receipt) for a message you sent. */
export interface MessageStatusEvent extends SmsEventCommon {
  type: "message.status";
  /** The provider's id of the message you sent. */
  messageId: string;
  /** The recipient, when the event is about exactly one. */
  to?: string | undefined;
  /** Every recipient the event is about (several for a Mifumo `message.sent`). */
  recipients: string[];
  /** The status in the common vocabulary. */
  status: MessageStatus;
  /** True when no further status will follow (delivered, failed, expired, rejected, read). */
  final: boolean;
  /** The provider's own word for the status (`"sms:delivered"`, `"DELIVRD"`, `"expired"`…). */
  providerStatus: string;
  /**
   * Each recipient's own status, for a provider that reports one message to several recipients
   * in one event (a Telnyx group MMS); `status`, `providerStatus` and `final` sum them up.
   */
  recipientStatuses?: RecipientStatus[] | undefined;
  /** Why it failed: the provider's code, a readable message, and its error-type URL if any. */
  error?: MessageError | undefined;
  /** What the provider charged. */
  price?: Money | undefined;
  /** When the status happened (falls back to the signed request time when the provider omits it). */
  occurredAt: Date;
  /** The carrier's own timestamp of the status (Vonage `scts`), digits read as UTC. */
  carrierTimestamp?: Date | undefined;
  /** The mobile network (MCCMNC) that reported it. */
  networkCode?: string | undefined;
  /** Your reference, sent with the message and echoed back. */
  clientRef?: string | undefined;
  /** The channel for multi-channel providers. */
  channel?: string | undefined;
  /** The number of SMS parts the message was sent as. */
  partsCount?: number | undefined;
  /** The device that sent it (SMS Gateway for Android). */
  deviceId?: string | undefined;
  /** The 1-based SIM slot that sent it; `null` when the phone does not say. */
  simNumber?: number | null | undefined;
}

/** A device health report (SMS Gateway for Android's `system:ping`). */
export interface SystemPingEvent extends SmsEventCommon {
  type: "system.ping";
  /** The device that pinged. */
  deviceId?: string | undefined;
  /** The app's health check: overall status and each named check. */
  health: {
    status: string;
    version?: string | undefined;
    releaseId?: number | undefined;
    checks: Record<string, unknown>;
  };
  /** When the device sent it. */
  occurredAt: Date;
}

/**
 * A validly signed event the library does not model (yet); read `raw`. Providers add events over
 * time; answering them 4xx would make the provider retry forever, so they come through as this.
 */
export interface UnknownEvent extends SmsEventCommon {
  type: "unknown";
  /** The provider's name for the event (`"mms:received"`), when it has one. */
  eventName: string;
  /** When the provider sent it, if it says. */
  occurredAt?: Date | undefined;
}

/** The event at `req.smsEvent`: narrow it with `switch (event.type)`. */
export type SmsEvent = MessageReceivedEvent | MessageStatusEvent | SystemPingEvent | UnknownEvent;
