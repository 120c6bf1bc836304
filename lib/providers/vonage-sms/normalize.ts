// lib/providers/vonage-sms/normalize.ts — receipts to message.status, inbound SMS to message.received.

import { isFinalStatus, type MessageReceivedEvent, type MessageStatus } from "../../core/events.js";
import { parseIsoDate } from "../../core/iso-date.js";
import {
  unknownEvent,
  type EventFields,
  type FieldsOf,
  type NormalizeContext,
} from "../../core/provider.js";
import { parseUnixSeconds } from "../../core/timestamp-window.js";
import { validatePayload } from "../../core/validate-payload.js";
import { errorCodeMessage } from "./error-codes.js";
import type { VonageParams } from "./params.js";
import { inboundSchema, kindOf, receiptSchema } from "./schema.js";

// A Map, not a Set and a cast: an unknown word maps to "unknown" by type, not by assertion.
const statuses: ReadonlyMap<string, MessageStatus> = new Map(
  (["accepted", "buffered", "delivered", "expired", "failed", "rejected", "unknown"] as const).map(
    (status) => [status, status],
  ),
);

/** Validates the parameters and builds the event for the handler. */
export function normalizeVonageSms(params: VonageParams, context: NormalizeContext): EventFields {
  switch (kindOf(params)) {
    case "receipt":
      return normalizeReceipt(params, context);
    case "inbound":
      return normalizeInbound(params, context);
    case "unknown":
      return unknownEvent("unknown", context);
  }
}

function normalizeReceipt(params: VonageParams, context: NormalizeContext): EventFields {
  const receipt = validatePayload(receiptSchema, params);
  const status = statuses.get(receipt.status) ?? "unknown";
  const errorCode = receipt["err-code"];
  const carrierTimestamp = parseScts(receipt.scts);
  return {
    type: "message.status",
    messageId: receipt.messageId,
    to: receipt.msisdn,
    recipients: [receipt.msisdn],
    status,
    final: isFinalStatus(status),
    providerStatus: receipt.status,
    ...(errorCode === undefined || errorCode === "0"
      ? {}
      : { error: { code: errorCode, message: errorCodeMessage(errorCode) } }),
    ...(receipt.price === undefined ? {} : { price: { amount: receipt.price } }),
    occurredAt: sentAt(receipt, context),
    ...(carrierTimestamp === undefined ? {} : { carrierTimestamp }),
    ...(receipt["network-code"] === undefined ? {} : { networkCode: receipt["network-code"] }),
    ...(receipt["client-ref"] === undefined ? {} : { clientRef: receipt["client-ref"] }),
    channel: "sms",
  };
}

/** One inbound SMS (or one part of a concatenated one) as `message.received`. */
export function normalizeInbound(
  params: VonageParams,
  context: NormalizeContext,
): FieldsOf<MessageReceivedEvent> {
  const inbound = validatePayload(inboundSchema, params);
  const binary =
    inbound.type === "binary" && inbound.data !== undefined
      ? {
          binary: {
            dataHex: inbound.data.toLowerCase(),
            ...(inbound.udh === undefined ? {} : { udhHex: inbound.udh.toLowerCase() }),
          },
        }
      : {};
  return {
    type: "message.received",
    messageId: inbound.messageId,
    from: inbound.msisdn,
    to: inbound.to,
    text: inbound.text ?? "",
    receivedAt: sentAt(inbound, context),
    ...(inbound.keyword === undefined ? {} : { keyword: inbound.keyword }),
    ...binary,
    channel: "sms",
  };
}

// `message-timestamp` is UTC `YYYY-MM-DD HH:MM:SS`: when Vonage started pushing the webhook.
function sentAt(
  fields: { "message-timestamp"?: string | undefined; timestamp?: string | undefined },
  context: NormalizeContext,
): Date {
  const stamped = fields["message-timestamp"];
  return (
    (stamped === undefined ? undefined : parseIsoDate(stamped, "utc")) ??
    parseUnixSeconds(fields.timestamp) ??
    context.signedAt ??
    context.receivedAt
  );
}

const sctsPattern = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** `scts` (YYMMDDHHMM, the carrier's clock) read as UTC, or undefined when it is not a date. */
export function parseScts(scts: string | undefined): Date | undefined {
  const match = scts === undefined ? null : sctsPattern.exec(scts);
  if (match === null) return undefined;
  const [, yy, mm, dd, hh, min] = match;
  return parseIsoDate(`20${yy}-${mm}-${dd}T${hh}:${min}:00Z`, "reject");
}
