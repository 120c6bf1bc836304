// lib/core/hints.ts — one sentence per rejection for the operator: the likely cause, what to change.

import type { WebhookError, WebhookErrorCode } from "./webhook-error.js";

// Said when the code alone is all that is known; a throw site that knows more (the URL a
// signature covered, the clock skew) sets its own hint on the error.
const defaultHints: Readonly<Record<WebhookErrorCode, string>> = {
  raw_body_unavailable:
    "The body was consumed by a parser mounted before this route (express.json(), express.urlencoded()…): mount the webhook route before it, or keep the bytes with captureRawBody.",
  body_too_large:
    "The body is larger than the limit option: raise limit if the provider really sends this much.",
  unsupported_media_type:
    "The provider does not send this content type or encoding: check the webhook's format setting at the provider, and that no proxy compresses the request.",
  payload_invalid:
    "The request is not this provider's payload (the message names the field): check that the provider's console points this URL at this provider's route, and its payload format setting.",
  signature_missing:
    "No signature: switch signing on at the provider, check that no proxy strips its headers, and that this URL is the provider's (not another service's) webhook.",
  signature_invalid:
    "The signature matches none of the configured secrets: check the secret (and signing method) set at the provider, and that nothing re-encodes the body on the way.",
  secret_unknown:
    "The request names a key no secret is configured for: add that key's secret (or check which account the provider's webhook belongs to).",
  timestamp_missing:
    "The provider signs a time and this request carries none: check the provider's signing settings, and that no proxy strips its headers.",
  timestamp_out_of_window:
    "The signed time is too far from this server's clock: check NTP, or widen toleranceSec.",
  signature_reused:
    "A single-use signature came again with another body: a captured request replayed with changes.",
  duplicate_in_flight:
    "Another delivery of this event is still being handled: the provider retried before the handler answered (answer faster), or sent it twice at once.",
  unsigned_callback:
    "Vonage sent an unsigned callback after an error on its side; the 503 makes it retry signed.",
  store_unavailable:
    "The dedupe store failed or answered slower than storeTimeoutMs: check Redis (the cause is in this log line).",
  internal_error:
    "A callback you configured (a secret resolver, a publicUrl function…) threw, or the library hit a bug: the cause is in this log line.",
};

/** The hint for a rejection: the one its throw site gave, or the code's. */
export function hintFor(error: WebhookError): string {
  return error.hint ?? defaultHints[error.code];
}

/**
 * The hint for a duplicate: how long ago the event was handled (when the store says), which
 * tells a provider's quick retry from a replay hours later.
 */
export function duplicateHint(handledAt: number | undefined, now: number, ttlMs: number): string {
  const remembered = `handled events are remembered for ${duration(ttlMs)} (dedupeTtlMs)`;
  if (handledAt === undefined) {
    return `A retry or replay of an event already handled; ${remembered}.`;
  }
  return `A retry or replay of an event handled ${duration(Math.max(0, now - handledAt))} ago; ${remembered}.`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
