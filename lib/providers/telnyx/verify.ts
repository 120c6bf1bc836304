// lib/providers/telnyx/verify.ts — telnyx-signature-ed25519: Ed25519 over `${telnyx-timestamp}|` + raw body.

import { verify, type KeyObject } from "node:crypto";
import { decodeBase64 } from "../../core/base64.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { parseUnixSeconds } from "../../core/timestamp-window.js";
import { WebhookError } from "../../core/webhook-error.js";

// providers-more.md §2; telnyx@7.24.0 lib/webhooks.js `TelnyxWebhook.verify`.
const signatureHeader = "telnyx-signature-ed25519";
const timestampHeader = "telnyx-timestamp";
// What telnyx-node v1 read (team-telnyx/telnyx-node#9): never a signature of this scheme.
const retiredHeader = "telnyx-signature";

/**
 * Builds the verify step for the account's public key(s) (any may match, while rotating). It
 * answers the signed time, `telnyx-timestamp` (unix seconds), which the signature covers.
 */
export function telnyxVerifier(keys: readonly KeyObject[]): (req: RawRequest) => Date {
  return function verifyTelnyxSignature(req) {
    const signature = headerValue(req, signatureHeader);
    if (signature === undefined || signature === "") throw missingSignature(req);
    const timestamp = headerValue(req, timestampHeader);
    // Read before the signature is checked (as Telnyx's SDK does): a timestamp that is no time
    // costs no Ed25519 verification.
    const signedAt = parseUnixSeconds(timestamp);
    if (timestamp === undefined || signedAt === undefined) {
      throw new WebhookError(
        "timestamp_missing",
        timestamp === undefined
          ? "The telnyx-timestamp header is missing; the signature covers it."
          : "The telnyx-timestamp header must be unix seconds.",
      );
    }
    const given = decodeBase64(signature, 64);
    if (given !== undefined) {
      const signed = Buffer.concat([Buffer.from(`${timestamp}|`, "latin1"), req.rawBody]);
      if (keys.some((key) => verify(null, signed, key, given))) return signedAt;
    }
    throw new WebhookError(
      "signature_invalid",
      "telnyx-signature-ed25519 does not match telnyx-timestamp and the body for any configured public key.",
      {
        hint:
          "Check publicKey (Mission Control → Account Settings → Keys & Credentials → Public Key), " +
          "and that no body parser re-serialized the JSON: the signature covers the exact bytes.",
      },
    );
  };
}

function missingSignature(req: RawRequest): WebhookError {
  const retired = headerValue(req, retiredHeader) !== undefined;
  return new WebhookError(
    "signature_missing",
    retired
      ? "The telnyx-signature-ed25519 header is missing (telnyx-signature, the retired scheme's header, is not accepted)."
      : "The telnyx-signature-ed25519 header is missing.",
  );
}
