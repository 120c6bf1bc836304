// lib/providers/telnyx/index.ts — the Telnyx Messaging provider factory (Ed25519-signed message events).

import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";
import { publicKeyObjects, publicKeySchema, type TelnyxPublicKey } from "./keys.js";
import { normalizeTelnyx } from "./normalize.js";
import type { TelnyxPayload } from "./schema.js";
import { telnyxVerifier } from "./verify.js";

/** Options for {@link telnyx}. */
export interface TelnyxOptions {
  /**
   * The account's public key (Mission Control → Account Settings → Keys & Credentials → Public
   * Key): base64 of the raw 32-byte Ed25519 key, as shown there. A list while rotating: a
   * request signed for any of them verifies.
   */
  publicKey: TelnyxPublicKey;
}

const hour = 60 * 60 * 1000;
// Telnyx's event ids are UUIDs; a longer one would only grow the store's keys.
const maxIdLength = 256;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { publicKey: publicKeySchema };

/**
 * The Telnyx Messaging provider: `message.received` (`message.received`), `message.sent` and
 * `message.finalized` (one `message.status` per message, each recipient's status in
 * `recipientStatuses`), other event types as `unknown`. JSON POSTs to `/`, signed with
 * `telnyx-signature-ed25519` (Ed25519 over `telnyx-timestamp`, `|` and the raw body).
 *
 * Window ±300 s, as Telnyx's SDK allows. Handled events are remembered 24 h by `data.id`, which
 * Telnyx repeats on every retry of an event (up to 3 attempts per URL, then the failover URL).
 */
export function telnyx(options: TelnyxOptions): Provider<TelnyxPayload, undefined> {
  const { publicKey } = validateOptions(optionsShape, options);
  const verify = telnyxVerifier(publicKeyObjects(publicKey));
  return {
    name: "telnyx",
    defaults: { toleranceSec: 300, dedupeTtlMs: 24 * hour },
    verify,
    read: (req) => parseJsonObject(req.rawBody),
    dedupeKey(payload) {
      const data = payload["data"];
      const id: unknown =
        typeof data === "object" && data !== null
          ? (data as Record<string, unknown>)["id"]
          : undefined;
      if (typeof id === "string" && id.length > 0 && id.length <= maxIdLength) return id;
      throw new WebhookError(
        "payload_invalid",
        `Invalid payload: data.id: must be a string of 1 to ${maxIdLength} characters.`,
      );
    },
    normalize: normalizeTelnyx,
  };
}

export type { TelnyxPublicKey } from "./keys.js";
export type { TelnyxPayload } from "./schema.js";
