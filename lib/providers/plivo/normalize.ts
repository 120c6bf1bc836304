// lib/providers/plivo/normalize.ts — inbound messages to message.received, status callbacks to message.status.

import { isFinalStatus, type MessageStatus } from "../../core/events.js";
import { unknownEvent, type EventFields, type NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { errorCodeMessage, errorCodeUrl, isNoError } from "./error-codes.js";
import { mediaOf } from "./media.js";
import type { PlivoPayload } from "./params.js";
import { inboundSchema, kindOf, statusSchema } from "./schema.js";

// providers-more.md §14; `providerStatus` keeps Plivo's word. "sent" is not final, though for
// US/CA numbers (no delivery reports) it is often the last status Plivo sends.
const statuses: ReadonlyMap<string, MessageStatus> = new Map([
  ["queued", "accepted"],
  ["sent", "sent"],
  ["delivered", "delivered"],
  ["read", "read"],
  ["undelivered", "failed"],
  ["failed", "failed"],
  ["rejected", "rejected"],
]);

/** Validates the parameters and builds the event for the handler. */
export function normalizePlivo(payload: PlivoPayload, context: NormalizeContext): EventFields {
  switch (kindOf(payload)) {
    case "inbound":
      return normalizeInbound(payload, context);
    case "status":
      return normalizeStatus(payload, context);
    case "unknown":
      return unknownEvent("unknown", context);
  }
}

function normalizeInbound(payload: PlivoPayload, context: NormalizeContext): EventFields {
  const inbound = validatePayload(inboundSchema, payload);
  const media = mediaOf(payload, inbound.MediaCount);
  return {
    type: "message.received",
    messageId: inbound.MessageUUID,
    from: inbound.From,
    to: inbound.To,
    // SMS carry Text; MMS and WhatsApp messages Body.
    text: inbound.Text ?? inbound.Body ?? "",
    // Plivo sends no time: the message arrived when its webhook did.
    receivedAt: context.receivedAt,
    channel: inbound.Type || (media.length > 0 ? "mms" : "sms"),
    ...(inbound.Units === undefined ? {} : { partsCount: inbound.Units }),
    ...priceOf(inbound.TotalAmount),
    ...(media.length === 0 ? {} : { media }),
  };
}

function normalizeStatus(payload: PlivoPayload, context: NormalizeContext): EventFields {
  const update = validatePayload(statusSchema, payload);
  const status = statuses.get(update.Status) ?? "unknown";
  const code = update.ErrorCode;
  return {
    type: "message.status",
    messageId: update.MessageUUID,
    ...(update.To === undefined ? {} : { to: update.To }),
    recipients: update.To === undefined ? [] : [update.To],
    status,
    final: isFinalStatus(status),
    providerStatus: update.Status,
    ...(code === undefined || isNoError(code)
      ? {}
      : { error: { code, message: errorCodeMessage(code), type: errorCodeUrl() } }),
    ...priceOf(update.TotalAmount),
    // Plivo signs no time, and its own times carry no documented zone: as of its webhook.
    occurredAt: context.receivedAt,
    ...(update.MCC && update.MNC ? { networkCode: update.MCC + update.MNC } : {}),
    ...(update.Units === undefined ? {} : { partsCount: update.Units }),
    channel: update.Type || "sms",
  };
}

// TotalAmount as sent. Plivo's callbacks name no currency (USD for most accounts, INR for
// India-registered ones), so none is made up.
function priceOf(amount: string | undefined): { price: { amount: string } } | object {
  return amount === undefined || amount === "" ? {} : { price: { amount } };
}
