// lib/testing/samples.ts — realistic provider payloads, fresh ids each time, for demos and tests.

import { randomBytes, randomUUID } from "node:crypto";

/** Events the SMS Gateway for Android sample builder knows. */
export type AndroidSampleEvent =
  "sms:received" | "sms:sent" | "sms:delivered" | "sms:failed" | "system:ping";

const nanoId = () => randomBytes(16).toString("base64url").slice(0, 21);

// Shapes follow the app's payload classes (modules/webhooks/payload/*.kt); times carry the
// phone's offset, as the app writes them.
function androidPayload(event: AndroidSampleEvent, at: string): Record<string, unknown> {
  const outbound = {
    messageId: "PyDmBQZZXYmyxMwED8Fzy",
    recipient: "+15551234567",
    simNumber: 1,
    phoneNumber: "+15551234567",
  };
  switch (event) {
    case "sms:received":
      return {
        messageId: "a1b2c3d4",
        message: "Hi! Is the 3pm delivery slot still free? 📦",
        sender: "+15557654321",
        recipient: "+15551230000",
        simNumber: 1,
        phoneNumber: "+15557654321",
        receivedAt: at,
      };
    case "sms:sent":
      return { ...outbound, partsCount: 1, sentAt: at };
    case "sms:delivered":
      return { ...outbound, deliveredAt: at };
    case "sms:failed":
      return { ...outbound, failedAt: at, reason: "RESULT_ERROR_NO_SERVICE" };
    case "system:ping":
      return {
        health: {
          version: "1.68.0",
          releaseId: 68000,
          status: "pass",
          checks: {
            "battery:level": {
              status: "pass",
              observedValue: 87,
              observedUnit: "percent",
              description: "Battery level in percent",
            },
          },
        },
      };
  }
}

/**
 * An SMS Gateway for Android webhook body, as the app sends it: compact JSON, a fresh envelope
 * `id`, the device's local time with its offset.
 */
export function androidSmsGatewaySample(
  event: AndroidSampleEvent,
  options: { id?: string; at?: Date } = {},
): string {
  const at = deviceTime(options.at ?? new Date(), 3 * 60);
  return JSON.stringify({
    id: options.id ?? nanoId(),
    webhookId: "LreFUt-Z3sSq0JufY9uWB",
    event,
    deviceId: "ffffffffceb0b1db0000018e937c815b",
    payload: androidPayload(event, at),
  });
}

