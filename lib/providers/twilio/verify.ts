// lib/providers/twilio/verify.ts — X-Twilio-Signature: base64 HMAC-SHA1(Auth Token, URL + sorted key+value).

import { createHash } from "node:crypto";
import type { MultiParams } from "../../core/flat-params.js";
import { decodeBase64 } from "../../core/base64.js";
import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { signedUrlHint } from "../../core/public-url.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { bytesEqual, decodeHex } from "../../core/secrets.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { TwilioSigned } from "./params.js";
import { urlCandidates } from "./url.js";

const signatureHeader = "x-twilio-signature";

/**
 * The parameters' part of the string Twilio signs: keys sorted by code unit, each value (each
 * of a repeated key's values, de-duplicated and sorted) as `key + value`, no separators
 * (twilio-node `getExpectedTwilioSignature`; providers-more.md §1).
 */
export function paramsToSign(params: MultiParams): string {
  let signed = "";
  for (const key of Object.keys(params).sort()) {
    for (const value of params[key] ?? []) signed += key + value;
  }
  return signed;
}

/** Options of {@link twilioVerifier}. */
export interface TwilioVerifierOptions {
  /** The Auth Token(s): any may match (the secondary token while rotating). */
  readonly secrets: readonly string[];
  /** The URL Twilio called for this request. */
  readonly urlOf: (req: RawRequest) => string;
  /** Whether the URL came from `publicUrl` (for the hint a failure logs). */
  readonly publicUrlSet: boolean;
}

/**
 * Builds the verify step: `X-Twilio-Signature` must be the base64 HMAC-SHA1 of the URL (tried
 * with and without its port, as Twilio's SDK does) followed by the signed parameters; for a
 * JSON POST, `bodySHA256` must also be the hex SHA-256 of the raw body. Twilio signs no time,
 * so it answers `undefined`: dedupe is the only replay guard.
 */
export function twilioVerifier(
  options: TwilioVerifierOptions,
): (req: RawRequest, signed: TwilioSigned) => undefined {
  const keys = hmacKeys(options.secrets);
  return function verifyTwilioSignature(req, signed) {
    const signature = headerValue(req, signatureHeader);
    if (signature === undefined || signature === "") {
      throw new WebhookError("signature_missing", "The X-Twilio-Signature header is missing.");
    }
    const given = decodeBase64(signature, 20);
    const url = options.urlOf(req);
    const params = paramsToSign(signed.params);
    const matches =
      given !== undefined &&
      urlCandidates(url).some((candidate) =>
        anyHmacMatches(keys, "sha1", [candidate, params], given),
      );
    if (!matches) {
      throw new WebhookError(
        "signature_invalid",
        "X-Twilio-Signature does not match the URL and parameters for any configured Auth Token.",
        { hint: urlHint(url, options.publicUrlSet) },
      );
    }
    if (signed.bodySha256 !== undefined) assertBodyHash(req.rawBody, signed.bodySha256);
    return undefined;
  };
}

function assertBodyHash(rawBody: Buffer, bodySha256: string): void {
  const expected = decodeHex(bodySha256, 32);
  const actual = createHash("sha256").update(rawBody).digest();
  if (expected === undefined || !bytesEqual(actual, expected)) {
    throw new WebhookError(
      "signature_invalid",
      "The body does not match the bodySHA256 the signature covers.",
    );
  }
}

function urlHint(url: string, publicUrlSet: boolean): string {
  return `${signedUrlHint("twilio", url, publicUrlSet, " (with and without the port)")} Check the Auth Token too (the primary, or both while rotating).`;
}
