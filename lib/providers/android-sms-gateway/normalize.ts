// lib/providers/android-sms-gateway/normalize.ts — the app's events mapped to the common events.

import type { z } from "zod";
import type { MessageReceivedEvent, MessageStatus, MessageStatusEvent } from "../../core/events.js";
import {
  unknownEvent,
  type EventFields,
  type FieldsOf,
  type NormalizeContext,
} from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";
import { requireDeviceDate } from "./device-date.js";
import {
  type AndroidEnvelope,
  cancelledPayloadSchema,
  dataReceivedPayloadSchema,
  deliveredPayloadSchema,
  envelopeSchema,
  failedPayloadSchema,
  pingPayloadSchema,
  receivedPayloadSchema,
  sentPayloadSchema,
} from "./schema.js";

const inPayload = ["payload"];

type Envelope = z.output<typeof envelopeSchema>;
type MessageFields = z.output<typeof sentPayloadSchema>;

/** Validates the envelope and its payload, and builds the event for the handler. */
export function normalizeAndroidEvent(
  raw: AndroidEnvelope,
  context: NormalizeContext,
): EventFields {
  const envelope = validatePayload(envelopeSchema, raw);
  const { payload } = envelope;
  switch (envelope.event) {
    case "sms:received": {
      const message = validatePayload(receivedPayloadSchema, payload, inPayload);
      const event = receivedEvent(raw, context, envelope, message);
      event.text = message.message;
      return event;
    }
    case "sms:data-received": {
      const message = validatePayload(dataReceivedPayloadSchema, payload, inPayload);
      const event = receivedEvent(raw, context, envelope, message);
      event.binary = { dataHex: Buffer.from(message.data, "base64").toString("hex") };
      return event;
    }
    case "sms:sent": {
      const message = validatePayload(sentPayloadSchema, payload, inPayload);
      const sentAt = requireDeviceDate(message.sentAt, "payload.sentAt");
      const event = statusEvent(raw, context, envelope, message, "sent", sentAt);
      if (message.partsCount !== undefined && message.partsCount >= 0) {
        event.partsCount = message.partsCount;
      }
      return event;
    }
    case "sms:delivered": {
      const message = validatePayload(deliveredPayloadSchema, payload, inPayload);
      const deliveredAt = requireDeviceDate(message.deliveredAt, "payload.deliveredAt");
      return statusEvent(raw, context, envelope, message, "delivered", deliveredAt);
    }
    case "sms:failed": {
      const message = validatePayload(failedPayloadSchema, payload, inPayload);
      const failedAt = requireDeviceDate(message.failedAt, "payload.failedAt");
      const event = statusEvent(raw, context, envelope, message, "failed", failedAt);
      event.error = { message: message.reason ?? "Unknown" };
      return event;
    }
    case "sms:cancelled": {
      const message = validatePayload(cancelledPayloadSchema, payload, inPayload);
      const cancelledAt = requireDeviceDate(message.cancelledAt, "payload.cancelledAt");
      const event = statusEvent(raw, context, envelope, message, "failed", cancelledAt);
      event.error = { code: "cancelled", message: "The message was cancelled before it was sent." };
      return event;
    }
    case "system:ping": {
      const { health } = validatePayload(pingPayloadSchema, payload, inPayload);
      return {
        type: "system.ping",
        deviceId: envelope.deviceId,
        health,
        occurredAt: context.signedAt ?? context.receivedAt,
      };
    }
    default:
      return unknownEvent(envelope.event, context);
  }
}

// A received message names its sender as `sender` (v1.54.0+) or, before that, `phoneNumber`.
function receivedEvent(
  raw: AndroidEnvelope,
  context: NormalizeContext,
  envelope: Envelope,
  message: Pick<
    MessageFields,
    "messageId" | "sender" | "recipient" | "phoneNumber" | "simNumber"
  > & {
    receivedAt: string;
  },
): FieldsOf<MessageReceivedEvent> {
  const from = message.sender ?? message.phoneNumber;
  if (from == null) {
    throw new WebhookError(
      "payload_invalid",
      "Invalid payload: payload.sender: sender (or phoneNumber) is required.",
    );
  }
  return {
    type: "message.received",
    messageId: message.messageId,
    from,
    to: message.recipient ?? undefined,
    text: "",
    receivedAt: requireDeviceDate(message.receivedAt, "payload.receivedAt"),
    deviceId: envelope.deviceId,
    simNumber: message.simNumber ?? null,
  };
}

function statusEvent(
  raw: AndroidEnvelope,
  context: NormalizeContext,
  envelope: Envelope,
  message: Pick<MessageFields, "messageId" | "recipient" | "phoneNumber" | "simNumber">,
  status: MessageStatus,
  occurredAt: Date,
): FieldsOf<MessageStatusEvent> {
  const to = message.recipient ?? message.phoneNumber ?? undefined;
  return {
    type: "message.status",
    messageId: message.messageId,
    to,
    recipients: to === undefined ? [] : [to],
    status,
    final: status !== "sent",
    providerStatus: envelope.event,
    occurredAt,
    deviceId: envelope.deviceId,
    simNumber: message.simNumber ?? null,
  };
}
