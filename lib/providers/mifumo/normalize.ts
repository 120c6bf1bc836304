// lib/providers/mifumo/normalize.ts — Mifumo's delivery events mapped to message.status.

import type { SmsEvent } from "../../core/events.js";
import { optionalIsoDate } from "../../core/iso-date.js";
import { topLevelDecimal } from "../../core/json-decimal.js";
import type { NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { deliveredSchema, failedSchema, type MifumoPayload, sentSchema } from "./schema.js";

const provider = "mifumo";

/** Validates a Mifumo event and builds the event for the handler. */
export function normalizeMifumoEvent(raw: MifumoPayload, context: NormalizeContext): SmsEvent {
  const base = { provider, id: context.id, verified: context.verified, raw } as const;
  const fallbackTime = context.signedAt ?? context.receivedAt;
  const event = String(raw["event"]);
  switch (event) {
    case "message.sent": {
      const sent = validatePayload(sentSchema, raw);
      const amount = costText(sent.cost, context.request.rawBody);
      return {
        type: "message.status",
        ...base,
        messageId: sent.message_id,
        to: sent.recipients.length === 1 ? sent.recipients[0] : undefined,
        recipients: sent.recipients,
        status: "sent",
        final: false,
        providerStatus: event,
        occurredAt: eventTime(sent.sent_at, "sent_at", sent.timestamp) ?? fallbackTime,
        ...(amount === undefined
          ? {}
          : { price: { amount, ...(sent.currency == null ? {} : { currency: sent.currency }) } }),
      };
    }
    case "message.delivered": {
      const delivered = validatePayload(deliveredSchema, raw);
      return {
        type: "message.status",
        ...base,
        messageId: delivered.message_id,
        to: delivered.recipient,
        recipients: [delivered.recipient],
        status: "delivered",
        final: true,
        providerStatus: delivered.provider_status ?? event,
        occurredAt:
          eventTime(delivered.delivered_at, "delivered_at", delivered.timestamp) ?? fallbackTime,
      };
    }
    case "message.failed": {
      const failed = validatePayload(failedSchema, raw);
      return {
        type: "message.status",
        ...base,
        messageId: failed.message_id,
        to: failed.recipient,
        recipients: [failed.recipient],
        status: "failed",
        final: true,
        providerStatus: event,
        occurredAt: eventTime(failed.failed_at, "failed_at", failed.timestamp) ?? fallbackTime,
        error: {
          ...(failed.error_code == null ? {} : { code: String(failed.error_code) }),
          message: failed.error_message ?? failed.status ?? "failed",
        },
      };
    }
    default:
      return { type: "unknown", ...base, eventName: event, occurredAt: fallbackTime };
  }
}

// The event's own time field, else the body's timestamp (both UTC).
function eventTime(
  value: string | null | undefined,
  field: string,
  timestamp: string | null | undefined,
): Date | undefined {
  return optionalIsoDate(value, field, "utc") ?? optionalIsoDate(timestamp, "timestamp", "utc");
}

// A JSON number's own digits (`10.0` stays "10.0"); a string is kept as sent.
function costText(cost: number | string | null | undefined, rawBody: Buffer): string | undefined {
  if (cost == null) return undefined;
  if (typeof cost === "string") return cost;
  return topLevelDecimal(rawBody.toString("utf8"), "cost");
}
