// lib/providers/telnyx/statuses.ts — each recipient's Telnyx status, and what they add up to.

import type { MessageStatus } from "../../core/events.js";

/** One recipient's status: the number, the common status and Telnyx's own word. */
export interface RecipientStatus {
  readonly to: string;
  readonly status: MessageStatus;
  readonly providerStatus: string;
}

/** The statuses of one message to its recipients, summed up. */
export interface MessageStatusSummary {
  readonly status: MessageStatus;
  readonly providerStatus: string;
  /** Whether every recipient's status is one after which none follows. */
  readonly allFinal: boolean;
}

// providers-more.md §14: `to[].status` of an outbound message; [status, final]. A Map: an
// unknown word maps to "unknown" by type, not by assertion. delivery_unconfirmed is final: the
// carrier sent no receipt and none will come.
const statuses: ReadonlyMap<string, readonly [MessageStatus, boolean]> = new Map([
  ["queued", ["accepted", false]],
  ["sending", ["accepted", false]],
  ["sent", ["sent", false]],
  ["delivered", ["delivered", true]],
  ["read", ["read", true]],
  ["delivery_failed", ["failed", true]],
  ["sending_failed", ["failed", true]],
  ["expired", ["expired", true]],
  ["delivery_unconfirmed", ["unknown", true]],
]);

const notFinalYet = ["accepted", "sent", "unknown"] as const;

/** A recipient's Telnyx status word in the common vocabulary. */
export function recipientStatus(to: string, word: string): RecipientStatus {
  return { to, status: statuses.get(word)?.[0] ?? "unknown", providerStatus: word };
}

/**
 * What the recipients' statuses add up to. One status (or several Telnyx words meaning the same,
 * as `delivery_failed` and `sending_failed`) is the message's. Mixed, the message is as far as
 * its slowest recipient while any is still on its way (`accepted` before `sent`), and `unknown`
 * once they have all ended differently (as Twilio's `partially_delivered`). `providerStatus`
 * keeps Telnyx's words, each once, comma-separated in recipient order.
 */
export function summarize(recipients: readonly RecipientStatus[]): MessageStatusSummary {
  const words = [...new Set(recipients.map((recipient) => recipient.providerStatus))];
  const common = new Set(recipients.map((recipient) => recipient.status));
  const pending = recipients.filter((recipient) => !isFinalWord(recipient.providerStatus));
  let status: MessageStatus = "unknown";
  if (common.size === 1) {
    status = recipients[0]?.status ?? "unknown";
  } else if (pending.length > 0) {
    status = notFinalYet.find((slowest) => pending.some((r) => r.status === slowest)) ?? "unknown";
  }
  return { status, providerStatus: words.join(","), allFinal: pending.length === 0 };
}

function isFinalWord(word: string): boolean {
  return statuses.get(word)?.[1] ?? false;
}
