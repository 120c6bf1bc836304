// lib/providers/sinch/index.ts — the Sinch SMS provider factory (HMAC-signed SMS API callbacks).

import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { sinchDedupeKey } from "./dedupe-key.js";
import { normalizeSinch } from "./normalize.js";
import type { SinchPayload } from "./schema.js";
import { sinchVerifier } from "./verify.js";

/** Options for {@link sinch}. */
export interface SinchOptions {
  /**
   * The callback secret that signs the webhooks (SMS API: enabled for your service plan by
   * your Sinch account manager; Conversation API: the webhook's secret), or several while
   * rotating. Used as its UTF-8 bytes, as Sinch does.
   */
  secret: SecretInput;
}

const hour = 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { secret: secretSchema };

/**
 * The Sinch SMS provider: verifies `x-sinch-webhook-signature` (base64 HMAC-SHA256, or
 * HMAC-SHA512 when `x-sinch-webhook-signature-algorithm` says so, of the raw body + `.` + nonce
 * + `.` + timestamp) and maps `mo_text` and `mo_binary` to `message.received` and
 * `recipient_delivery_report_sms` to `message.status`; other callbacks (the per-batch
 * `delivery_report_sms` among them) arrive as `unknown`. `smsWebhook.router` mounts POST `/`.
 *
 * Window ±24 hours: Sinch publishes none, and retries a callback for up to 22 h 45 min without
 * saying whether a retry is signed afresh; a retry refused 401 would be dropped for good. The
 * replay guard is dedupe: handled events are remembered 48 hours (twice the window).
 */
export function sinch(options: SinchOptions): Provider<SinchPayload, undefined> {
  const { secret } = validateOptions(optionsShape, options);
  return {
    name: "sinch",
    defaults: { toleranceSec: 24 * 60 * 60, dedupeTtlMs: 48 * hour },
    verify: sinchVerifier(secretList(secret)),
    read: (req) => parseJsonObject(req.rawBody),
    dedupeKey: sinchDedupeKey,
    normalize: normalizeSinch,
  };
}

export type { SinchPayload } from "./schema.js";
