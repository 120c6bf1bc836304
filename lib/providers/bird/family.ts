// lib/providers/bird/family.ts — what Bird and MessageBird share: the header names and the status words.

import type { MessageStatus } from "../../core/events.js";
import { WebhookError } from "../../core/webhook-error.js";

/** Bird's signature header (the legacy MessageBird-Signature scheme used the same name). */
export const birdSignatureHeader = "messagebird-signature";
/** Bird's signed time, unix seconds (the legacy scheme used the same name). */
export const birdTimestampHeader = "messagebird-request-timestamp";
/** The legacy MessageBird REST API's signed-webhook JWT. */
export const messageBirdJwtHeader = "messagebird-signature-jwt";

/**
 * Said in the log when a request carries the other scheme's header: same brand, same header
 * prefix, different schemes (messagebird/messagebird-nodejs#127: Bird traffic fed to the legacy
 * verifier fails as "Signatures not match").
 */
export const useMessageBirdHint =
  "The request carries MessageBird-Signature-JWT: it comes from the legacy MessageBird REST API (rest.messagebird.com), which messageBird() verifies; bird() is for Bird platform webhook subscriptions (docs.bird.com).";
/** The other way round: see {@link useMessageBirdHint}. */
export const useBirdHint =
  "The request carries MessageBird-Signature and no MessageBird-Signature-JWT: a Bird platform webhook subscription (docs.bird.com), which bird() verifies (or the deprecated legacy MessageBird-Signature, which no verifier here accepts: switch the webhook to signed JWTs).";

// The words both platforms use (providers-more.md §5 and §14): Bird's channel message
// lifecycle and the legacy SMS status reports. A Map: an unknown word is "unknown" by type.
const statuses: ReadonlyMap<string, MessageStatus> = new Map([
  ["accepted", "accepted"],
  ["processing", "accepted"],
  ["scheduled", "accepted"],
  ["sent", "sent"],
  ["buffered", "buffered"],
  ["delivered", "delivered"],
  ["expired", "expired"],
  ["sending_failed", "failed"],
  ["delivery_failed", "failed"],
]);

/** A Bird or MessageBird status word in the common vocabulary; anything new is `unknown`. */
export function familyStatus(word: string): MessageStatus {
  return statuses.get(word) ?? "unknown";
}

/** A message id of either platform (a UUID, 32 hex digits): no `:`, so `id:status` reads one way. */
export const messageIdPattern = /^[A-Za-z0-9_.-]{1,128}$/;
/** Says what a message id must be, in `payload_invalid` messages. */
export const messageIdRule = "must be a message id (letters, digits, - _ .)";
/** A status word as both platforms write it: lower-case letters and `_` (`delivery_failed`). */
export const statusPattern = /^[a-z_]{1,40}$/;
/** Says what a status must be, in `payload_invalid` messages. */
export const statusRule = "must be a lower-case status word";

/**
 * The dedupe key of a message event: its id, and for a status its status word (a sent message
 * gets one event per status), each checked before the store sees it. `path` names the fields
 * in the `payload_invalid` message.
 */
export function messageKey(
  fields: Readonly<Record<string, unknown>>,
  withStatus: boolean,
  path = "",
): string {
  const id = checked(fields, "id", messageIdPattern, messageIdRule, path);
  return withStatus ? `${id}:${checked(fields, "status", statusPattern, statusRule, path)}` : id;
}

function checked(
  fields: Readonly<Record<string, unknown>>,
  name: string,
  pattern: RegExp,
  rule: string,
  path: string,
): string {
  const value = fields[name];
  if (typeof value === "string" && pattern.test(value)) return value;
  throw new WebhookError("payload_invalid", `Invalid payload: ${path}${name}: ${rule}.`);
}
