// lib/providers/mifumo/normalize.ts — Mifumo's delivery events mapped to message.status.

import type { MessageStatusEvent } from "../../core/events.js";
import { optionalIsoDate } from "../../core/iso-date.js";
import { topLevelDecimal } from "../../core/json-decimal.js";
import {
  unknownEvent,
  type EventFields,
  type FieldsOf,
  type NormalizeContext,
} from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";
import { deliveredSchema, failedSchema, type MifumoPayload, sentSchema } from "./schema.js";

/** Validates a Mifumo event and builds the event for the handler. */
export function normalizeMifumoEvent(raw: MifumoPayload, context: NormalizeContext): EventFields {
  const event = String(raw["event"]);
  switch (event) {
    case "message.sent": {
      const sent = validatePayload(sentSchema, raw);
      const time = eventTime(sent.sent_at, "sent_at", sent.timestamp);
      const status = statusEvent(
        raw,
        context,
        sent.message_id,
        sent.recipients,
        "sent",
        event,
        time,
      );
      const amount = costText(sent.cost, context.request.rawBody);
      if (amount !== undefined) {
        status.price = sent.currency == null ? { amount } : { amount, currency: sent.currency };
      }
      return status;
    }
    case "message.delivered": {
      const delivered = validatePayload(deliveredSchema, raw);
      const time = eventTime(delivered.delivered_at, "delivered_at", delivered.timestamp);
      const word = delivered.provider_status ?? event;
      return statusEvent(
        raw,
        context,
        delivered.message_id,
        [delivered.recipient],
        "delivered",
        word,
        time,
      );
    }
    case "message.failed": {
      const failed = validatePayload(failedSchema, raw);
      const time = eventTime(failed.failed_at, "failed_at", failed.timestamp);
      const status = statusEvent(
        raw,
        context,
        failed.message_id,
        [failed.recipient],
        "failed",
        event,
        time,
      );
      const message = failed.error_message ?? failed.status ?? "failed";
      status.error =
        failed.error_code == null ? { message } : { code: String(failed.error_code), message };
      return status;
    }
    default:
      return unknownEvent(event, context);
  }
}

function statusEvent(
  raw: MifumoPayload,
  context: NormalizeContext,
  messageId: string,
  recipients: string[],
  status: "sent" | "delivered" | "failed",
  providerStatus: string,
  occurredAt: Date | undefined,
): FieldsOf<MessageStatusEvent> {
  return {
    type: "message.status",
    messageId,
    to: recipients.length === 1 ? recipients[0] : undefined,
    recipients,
    status,
    final: status !== "sent",
    providerStatus,
    occurredAt: occurredAt ?? context.signedAt ?? context.receivedAt,
  };
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
  const written = topLevelDecimal(rawBody.toString("utf8"), "cost");
  if (written !== undefined) return written;
  throw new WebhookError("payload_invalid", "Invalid payload: cost: exponent out of range.");
}
