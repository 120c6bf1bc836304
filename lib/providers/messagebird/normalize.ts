// lib/providers/messagebird/normalize.ts — status reports to message.status, inbound SMS to message.received.

import { isFinalStatus } from "../../core/events.js";
import { parseIsoDate } from "../../core/iso-date.js";
import { unknownEvent, type EventFields, type NormalizeContext } from "../../core/provider.js";
import { validatePayload } from "../../core/validate-payload.js";
import { familyStatus } from "../bird/family.js";
import type { MessageBirdPayload } from "./params.js";
import { inboundSchema, kindOf, statusSchema } from "./schema.js";

/** Validates the payload and builds the event for the handler. */
export function normalizeMessageBird(
  payload: MessageBirdPayload,
  context: NormalizeContext,
): EventFields {
  switch (kindOf(payload)) {
    case "inbound": {
      const message = validatePayload(inboundSchema, payload);
      return {
        type: "message.received",
        messageId: message.id,
        from: message.originator,
        ...(message.recipient === undefined ? {} : { to: message.recipient }),
        text: message.body ?? "",
        receivedAt: timeOf(message.createdDatetime, context),
        channel: "sms",
      };
    }
    case "status": {
      const report = validatePayload(statusSchema, payload);
      const status = familyStatus(report.status);
      const code = report.statusErrorCode ?? undefined;
      const failed = code !== undefined && code !== "" && code !== "0";
      return {
        type: "message.status",
        messageId: report.id,
        to: report.recipient,
        recipients: [report.recipient],
        status,
        final: isFinalStatus(status),
        providerStatus: report.status,
        ...(failed || (report.statusReason !== undefined && status === "failed")
          ? {
              error: {
                ...(failed ? { code } : {}),
                message: report.statusReason ?? `error ${code ?? ""}`.trim(),
              },
            }
          : {}),
        occurredAt: timeOf(report.statusDatetime, context),
        ...(report.reference === undefined || report.reference === null
          ? {}
          : { clientRef: report.reference }),
        channel: "sms",
      };
    }
    case "unknown":
      return unknownEvent("unknown", context);
  }
}

// `2019-01-11T09:17:11+00:00` (a query string may bring the `+` as a space); without one, the
// signed time of the request.
function timeOf(value: string | undefined, context: NormalizeContext): Date {
  const parsed =
    value === undefined
      ? undefined
      : parseIsoDate(value.replace(/ (\d{2}:?\d{2})$/, "+$1"), "reject");
  return parsed ?? context.signedAt ?? context.receivedAt;
}
