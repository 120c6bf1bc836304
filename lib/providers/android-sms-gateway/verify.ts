// lib/providers/android-sms-gateway/verify.ts — X-Signature: hex HMAC-SHA256(key, raw body + X-Timestamp).

import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { decodeHex } from "../../core/secrets.js";
import { parseUnixSeconds } from "../../core/timestamp-window.js";
import { WebhookError } from "../../core/webhook-error.js";

// The app's PayloadSingingPlugin signs the exact body text with the timestamp appended, no
// separator, and re-signs every retry with a fresh timestamp.
const signatureHeader = "x-signature";
const timestampHeader = "x-timestamp";

/**
 * Builds the verify step for a list of signing keys (any may match, for rotation). It answers
 * the signed time, X-Timestamp (unix seconds).
 */
export function signatureVerifier(secrets: readonly string[]): (req: RawRequest) => Date {
  const keys = hmacKeys(secrets);
  return function verifyAndroidSignature(req) {
    const signature = headerValue(req, signatureHeader);
    if (signature === undefined) {
      throw new WebhookError("signature_missing", "The X-Signature header is missing.");
    }
    const timestamp = headerValue(req, timestampHeader);
    if (timestamp === undefined) {
      throw new WebhookError(
        "timestamp_missing",
        "The X-Timestamp header is missing; the signature covers it.",
      );
    }
    const given = decodeHex(signature.trim(), 32);
    if (given === undefined || !anyHmacMatches(keys, "sha256", [req.rawBody, timestamp], given)) {
      throw new WebhookError(
        "signature_invalid",
        "X-Signature does not match the body and X-Timestamp for any configured signing key.",
      );
    }
    const signedAt = parseUnixSeconds(timestamp);
    if (signedAt === undefined) {
      throw new WebhookError("timestamp_missing", "X-Timestamp must be unix seconds.");
    }
    return signedAt;
  };
}
