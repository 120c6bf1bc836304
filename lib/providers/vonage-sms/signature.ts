// lib/providers/vonage-sms/signature.ts — the `sig` parameter, in all five methods Vonage offers.

import { createHash } from "node:crypto";
import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { bytesEqual, decodeHex } from "../../core/secrets.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { VonageParams } from "./params.js";

/** The signature methods of Vonage's dashboard (Settings → API settings → Signature method). */
export type VonageSignatureMethod =
  "md5hash" | "md5hmac" | "sha1hmac" | "sha256hmac" | "sha512hmac";

const digests: Record<VonageSignatureMethod, { algorithm: string; bytes: number }> = {
  md5hash: { algorithm: "md5", bytes: 16 },
  md5hmac: { algorithm: "md5", bytes: 16 },
  sha1hmac: { algorithm: "sha1", bytes: 20 },
  sha256hmac: { algorithm: "sha256", bytes: 32 },
  sha512hmac: { algorithm: "sha512", bytes: 64 },
};

/**
 * The string Vonage signs: every parameter but `sig`, keys sorted by code unit, each as
 * `&key=value` with `&` and `=` in the value replaced by `_` — it starts with `&`. With
 * `skipEmpty`, empty values are left out, as Vonage's Java SDK does.
 * (@vonage/sms `verifySignature`; providers.md.)
 */
export function stringToSign(params: VonageParams, skipEmpty = false): string {
  let signed = "";
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    if (key === "sig" || (skipEmpty && isEmptyValue(value))) continue;
    signed += `&${key}=${value.replace(/[&=]/g, "_")}`;
  }
  return signed;
}

/** True for a value the Java SDK leaves out of the string it signs. */
export function isEmptyValue(value: string): boolean {
  return value.trim() === "";
}

/** Options of {@link sigVerifier}. */
export interface SigVerifierOptions {
  readonly secrets: readonly string[];
  readonly method: VonageSignatureMethod;
  /** Also accept the signature over the string without empty values (Java SDK style). */
  readonly alsoSkipEmpty: boolean;
}

/**
 * Which string the signature matched: the one with every parameter, or (with `alsoSkipEmpty`)
 * only the one without empty values — whose empty parameters were then not signed at all.
 */
export type SigMatch = "all" | "without-empty";

/**
 * Builds the check of `sig`: hex (either case) of md5(string + secret) for `md5hash`, or of
 * HMAC(secret, string); any configured secret may match. Throws `signature_invalid`.
 */
export function sigVerifier(
  options: SigVerifierOptions,
): (params: VonageParams, sig: string) => SigMatch {
  const { algorithm, bytes } = digests[options.method];
  const keys = hmacKeys(options.secrets);
  const matches =
    options.method === "md5hash"
      ? (signed: string, given: Buffer) =>
          options.secrets.some((secret) =>
            bytesEqual(
              createHash("md5")
                .update(signed + secret, "utf8")
                .digest(),
              given,
            ),
          )
      : (signed: string, given: Buffer) => anyHmacMatches(keys, algorithm, [signed], given);
  return function verifyVonageSig(params, sig) {
    const given = decodeHex(sig.trim(), bytes);
    if (given !== undefined) {
      if (matches(stringToSign(params), given)) return "all";
      if (options.alsoSkipEmpty && matches(stringToSign(params, true), given)) {
        return "without-empty";
      }
    }
    throw new WebhookError(
      "signature_invalid",
      `The sig parameter does not match the request for any configured secret (method ${options.method}).`,
    );
  };
}
