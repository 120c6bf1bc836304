// lib/providers/android-sms-gateway/schema.ts — the app's webhook envelope and payloads.

import { z } from "zod";

// The app's Gson omits null fields, so every nullable field may also be absent.
// Field list: capcom6/android-sms-gateway app/src/main/java/me/capcom/smsgateway/modules/webhooks/payload/.
// Dates are checked as strings here and read by normalize (requireDeviceDate): a zod transform
// per field would cost more than the rest of the validation together.

/** The envelope around every event. `id` and `webhookId` are absent before app v1.15.2. */
export const envelopeSchema = z.object({
  id: z.string().min(1).optional(),
  webhookId: z.string().optional(),
  event: z.string(),
  deviceId: z.string().optional(),
  // Checked by the event's own payload schema.
  payload: z.unknown(),
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

/** `sms:received`: an SMS the phone received. */
export const receivedPayloadSchema = z.object({
  ...messageFields,
  message: z.string(),
  receivedAt: z.string(),
});

/** `sms:data-received`: a data SMS; `data` is base64. */
export const dataReceivedPayloadSchema = z.object({
  ...messageFields,
  data: z.base64("must be base64"),
  receivedAt: z.string(),
});

/** `sms:sent`: the phone sent an SMS. */
export const sentPayloadSchema = z.object({
  ...messageFields,
  /** -1 when the app does not know. */
  partsCount: z.number().int().optional(),
  sentAt: z.string(),
});

/** `sms:delivered`: an SMS the phone sent was delivered. */
export const deliveredPayloadSchema = z.object({ ...messageFields, deliveredAt: z.string() });

/** `sms:failed`: an SMS the phone sent failed; `reason` says why. */
export const failedPayloadSchema = z.object({
  ...messageFields,
  failedAt: z.string(),
  reason: z.string().optional(),
});

/** `sms:cancelled`: an SMS was cancelled before it was sent (app v1.67.0+). */
export const cancelledPayloadSchema = z.object({ ...messageFields, cancelledAt: z.string() });

/** `system:ping`: the app's health report. */
export const pingPayloadSchema = z.object({
  health: z.object({
    status: z.string(),
    version: z.string().optional(),
    releaseId: z.number().optional(),
    checks: z.record(z.string(), z.unknown()).default({}),
  }),
});

/**
 * The parsed body of a request: the envelope before schema validation.
 * @inline
 */
export type AndroidEnvelope = Record<string, unknown>;
