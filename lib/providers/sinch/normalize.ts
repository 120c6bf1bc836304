// lib/providers/sinch/normalize.ts — inbound SMS to message.received, recipient delivery reports to message.status.

import type { MessageStatus } from "../../core/events.js";
import { optionalIsoDate, requireIsoDate } from "../../core/iso-date.js";
import { unknownEvent, type EventFields, type NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { errorCodeMessage, errorCodesUrl } from "./error-codes.js";
import {
  moBinarySchema,
  moTextSchema,
  recipientReportSchema,
  typeOf,
  type SinchPayload,
} from "./schema.js";

// providers-more.md §14, `final` from Sinch's table of statuses: Queued and Dispatched are
// intermediate, every other status final (Unknown included: no receipt came and none will).
// A Map: a new word maps to "unknown", not final, by type rather than by assertion.
const statuses: ReadonlyMap<string, { status: MessageStatus; final: boolean }> = new Map([
  ["Queued", { status: "accepted", final: false }],
  ["Dispatched", { status: "sent", final: false }],
  ["Delivered", { status: "delivered", final: true }],
  ["Failed", { status: "failed", final: true }],
  ["Aborted", { status: "failed", final: true }],
  ["Cancelled", { status: "failed", final: true }],
  ["Deleted", { status: "failed", final: true }],
  ["Expired", { status: "expired", final: true }],
  ["Rejected", { status: "rejected", final: true }],
  ["Unknown", { status: "unknown", final: true }],
]);

const undelivered: ReadonlySet<MessageStatus> = new Set(["failed", "expired", "rejected"]);

/**
 * Validates a Sinch SMS callback and builds the event for the handler: `mo_text` and
 * `mo_binary` are `message.received`, `recipient_delivery_report_sms` is `message.status`;
 * every other type (the per-batch `delivery_report_sms`, MMS, a Conversation API callback) is
 * `unknown`, named by its `type`.
 */
export function normalizeSinch(payload: SinchPayload, context: NormalizeContext): EventFields {
  const type = typeOf(payload);
  switch (type) {
    case "mo_text": {
      const message = validatePayload(moTextSchema, payload);
      return { ...inboundFields(message), text: message.body };
    }
    case "mo_binary": {
      const message = validatePayload(moBinarySchema, payload);
      const dataHex = Buffer.from(message.body, "base64").toString("hex");
      const udhHex = message.udh?.toLowerCase();
      return {
        ...inboundFields(message),
        text: "",
        binary: udhHex === undefined || udhHex === "" ? { dataHex } : { dataHex, udhHex },
      };
    }
    case "recipient_delivery_report_sms":
      return normalizeReport(payload);
    default:
      return unknownEvent(type === "" ? "unknown" : type, context);
  }
}

function inboundFields(message: {
  id: string;
  from: string;
  to: string;
  received_at: string;
  client_reference?: string | undefined;
}) {
  return {
    type: "message.received" as const,
    messageId: message.id,
    from: message.from,
    to: message.to,
    receivedAt: requireIsoDate(message.received_at, "received_at", "utc"),
    channel: "sms",
    ...(message.client_reference === undefined ? {} : { clientRef: message.client_reference }),
  };
}

function normalizeReport(payload: SinchPayload): EventFields {
  const report = validatePayload(recipientReportSchema, payload);
  const { status, final } = statuses.get(report.status) ?? { status: "unknown", final: false };
  const at = requireIsoDate(report.at, "at", "utc");
  const operatorAt = optionalIsoDate(report.operator_status_at, "operator_status_at", "utc");
  return {
    type: "message.status",
    // The id Sinch gave what you sent: a batch, one message to each of its recipients.
    messageId: report.batch_id,
    to: report.recipient,
    recipients: [report.recipient],
    status,
    final,
    providerStatus: report.status,
    ...(undelivered.has(status)
      ? {
          error: {
            code: String(report.code),
            message: errorCodeMessage(report.code),
            type: errorCodesUrl,
          },
        }
      : {}),
    // When the operator's SMSC says the status happened; else when Sinch made the report.
    occurredAt: operatorAt ?? at,
    ...(operatorAt === undefined ? {} : { carrierTimestamp: operatorAt }),
    ...(report.client_reference === undefined ? {} : { clientRef: report.client_reference }),
    ...(report.number_of_message_parts === undefined
      ? {}
      : { partsCount: report.number_of_message_parts }),
    channel: "sms",
  };
}
