// lib/providers/bird/normalize.ts — Bird message events to message.received and message.status.

import { isFinalStatus } from "../../core/events.js";
import { parseIsoDate } from "../../core/iso-date.js";
import { unknownEvent, type EventFields, type NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { familyStatus } from "./family.js";
import { inboundSchema, kindOf, outboundSchema, type BirdPayload } from "./schema.js";

/** Validates the event and builds the event for the handler. */
export function normalizeBird(body: BirdPayload, context: NormalizeContext): EventFields {
  const kind = kindOf(body);
  const event = typeof body["event"] === "string" ? body["event"] : "unknown";
  if (kind === "unknown") return unknownEvent(event, context);
  // `sms.inbound` → "sms": Bird's other channels send the same message shape.
  const channel = event.slice(0, event.lastIndexOf("."));
  if (kind === "inbound") {
    const message = validatePayload(inboundSchema, body["payload"], ["payload"]);
    const to = message.receiver?.connector?.identifierValue;
    return {
      type: "message.received",
      messageId: message.id,
      from: message.sender.contact.identifierValue,
      ...(to === undefined ? {} : { to }),
      text: message.body?.text?.text ?? "",
      receivedAt: timeOf(message.createdAt, context),
      channel,
    };
  }
  const update = validatePayload(outboundSchema, body["payload"], ["payload"]);
  const recipients = (update.receiver?.contacts ?? []).map((contact) => contact.identifierValue);
  const status = familyStatus(update.status);
  return {
    type: "message.status",
    messageId: update.id,
    ...(recipients.length === 1 && recipients[0] !== undefined ? { to: recipients[0] } : {}),
    recipients,
    status,
    final: isFinalStatus(status),
    providerStatus: update.status,
    ...(update.reason === undefined ? {} : { error: { message: update.reason } }),
    occurredAt: timeOf(update.updatedAt ?? update.createdAt, context),
    ...(update.reference === undefined ? {} : { clientRef: update.reference }),
    channel,
  };
}

// RFC 3339 (`2024-01-01T00:00:00.123Z`); without one, the signed time of the request.
function timeOf(value: string | undefined, context: NormalizeContext): Date {
  const parsed = value === undefined ? undefined : parseIsoDate(value, "reject");
  return parsed ?? context.signedAt ?? context.receivedAt;
}
