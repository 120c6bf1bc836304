// lib/providers/android-sms-gateway/schema.ts — the app's webhook envelope and payloads.

import { z } from "zod";
import { deviceDateSchema } from "./device-date.js";

// The app's Gson omits null fields, so every nullable field may also be absent.
// Field list: capcom6/android-sms-gateway app/src/main/java/me/capcom/smsgateway/modules/webhooks/payload/.

/** The envelope around every event. `id` and `webhookId` are absent before app v1.15.2. */
export const envelopeSchema = z.object({
  id: z.string().min(1).optional(),
  webhookId: z.string().optional(),
  event: z.string(),
  deviceId: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
});

const messageFields = {
  messageId: z.string(),
  /** Since v1.54.0. For received messages the sender; for outbound ones the device's number. */
  sender: z.string().nullish(),
  /** Since v1.54.0. For outbound messages the destination; for received ones the device's number. */
  recipient: z.string().nullish(),
  /** 1-based SIM slot. */
  simNumber: z.number().int().nullish(),
  /** Deprecated but still always sent: the sender (received) or the recipient (outbound). */
  phoneNumber: z.string().nullish(),
};

// A received message names its sender as `sender` (v1.54.0+) or, before that, `phoneNumber`.
function withSender<Message extends { sender?: string | null; phoneNumber?: string | null }>(
  message: Message,
  context: z.RefinementCtx,
): Message & { from: string } {
  const from = message.sender ?? message.phoneNumber;
  if (from == null) {
    context.addIssue({
      code: "custom",
      message: "sender (or phoneNumber) is required",
      path: ["sender"],
    });
    return z.NEVER;
  }
  return { ...message, from };
}

export const receivedPayloadSchema = z
  .object({ ...messageFields, message: z.string(), receivedAt: deviceDateSchema })
  .transform(withSender);

export const dataReceivedPayloadSchema = z
  .object({ ...messageFields, data: z.base64("must be base64"), receivedAt: deviceDateSchema })
  .transform(withSender);

export const sentPayloadSchema = z.object({
  ...messageFields,
  /** -1 when the app does not know. */
  partsCount: z.number().int().optional(),
  sentAt: deviceDateSchema,
});

export const deliveredPayloadSchema = z.object({ ...messageFields, deliveredAt: deviceDateSchema });

export const failedPayloadSchema = z.object({
  ...messageFields,
  failedAt: deviceDateSchema,
  reason: z.string().optional(),
});

export const cancelledPayloadSchema = z.object({ ...messageFields, cancelledAt: deviceDateSchema });

export const pingPayloadSchema = z.object({
  health: z.object({
    status: z.string(),
    version: z.string().optional(),
    releaseId: z.number().optional(),
    checks: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** The parsed body of a request: the envelope before schema validation. */
export type AndroidEnvelope = Record<string, unknown>;
