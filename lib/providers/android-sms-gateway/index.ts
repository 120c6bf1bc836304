// lib/providers/android-sms-gateway/index.ts — the SMS Gateway for Android provider factory.

import { bodyDigestKey } from "../../core/hmac.js";
import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { normalizeAndroidEvent } from "./normalize.js";
import type { AndroidEnvelope } from "./schema.js";
import { signatureVerifier } from "./verify.js";

/** Options for {@link androidSmsGateway}. */
export interface AndroidSmsGatewayOptions {
  /**
   * The app's signing key (Settings → Webhooks → Signing Key), or several while rotating.
   * Used as its UTF-8 bytes, as the app does.
   */
  secret: SecretInput;
}

const hour = 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { secret: secretSchema };

/**
 * The SMS Gateway for Android provider (capcom6/android-sms-gateway): verifies `X-Signature`
 * (hex HMAC-SHA256 of the raw body followed by `X-Timestamp`) and maps `sms:received`,
 * `sms:data-received`, `sms:sent`, `sms:delivered`, `sms:failed`, `sms:cancelled` and
 * `system:ping`; newer events arrive as `unknown`.
 *
 * Window ±300 s: the app signs every retry afresh, so only clock drift has to fit in it.
 * Dedupe on the envelope `id` for 48 h: the app retries for about 45.5 hours.
 */
export function androidSmsGateway(
  options: AndroidSmsGatewayOptions,
): Provider<AndroidEnvelope, undefined> {
  const { secret } = validateOptions(optionsShape, options);
  const verify = signatureVerifier(secretList(secret));
  return {
    name: "android-sms-gateway",
    defaults: { toleranceSec: 300, dedupeTtlMs: 48 * hour },
    verify,
    read: (req) => parseJsonObject(req.rawBody),
    dedupeKey(envelope, req) {
      // `id` is stable across retries; app versions before v1.15.2 send none, and their retries
      // resend the very same body.
      const id = envelope["id"];
      if (typeof id === "string" && id.length > 0) return id;
      return bodyDigestKey(req.rawBody);
    },
    normalize: normalizeAndroidEvent,
  };
}