// `2024-06-22T15:46:11.000+03:00` for a phone `offsetMin` east of UTC.
function deviceTime(at: Date, offsetMin: number): string {
  const local = new Date(at.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

/** Events the Mifumo sample builder knows. */
export type MifumoSampleEvent = "message.sent" | "message.delivered" | "message.failed";

/**
 * A Mifumo webhook body shaped as its integration guide shows (pretty-printed, cost as a JSON
 * number), for `messageId` and `recipient`, timestamped `at`.
 */
export function mifumoSample(
  event: MifumoSampleEvent,
  options: { messageId?: string; recipient?: string; at?: Date } = {},
): string {
  const messageId = options.messageId ?? `msg_${randomBytes(6).toString("hex")}`;
  const recipient = options.recipient ?? "+255123456789";
  const at = (options.at ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const fields: Record<MifumoSampleEvent, object> = {
    "message.sent": {
      recipients: [recipient, "+255987654321"],
      sender_id: "Taarifa-SMS",
      content: "Your order #1042 has shipped.",
      sent_at: at,
      cost: 10.0,
      currency: "TZS",
      provider: "beem_africa",
    },
    "message.delivered": {
      recipient,
      status: "delivered",
      delivered_at: at,
      provider_status: "DELIVRD",
      error_message: null,
    },
    "message.failed": {
      recipient,
      status: "failed",
      failed_at: at,
      error_code: "INVALID_NUMBER",
      error_message: "Invalid phone number format",
    },
  };
  const body = JSON.stringify(
    { event, message_id: messageId, ...fields[event], timestamp: at },
    null,
    2,
  );
  // JSON.stringify writes 10.0 as 10; Mifumo's examples write the float as Python does.
  return body.replace('"cost": 10,', '"cost": 10.0,');
}

const vonageMessageId = () => `0B0000${randomBytes(5).toString("hex").toUpperCase()}`;

// `2020-01-01 12:00:00`: Vonage's message-timestamp, UTC.
const vonageTime = (at: Date) => at.toISOString().slice(0, 19).replace("T", " ");

/**
 * A Vonage SMS delivery receipt's parameters (unsigned), as in Vonage's DLR guide, for a
 * message that reached `status` at `at`.
 */
export function vonageReceiptSample(
  options: { messageId?: string; status?: string; errCode?: string; at?: Date } = {},
): Record<string, string> {
  const at = options.at ?? new Date();
  const yymmddhhmm = at.toISOString().replace(/\D/g, "").slice(2, 12);
  return {
    msisdn: "447700900000",
    to: "AcmeInc",
    "network-code": "23410",
    messageId: options.messageId ?? vonageMessageId(),
    price: "0.03330000",
    status: options.status ?? "delivered",
    scts: yymmddhhmm,
    "err-code": options.errCode ?? "0",
    "api-key": "abcd1234",
    "message-timestamp": vonageTime(at),
  };
}

/**
 * A Vonage inbound SMS's parameters (unsigned): one request for a short `text`, or one per
 * 153-character part (`concat-*` fields set) for a long one, as Vonage sends them.
 */
export function vonageInboundSample(
  text: string,
  options: { from?: string; to?: string; at?: Date } = {},
): Record<string, string>[] {
  const base = {
    "api-key": "abcd1234",
    msisdn: options.from ?? "447700900001",
    to: options.to ?? "447700900000",
    type: "text",
    keyword: (text.split(/\s/)[0] ?? "").toUpperCase(),
    "message-timestamp": vonageTime(options.at ?? new Date()),
  };
  const chunks = text.length <= 160 ? [text] : (text.match(/[\s\S]{1,153}/g) ?? []);
  if (chunks.length === 1) return [{ ...base, messageId: vonageMessageId(), text }];
  const ref = String(randomBytes(1)[0]);
  return chunks.map((chunk, index) => ({
    ...base,
    messageId: vonageMessageId(),
    text: chunk,
    concat: "true",
    "concat-ref": ref,
    "concat-total": String(chunks.length),
    "concat-part": String(index + 1),
  }));
}

/** A Messages API inbound SMS body, as Vonage's API reference shows it. */
export function vonageMessagesInboundSample(
  text: string,
  options: { from?: string; to?: string; at?: Date } = {},
): string {
  return JSON.stringify({
    channel: "sms",
    message_uuid: randomUUID(),
    to: options.to ?? "447700900000",
    from: options.from ?? "447700900001",
    timestamp: (options.at ?? new Date()).toISOString(),
    text,
    sms: {
      num_messages: String(Math.max(1, Math.ceil(text.length / 153))),
      keyword: (text.split(/\s/)[0] ?? "").toUpperCase(),
    },
    usage: { currency: "EUR", price: "0.0057" },
    message_type: "text",
  });
}

/** A Messages API status body for an SMS you sent (`submitted`, `delivered`, `rejected`…). */
export function vonageMessagesStatusSample(
  status: string,
  options: { messageUuid?: string; at?: Date } = {},
): string {
  return JSON.stringify({
    message_uuid: options.messageUuid ?? randomUUID(),
    to: "447700900000",
    from: "AcmeInc",
    timestamp: (options.at ?? new Date()).toISOString(),
    status,
    usage: { currency: "EUR", price: "0.0333" },
    channel: "sms",
    destination: { network_code: "23410" },
    sms: { count_total: "1" },
    ...(status === "rejected"
      ? {
          error: {
            type: "https://developer.vonage.com/api-errors/messages#1320",
            title: "1320",
            detail: "Message already sent",
          },
        }
      : {}),
  });
}
