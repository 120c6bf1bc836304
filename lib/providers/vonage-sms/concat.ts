// lib/providers/vonage-sms/concat.ts — a concatenated inbound SMS, put back together from its parts.

import type { MessageReceivedEvent } from "../../core/events.js";
import type { ConcatAssembler, EventFields, FieldsOf, MessagePart } from "../../core/provider.js";
import { WebhookError } from "../../core/webhook-error.js";
import { normalizeInbound } from "./normalize.js";
import type { VonageParams } from "./params.js";

const count = /^\d{1,3}$/;

/**
 * Vonage sends each part of a long SMS as its own webhook with `concat-ref`, `concat-total` and
 * `concat-part` (1-based), in any order. Parts group by sender, recipient, reference and total,
 * so two senders (or two of your numbers) using the same reference never mix.
 */
export function vonageConcat(ttlMs: number): ConcatAssembler<VonageParams> {
  return {
    ttlMs,
    partOf(params, event): MessagePart | undefined {
      if (event.type !== "message.received") return undefined;
      const ref = params["concat-ref"];
      const total = params["concat-total"];
      const index = params["concat-part"];
      if (params["concat"] !== "true" && ref === undefined) return undefined;
      if (ref === undefined || total === undefined || index === undefined) {
        throw invalid("a concatenated part needs concat-ref, concat-total and concat-part");
      }
      if (!count.test(total) || !count.test(index)) {
        throw invalid("concat-total and concat-part must be whole numbers");
      }
      const of = Number(total);
      const at = Number(index);
      if (of < 1 || at < 1 || at > of)
        throw invalid("concat-part must be between 1 and concat-total");
      if (of === 1) return undefined;
      return {
        group: ["concat", event.from, event.to ?? "", ref, String(of)]
          .map(encodeURIComponent)
          .join(":"),
        index: at,
        total: of,
      };
    },
    assemble(payloads, context): EventFields {
      return joinParts(payloads.map((params) => normalizeInbound(params, context)));
    },
  };
}

type ReceivedFields = FieldsOf<MessageReceivedEvent>;

function joinParts(parts: readonly ReceivedFields[]): ReceivedFields {
  const [first] = parts;
  if (first === undefined) throw invalid("a concatenated SMS needs its parts");
  const data = parts.map((part) => part.binary?.dataHex);
  const binary = data.every((hex) => hex !== undefined)
    ? { binary: { dataHex: data.join("") } }
    : {};
  const { binary: _firstBinary, ...whole } = first;
  return {
    ...whole,
    text: parts.map((part) => part.text).join(""),
    parts: parts.map((part) => part.messageId),
    receivedAt: new Date(Math.max(...parts.map((part) => part.receivedAt.getTime()))),
    ...binary,
  };
}

function invalid(problem: string): WebhookError {
  return new WebhookError("payload_invalid", `Invalid payload: ${problem}.`);
}
