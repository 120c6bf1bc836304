// lib/providers/bird/verify.ts — messagebird-signature: base64 HMAC-SHA256(key, ts \n URL \n SHA-256(body)).

import { createHash } from "node:crypto";
import { decodeBase64 } from "../../core/base64.js";
import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { signedUrlHint } from "../../core/public-url.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { parseUnixSeconds } from "../../core/timestamp-window.js";
import { WebhookError } from "../../core/webhook-error.js";
import {
  birdSignatureHeader,
  birdTimestampHeader,
  messageBirdJwtHeader,
  useMessageBirdHint,
} from "./family.js";

/** Options of {@link birdVerifier}. */
export interface BirdVerifierOptions {
  /** The subscription's signing key(s): any may match (several while rotating). */
  readonly secrets: readonly string[];
  /** The URL Bird called for this request. */
  readonly urlOf: (req: RawRequest) => string;
  /** Whether the URL came from `publicUrl` (for the hint a failure logs). */
  readonly publicUrlSet: boolean;
}

/**
 * Builds the verify step (docs.bird.com, "Verifying a webhook"): `messagebird-signature` must be
 * the base64 HMAC-SHA256, with the signing key, of `messagebird-request-timestamp` + `\n` + the
 * URL Bird called + `\n` + the body's SHA-256 as 32 raw bytes. Answers the timestamp (unix
 * seconds, signed) for the window.
 */
export function birdVerifier(options: BirdVerifierOptions): (req: RawRequest) => Date {
  const keys = hmacKeys(options.secrets);
  return function verifyBirdSignature(req) {
    const signature = headerValue(req, birdSignatureHeader);
    if (signature === undefined || signature === "") {
      const jwt = headerValue(req, messageBirdJwtHeader) !== undefined;
      throw new WebhookError("signature_missing", "The messagebird-signature header is missing.", {
        ...(jwt ? { hint: useMessageBirdHint } : {}),
      });
    }
    const timestamp = headerValue(req, birdTimestampHeader);
    const signedAt = parseUnixSeconds(timestamp);
    if (timestamp === undefined || signedAt === undefined) {
      throw new WebhookError(
        "timestamp_missing",
        "The messagebird-request-timestamp header is missing or not unix seconds.",
      );
    }
    const given = decodeBase64(signature, 32);
    const url = options.urlOf(req);
    const bodyHash = createHash("sha256").update(req.rawBody).digest();
    if (
      given === undefined ||
      !anyHmacMatches(keys, "sha256", [`${timestamp}\n${url}\n`, bodyHash], given)
    ) {
      throw new WebhookError(
        "signature_invalid",
        "messagebird-signature does not match the timestamp, URL and body for any configured signing key.",
        { hint: failureHint(url, options.publicUrlSet) },
      );
    }
    return signedAt;
  };
}

function failureHint(url: string, publicUrlSet: boolean): string {
  return (
    `${signedUrlHint("bird", url, publicUrlSet)} Check the signing key too: the signingKey the ` +
    "webhook subscription was created with. Legacy MessageBird REST webhooks use the same " +
    "header name over another string: verify those with messageBird() (MessageBird-Signature-JWT)."
  );
}
