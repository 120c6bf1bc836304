// lib/providers/twilio/normalize.ts — inbound messages to message.received, status callbacks to message.status.

import { isFinalStatus, type MessageStatus } from "../../core/events.js";
import { parseIsoDate } from "../../core/iso-date.js";
import { unknownEvent, type EventFields, type NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { errorCodeMessage, errorCodeUrl } from "./error-codes.js";
import { mediaOf } from "./media.js";
import type { TwilioPayload } from "./params.js";
import { inboundSchema, kindOf, statusSchema } from "./schema.js";

// providers-more.md §14; `providerStatus` keeps Twilio's word. A Map: an unknown word maps to
// "unknown" by type, not by assertion.
const statuses: ReadonlyMap<string, MessageStatus> = new Map([
  ["accepted", "accepted"],
  ["scheduled", "accepted"],
  ["queued", "accepted"],
  ["sending", "accepted"],
  ["sent", "sent"],
  ["delivered", "delivered"],
  ["read", "read"],
  ["undelivered", "failed"],
  ["failed", "failed"],
  ["canceled", "failed"],
  ["partially_delivered", "unknown"],
]);

/** Validates the parameters and builds the event for the handler. */
export function normalizeTwilio(payload: TwilioPayload, context: NormalizeContext): EventFields {
  switch (kindOf(payload)) {
    case "inbound":
      return normalizeInbound(payload, context);
    case "status":
      return normalizeStatus(payload, context);
    case "unknown":
      return unknownEvent("unknown", context);
  }
}

function normalizeInbound(payload: TwilioPayload, context: NormalizeContext): EventFields {
  const inbound = validatePayload(inboundSchema, payload);
  const media = mediaOf(payload, inbound.NumMedia ?? 0);
  return {
    type: "message.received",
    messageId: inbound.MessageSid,
    from: inbound.From,
    to: inbound.To,
    text: inbound.Body,
    // Twilio sends no time: the message arrived when its webhook did.
    receivedAt: context.receivedAt,
    channel: channelOf(inbound.From, media.length > 0),
    ...(inbound.NumSegments === undefined ? {} : { partsCount: inbound.NumSegments }),
    ...(media.length === 0 ? {} : { media }),
  };
}

function normalizeStatus(payload: TwilioPayload, context: NormalizeContext): EventFields {
  const update = validatePayload(statusSchema, payload);
  const word = update.MessageStatus ?? update.SmsStatus ?? "";
  const status = statuses.get(word) ?? "unknown";
  const code = update.ErrorCode;
  const carrierTimestamp = parseDlrDate(update.RawDlrDoneDate);
  return {
    type: "message.status",
    messageId: update.MessageSid,
    ...(update.To === undefined ? {} : { to: update.To }),
    recipients: update.To === undefined ? [] : [update.To],
    status,
    final: isFinalStatus(status),
    providerStatus: word,
    ...(code === undefined || code === "" || code === "0"
      ? {}
      : { error: { code, message: errorCodeMessage(code), type: errorCodeUrl(code) } }),
    ...(update.Price === undefined
      ? {}
      : {
          price: {
            amount: update.Price,
            ...(update.PriceUnit === undefined ? {} : { currency: update.PriceUnit }),
          },
        }),
    // Twilio signs no time and sends none but the carrier's: the status is as of its webhook.
    occurredAt: context.receivedAt,
    ...(carrierTimestamp === undefined ? {} : { carrierTimestamp }),
    ...(update.NumSegments === undefined ? {} : { partsCount: update.NumSegments }),
    channel: channelOf(update.To ?? "", false),
  };
}

// WhatsApp and Messenger traffic comes through the same webhooks, addressed `whatsapp:+1…`.
function channelOf(address: string, hasMedia: boolean): string {
  const colon = address.indexOf(":");
  if (colon > 0 && /^[a-z]+$/.test(address.slice(0, colon))) return address.slice(0, colon);
  return hasMedia ? "mms" : "sms";
}

const dlrDate = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** `RawDlrDoneDate` (YYMMDDhhmm, the carrier's clock) read as UTC, or undefined when not one. */
export function parseDlrDate(value: string | undefined): Date | undefined {
  const match = value === undefined ? null : dlrDate.exec(value);
  if (match === null) return undefined;
  const [, yy, mm, dd, hh, min] = match;
  return parseIsoDate(`20${yy}-${mm}-${dd}T${hh}:${min}:00Z`, "reject");
}
