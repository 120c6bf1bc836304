// lib/inspector/summary.ts — the small, self-contained copy of an outcome the inspector keeps.

import type { SmsEvent } from "../core/events.js";
import type { DeliveryOutcome, OutcomeRecord } from "../core/observer.js";
import type { WebhookErrorCode } from "../core/webhook-error.js";
import { maskHint, maskNumbersIn, maskPhone, maskText } from "./mask.js";

/**
 * What an event said, as far as the inspector shows it. Numbers and texts are masked
 * (`+44 •• •••• ••89`, `[42 chars]`) unless the inspector was made with `showContent: true`.
 */
export interface InspectorContent {
  /** The sender of a received message. */
  readonly from: string | null;
  /** The recipient(s): of a received message, or the first few of a status report. */
  readonly to: readonly string[];
  /** How many more recipients there were than `to` lists. */
  readonly moreRecipients: number;
  /** The text of a received message. */
  readonly text: string | null;
  /** A status report's status, in the library's words and the provider's (`delivered (DELIVRD)`). */
  readonly status: string | null;
}

/**
 * One request as the inspector keeps it (and `GET /api/deliveries` answers it): the
 * {@link OutcomeRecord}'s fields, without the event, with its content masked and every string
 * cut to a bounded length. `null` where the record had nothing.
 */
export interface InspectorRecord {
  /** Increases by one per record seen, from 1: tells records apart and in order. */
  readonly seq: number;
  /** When the request arrived, as an ISO 8601 UTC string. */
  readonly at: string;
  readonly provider: string;
  readonly route: { readonly method: string; readonly path: string };
  readonly outcome: DeliveryOutcome;
  readonly status: number;
  readonly code: WebhookErrorCode | null;
  readonly eventType: SmsEvent["type"] | null;
  /** The event's id (phone numbers in it masked unless `showContent`). */
  readonly eventId: string | null;
  /** Milliseconds, to a tenth. */
  readonly durationMs: number;
  /** Milliseconds, to a tenth. */
  readonly storeMs: number;
  /** The likely cause of a rejection, and what to change (URL queries and numbers masked). */
  readonly hint: string | null;
  readonly content: InspectorContent | null;
  /** For a `part` of a concatenated message: its group (masked), index (1-based) and total. */
  readonly part: { readonly group: string; readonly index: number; readonly total: number } | null;
}

// Every string kept is cut to this, so a record stays a few kB whatever a request carried
// (report mode lets unverified payloads through; a rejected path is whatever was asked for).
const maxString = 300;
const maxHint = 1000;
const maxRecipients = 5;

/**
 * Cuts `value` to `max` characters, with an ellipsis when it was longer. The cut is copied: a
 * slice of a long string can keep the whole of it in memory (V8's sliced strings), which would
 * make the ring as large as the requests it summarizes.
 */
export function cut(value: string, max = maxString): string {
  if (value.length <= max) return value;
  return Buffer.from(`${value.slice(0, max - 1)}…`, "utf8").toString("utf8");
}

/** How a summary shows the content: as it is, or masked. */
interface Masking {
  readonly phone: (value: string) => string;
  readonly text: (value: string) => string;
  readonly id: (value: string) => string;
  readonly hint: (value: string) => string;
}

const shown: Masking = { phone: cut, text: cut, id: cut, hint: (value) => cut(value, maxHint) };
const masked: Masking = {
  phone: (value) => maskPhone(cut(value)),
  text: maskText,
  id: (value) => maskNumbersIn(cut(value)),
  hint: (value) => maskHint(cut(value, maxHint)),
};

/** Builds {@link InspectorRecord}s; `showContent` decides once whether content is masked. */
export function summarizer(
  showContent: boolean,
): (record: OutcomeRecord, seq: number) => InspectorRecord {
  const mask = showContent ? shown : masked;
  return (record, seq) => ({
    seq,
    at: record.at.toISOString(),
    provider: cut(record.provider),
    route: { method: cut(record.route.method, 16), path: cut(record.route.path) },
    outcome: record.outcome,
    status: record.status,
    code: record.code ?? null,
    eventType: record.eventType ?? null,
    eventId: record.eventId === undefined ? null : mask.id(record.eventId),
    durationMs: tenths(record.durationMs),
    storeMs: tenths(record.storeMs),
    hint: record.hint === undefined ? null : mask.hint(record.hint),
    content: record.event === undefined ? null : contentOf(record.event, mask),
    part:
      record.part === undefined
        ? null
        : { group: mask.id(record.part.group), index: record.part.index, total: record.part.total },
  });
}

function contentOf(event: SmsEvent, mask: Masking): InspectorContent | null {
  switch (event.type) {
    case "message.received":
      return {
        from: mask.phone(event.from),
        to: event.to === undefined ? [] : [mask.phone(event.to)],
        moreRecipients: 0,
        text: mask.text(event.text),
        status: null,
      };
    case "message.status": {
      const recipients =
        event.recipients.length > 0 ? event.recipients : event.to ? [event.to] : [];
      const status =
        event.providerStatus === event.status
          ? event.status
          : `${event.status} (${cut(event.providerStatus, 60)})`;
      return {
        from: null,
        to: recipients.slice(0, maxRecipients).map(mask.phone),
        moreRecipients: Math.max(0, recipients.length - maxRecipients),
        text: null,
        status,
      };
    }
    case "system.ping":
    case "unknown":
      return null;
  }
}

function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}
