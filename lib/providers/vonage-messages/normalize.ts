// lib/providers/vonage-messages/normalize.ts — Messages API webhooks to message.received and message.status.

import type { z } from "zod";
import { isFinalStatus, type MessageStatus, type Money } from "../../core/events.js";
import { parseIsoDate } from "../../core/iso-date.js";
import type { EventFields, NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { inboundSchema, isStatus, mediaTypes, statusSchema } from "./schema.js";

// Vonage's statuses onto the common vocabulary; anything new is `unknown`.
// A Map, not an object literal: a status such as "constructor" must not find Object's own.
const statuses: ReadonlyMap<string, MessageStatus> = new Map([
  ["submitted", "sent"],
  ["delivered", "delivered"],
  ["read", "read"],
  ["rejected", "rejected"],
  ["undeliverable", "failed"],
  ["failed", "failed"],
]);

/** Validates the body and builds the event for the handler. */
export function normalizeVonageMessage(
  body: Record<string, unknown>,
  context: NormalizeContext,
): EventFields {
  if (isStatus(body)) {
    const update = validatePayload(statusSchema, body);
    const status = statuses.get(update.status) ?? "unknown";
    const count = update.sms?.count_total;
    return {
      type: "message.status",
      messageId: update.message_uuid,
      to: update.to,
      recipients: [update.to],
      status,
      final: isFinalStatus(status),
      providerStatus: update.status,
      ...(update.error === undefined ? {} : { error: errorOf(update.error) }),
      ...priceOf(update.usage),
      occurredAt: timeOf(update.timestamp, context),
      ...(update.destination?.network_code === undefined
        ? {}
        : { networkCode: update.destination.network_code }),
      ...(update.client_ref === undefined ? {} : { clientRef: update.client_ref }),
      ...(update.channel === undefined ? {} : { channel: update.channel }),
      ...(count === undefined ? {} : { partsCount: Number(count) }),
    };
  }
  const message = validatePayload(inboundSchema, body);
  const parts = message.sms?.num_messages;
  const attachments = mediaTypes.flatMap((type) => {
    const item = message[type];
    return item === undefined ? [] : [{ type, ...item }];
  });
  return {
    type: "message.received",
    messageId: message.message_uuid,
    from: message.from,
    to: message.to,
    text: message.text ?? attachments.find((item) => item.caption !== undefined)?.caption ?? "",
    receivedAt: timeOf(message.timestamp, context),
    ...(message.sms?.keyword === undefined ? {} : { keyword: message.sms.keyword }),
    ...priceOf(message.usage),
    channel: message.channel,
    ...(parts === undefined ? {} : { partsCount: Number(parts) }),
    ...(attachments.length === 0 ? {} : { media: attachments }),
    ...(message.client_ref === undefined ? {} : { clientRef: message.client_ref }),
  };
}

function errorOf(error: NonNullable<z.output<typeof statusSchema>["error"]>) {
  const code = error.title === undefined ? undefined : String(error.title);
  return {
    ...(code === undefined ? {} : { code }),
    message: error.detail ?? code ?? "error",
    ...(error.type === undefined ? {} : { type: error.type }),
  };
}

function priceOf(
  usage: { price?: string | undefined; currency?: string | undefined } | undefined,
): {
  price?: Money;
} {
  if (usage?.price === undefined) return {};
  return {
    price: {
      amount: usage.price,
      ...(usage.currency === undefined ? {} : { currency: usage.currency }),
    },
  };
}

// `2020-01-01T14:00:00.000Z`, `2025-02-03T12:14:25Z`, and in the migration guide's example
// `2020-01-01 14:00:00 UTC`: all UTC.
function timeOf(timestamp: string, context: NormalizeContext): Date {
  return (
    parseIsoDate(timestamp.replace(/\s*UTC$/i, ""), "utc") ?? context.signedAt ?? context.receivedAt
  );
}
