// lib/providers/sinch/verify.ts — x-sinch-webhook-signature: base64 HMAC(secret, raw body + "." + nonce + "." + timestamp).

import { decodeBase64 } from "../../core/base64.js";
import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { parseUnixSeconds } from "../../core/timestamp-window.js";
import { WebhookError } from "../../core/webhook-error.js";

// Sinch's header names (SMS API callbacks and Conversation API callbacks alike;
// @sinch/sdk-client validateWebhookSignature, providers-more.md §4).
const signatureHeader = "x-sinch-webhook-signature";
const nonceHeader = "x-sinch-webhook-signature-nonce";
const timestampHeader = "x-sinch-webhook-signature-timestamp";
const algorithmHeader = "x-sinch-webhook-signature-algorithm";

/** The algorithms Sinch may name, each with its HMAC and signature length in bytes. */
const algorithms: ReadonlyMap<string, { readonly hmac: string; readonly bytes: number }> = new Map([
  ["HmacSHA256", { hmac: "sha256", bytes: 32 }],
  ["HmacSHA512", { hmac: "sha512", bytes: 64 }],
]);

// Sinch sends `HmacSHA256`; its own SDKs compute nothing else, and Sinch's .NET test vector
// carries no algorithm header at all. So an absent header means HMAC-SHA256. This is no
// downgrade: the length of the signature is the algorithm's, and neither HMAC can be made
// without the secret.
const defaultAlgorithm = "HmacSHA256";

/**
 * Builds the verify step for a list of secrets (any may match, for rotation). The algorithm is
 * the one `x-sinch-webhook-signature-algorithm` names, `HmacSHA256` or `HmacSHA512` only
 * (`HmacSHA256` when absent); the answer is the signed time, the timestamp header.
 */
export function sinchVerifier(secrets: readonly string[]): (req: RawRequest) => Date {
  const keys = hmacKeys(secrets);
  return function verifySinchSignature(req) {
    const signature = headerValue(req, signatureHeader);
    if (signature === undefined || signature === "") {
      throw new WebhookError(
        "signature_missing",
        "The x-sinch-webhook-signature header is missing.",
      );
    }
    const algorithm = algorithms.get(headerValue(req, algorithmHeader) ?? defaultAlgorithm);
    if (algorithm === undefined) {
      throw new WebhookError(
        "signature_invalid",
        "x-sinch-webhook-signature-algorithm must be HmacSHA256 or HmacSHA512.",
      );
    }
    const nonce = headerValue(req, nonceHeader);
    if (nonce === undefined || nonce === "") {
      throw new WebhookError(
        "signature_invalid",
        "The x-sinch-webhook-signature-nonce header is missing; the signature covers it.",
      );
    }
    const timestamp = headerValue(req, timestampHeader);
    if (timestamp === undefined || timestamp === "") {
      throw new WebhookError(
        "timestamp_missing",
        "The x-sinch-webhook-signature-timestamp header is missing; the signature covers it.",
      );
    }
    const given = decodeBase64(signature, algorithm.bytes);
    const content = [req.rawBody, `.${nonce}.${timestamp}`];
    if (given === undefined || !anyHmacMatches(keys, algorithm.hmac, content, given)) {
      throw new WebhookError(
        "signature_invalid",
        "x-sinch-webhook-signature does not match the body, nonce and timestamp for any configured secret.",
        {
          hint: "Check the secret: Sinch's callback secret for this app (SMS: set by your account manager).",
        },
      );
    }
    // Digits only: with a `.` in it, `nonce.1.2` would sign the same as nonce `nonce.1` and
    // timestamp `2`; digits pin where the nonce ends.
    const signedAt = parseUnixSeconds(timestamp);
    if (signedAt === undefined) {
      throw new WebhookError(
        "timestamp_missing",
        "x-sinch-webhook-signature-timestamp must be unix seconds.",
      );
    }
    return signedAt;
  };
}
