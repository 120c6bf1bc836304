// lib/providers/telnyx/normalize.ts — message.received to message.received; message.sent and
// message.finalized to one message.status per message, each recipient's status kept.

import type { z } from "zod";
import type { Money } from "../../core/events.js";
import { optionalIsoDate } from "../../core/iso-date.js";
import { unknownEvent, type EventFields, type NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { envelopeSchema, inboundSchema, outboundSchema, type TelnyxPayload } from "./schema.js";
import { recipientStatus, summarize } from "./statuses.js";

const inPayload = ["data", "payload"];

/** Validates the envelope and its payload, and builds the event for the handler. */
export function normalizeTelnyx(raw: TelnyxPayload, context: NormalizeContext): EventFields {
  const { data } = validatePayload(envelopeSchema, raw);
  const occurredAt =
    optionalIsoDate(data.occurred_at, "data.occurred_at", "utc") ??
    context.signedAt ??
    context.receivedAt;
  switch (data.event_type) {
    case "message.received":
      return inbound(validatePayload(inboundSchema, data.payload, inPayload), occurredAt);
    case "message.sent":
    case "message.finalized": {
      const message = validatePayload(outboundSchema, data.payload, inPayload);
      return status(message, data.event_type === "message.finalized", occurredAt);
    }
    default:
      return unknownEvent(data.event_type, context);
  }
}

function inbound(message: z.output<typeof inboundSchema>, occurredAt: Date): EventFields {
  const to = typeof message.to === "string" ? message.to : firstAddress(message.to);
  const media = (message.media ?? []).map(({ url, content_type }) => ({
    type: mediaKind(content_type),
    url,
  }));
  const price = priceOf(message.cost);
  return {
    type: "message.received",
    messageId: message.id,
    from: message.from.phone_number,
    ...(to === undefined ? {} : { to }),
    text: message.text ?? "",
    receivedAt:
      optionalIsoDate(message.received_at, "data.payload.received_at", "utc") ?? occurredAt,
    ...(message.type == null ? {} : { channel: message.type.toLowerCase() }),
    ...(message.parts == null ? {} : { partsCount: message.parts }),
    ...(media.length === 0 ? {} : { media }),
    ...(price === undefined ? {} : { price }),
  };
}

function status(
  message: z.output<typeof outboundSchema>,
  finalized: boolean,
  occurredAt: Date,
): EventFields {
  const recipientStatuses = [...message.to, ...(message.cc ?? [])].map((recipient) =>
    recipientStatus(recipient.phone_number, recipient.status),
  );
  const summary = summarize(recipientStatuses);
  const recipients = recipientStatuses.map((recipient) => recipient.to);
  const error = errorOf(message.errors ?? []);
  const price = priceOf(message.cost);
  return {
    type: "message.status",
    messageId: message.id,
    ...(recipients.length === 1 ? { to: recipients[0] } : {}),
    recipients,
    recipientStatuses,
    status: summary.status,
    // Telnyx says when a message is done (message.finalized); a recipient still on its way (or
    // with a word this library does not know) keeps it open.
    final: finalized && summary.allFinal,
    providerStatus: summary.providerStatus,
    ...(error === undefined ? {} : { error }),
    ...(price === undefined ? {} : { price }),
    occurredAt,
    ...(message.type == null ? {} : { channel: message.type.toLowerCase() }),
    ...(message.parts == null ? {} : { partsCount: message.parts }),
  };
}

type Errors = NonNullable<z.output<typeof outboundSchema>["errors"]>;

// The first error's code; every error's title (and detail) in the message.
function errorOf(errors: Errors): { code: string; message: string } | undefined {
  const [first] = errors;
  if (first === undefined) return undefined;
  const message = errors
    .map(({ code, title, detail }) => {
      const what = title ?? `Telnyx error ${code}`;
      return detail == null || detail === "" ? what : `${what}: ${detail}`;
    })
    .join("; ");
  return { code: String(first.code), message };
}

function priceOf(cost: z.output<typeof inboundSchema>["cost"]): Money | undefined {
  if (cost?.amount == null) return undefined;
  return cost.currency == null
    ? { amount: cost.amount }
    : { amount: cost.amount, currency: cost.currency };
}

function firstAddress(
  to:
    | readonly { phone_number?: string | null | undefined; agent_id?: string | null | undefined }[]
    | null
    | undefined,
): string | undefined {
  const first = to?.[0];
  return first?.phone_number ?? first?.agent_id ?? undefined;
}

const kinds: ReadonlySet<string> = new Set(["image", "video", "audio"]);

function mediaKind(contentType: string | null | undefined): string {
  const slash = contentType?.indexOf("/") ?? -1;
  const kind = slash > 0 ? (contentType ?? "").slice(0, slash).toLowerCase() : "";
  return kinds.has(kind) ? kind : "file";
}
