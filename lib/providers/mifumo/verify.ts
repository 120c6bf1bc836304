// lib/providers/mifumo/verify.ts — X-Webhook-Signature (hex HMAC-SHA256 of the raw body), or a bearer key.

import { createHash } from "node:crypto";
import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { bytesEqual, decodeHex } from "../../core/secrets.js";
import { WebhookError } from "../../core/webhook-error.js";

const signaturePrefix = /^sha256=/i;

/**
 * `X-Webhook-Signature` = hex HMAC-SHA256(secret, raw body bytes), upper- or lower-case, with or
 * without a `sha256=` prefix (Mifumo's integration guide; no SDK confirms it).
 */
export function signatureVerifier(secrets: readonly string[]): (req: RawRequest) => void {
  const keys = hmacKeys(secrets);
  return function verifyMifumoSignature(req) {
    const signature = headerValue(req, "x-webhook-signature");
    if (signature === undefined) {
      throw new WebhookError("signature_missing", "The X-Webhook-Signature header is missing.");
    }
    const given = decodeHex(signature.trim().replace(signaturePrefix, ""), 32);
    if (given !== undefined && anyHmacMatches(keys, "sha256", [req.rawBody], given)) return;
    throw new WebhookError(
      "signature_invalid",
      "X-Webhook-Signature does not match the body for any configured secret.",
    );
  };
}

const bearerPattern = /^Bearer\s+(\S+)$/i;
const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * `Authorization: Bearer <API key>`, as an older Mifumo document describes. Digests are
 * compared, so neither the key's content nor its length leaks through timing.
 */
export function bearerVerifier(tokens: readonly string[]): (req: RawRequest) => void {
  const digests = tokens.map(sha256);
  return function verifyMifumoBearer(req) {
    const authorization = headerValue(req, "authorization");
    if (authorization === undefined) {
      throw new WebhookError("signature_missing", "The Authorization header is missing.");
    }
    const token = bearerPattern.exec(authorization.trim())?.[1];
    if (token !== undefined) {
      const given = sha256(token);
      if (digests.some((digest) => bytesEqual(digest, given))) return;
    }
    throw new WebhookError(
      "signature_invalid",
      "The Authorization bearer key does not match any configured key.",
    );
  };
}
