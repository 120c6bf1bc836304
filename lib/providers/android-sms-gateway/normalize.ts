// lib/providers/android-sms-gateway/normalize.ts — the app's events mapped to the common events.

import type { z } from "zod";
import type { MessageStatus, SmsEvent } from "../../core/events.js";
import type { NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
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

const provider = "android-sms-gateway";

type Envelope = z.output<typeof envelopeSchema>;
type MessageFields = z.output<typeof sentPayloadSchema>;

/** Validates the envelope and its payload, and builds the event for the handler. */
export function normalizeAndroidEvent(raw: AndroidEnvelope, context: NormalizeContext): SmsEvent {
  const envelope = validatePayload(envelopeSchema, raw);
  const base = { provider, id: context.id, verified: context.verified, raw } as const;
  switch (envelope.event) {
    case "sms:received": {
      const message = validatePayload(receivedPayloadSchema, envelope.payload, ["payload"]);
      return { ...receivedEvent(base, envelope, message), text: message.message };
    }
    case "sms:data-received": {
      const message = validatePayload(dataReceivedPayloadSchema, envelope.payload, ["payload"]);
      return {
        ...receivedEvent(base, envelope, message),
        text: "",
        binary: { dataHex: Buffer.from(message.data, "base64").toString("hex") },
      };
    }
    case "sms:sent": {
      const message = validatePayload(sentPayloadSchema, envelope.payload, ["payload"]);
      const partsCount = message.partsCount;
      return {
        ...statusEvent(base, envelope, message, "sent", message.sentAt),
        ...(partsCount !== undefined && partsCount >= 0 ? { partsCount } : {}),
      };
    }
    case "sms:delivered": {
      const message = validatePayload(deliveredPayloadSchema, envelope.payload, ["payload"]);
      return statusEvent(base, envelope, message, "delivered", message.deliveredAt);
    }
    case "sms:failed": {
      const message = validatePayload(failedPayloadSchema, envelope.payload, ["payload"]);
      return {
        ...statusEvent(base, envelope, message, "failed", message.failedAt),
        error: { message: message.reason ?? "Unknown" },
      };
    }
    case "sms:cancelled": {
      const message = validatePayload(cancelledPayloadSchema, envelope.payload, ["payload"]);
      return {
        ...statusEvent(base, envelope, message, "failed", message.cancelledAt),
        error: { code: "cancelled", message: "The message was cancelled before it was sent." },
      };
    }
    case "system:ping": {
      const { health } = validatePayload(pingPayloadSchema, envelope.payload, ["payload"]);
      return {
        type: "system.ping",
        ...base,
        deviceId: envelope.deviceId,
        health,
        occurredAt: context.signedAt ?? context.receivedAt,
      };
    }
    default:
      return {
        type: "unknown",
        ...base,
        eventName: envelope.event,
        occurredAt: context.signedAt ?? context.receivedAt,
      };
  }
}

function receivedEvent(
  base: { provider: string; id: string; verified: boolean; raw: unknown },
  envelope: Envelope,
  message: z.output<typeof receivedPayloadSchema> | z.output<typeof dataReceivedPayloadSchema>,
) {
  return {
    type: "message.received" as const,
    ...base,
    messageId: message.messageId,
    from: message.from,
    to: message.recipient ?? undefined,
    receivedAt: message.receivedAt,
    deviceId: envelope.deviceId,
    simNumber: message.simNumber ?? null,
  };
}

function statusEvent(
  base: { provider: string; id: string; verified: boolean; raw: unknown },
  envelope: Envelope,
  message: Pick<MessageFields, "messageId" | "recipient" | "phoneNumber" | "simNumber">,
  status: MessageStatus,
  occurredAt: Date,
) {
  const to = message.recipient ?? message.phoneNumber ?? undefined;
  return {
    type: "message.status" as const,
    ...base,
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
