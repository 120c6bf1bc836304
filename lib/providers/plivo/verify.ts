// lib/providers/plivo/verify.ts — X-Plivo-Signature-V3 / -V2: base64 HMAC-SHA256(Auth Token, signed string + nonce).

import { decodeBase64 } from "../../core/base64.js";
import { anyHmacMatches, hmacKeys } from "../../core/hmac.js";
import { signedUrlHint } from "../../core/public-url.js";
import type { RawRequest } from "../../core/raw-request.js";
import { WebhookError } from "../../core/webhook-error.js";
import { plivoHeaders, type PlivoSigned } from "./signed.js";

// Plivo sends one or two (the -V3 header's list, the -Ma- header); a long list would only
// multiply the HMACs an unauthenticated request costs.
const maxSignatures = 8;

/** Options of {@link plivoVerifier}. */
export interface PlivoVerifierOptions {
  /** The Auth Token(s): any may match, for `-V2`/`-V3` and the main account's `-Ma-` alike. */
  readonly secrets: readonly string[];
  /** Whether the URL came from `publicUrl` (for the hint a failure logs). */
  readonly publicUrlSet: boolean;
}

/**
 * Builds the verify step: one of the scheme's signatures (the `-V3`/`-V2` header's list or
 * the `-Ma-` header's) must be the base64 HMAC-SHA256 of the signed string and the nonce with
 * one of the Auth Tokens. Plivo signs no time, so it answers `undefined`: dedupe (and, for the
 * nonce, `plivoSingleUse`) is the replay guard.
 */
export function plivoVerifier(
  options: PlivoVerifierOptions,
): (req: RawRequest, signed: PlivoSigned) => undefined {
  const keys = hmacKeys(options.secrets);
  return function verifyPlivoSignature(_req, signed) {
    const { name } = plivoHeaders[signed.version];
    if (signed.signatures.length === 0) {
      throw new WebhookError("signature_missing", `The ${name} header is missing.`, {
        ...(signed.version === "v3"
          ? { hint: "A request with any X-Plivo-Signature-V3 header is checked as V3 only." }
          : {}),
      });
    }
    if (signed.nonce === undefined) {
      throw new WebhookError("signature_missing", `The ${name}-Nonce header is missing.`);
    }
    if (signed.signatures.length > maxSignatures) {
      throw new WebhookError(
        "signature_invalid",
        `The request carries more than ${maxSignatures} Plivo signatures.`,
      );
    }
    const content = [signed.content, signed.separator, signed.nonce];
    const matches = signed.signatures.some((signature) => {
      const given = decodeBase64(signature, 32);
      return given !== undefined && anyHmacMatches(keys, "sha256", content, given);
    });
    if (!matches) {
      throw new WebhookError(
        "signature_invalid",
        `${name} does not match the request for any configured Auth Token.`,
        { hint: failureHint(signed, options.publicUrlSet) },
      );
    }
    return undefined;
  };
}

function failureHint(signed: PlivoSigned, publicUrlSet: boolean): string {
  const url = signed.version === "v2" ? `${signed.content} (V2 covers no query)` : signed.url;
  return `${signedUrlHint("plivo", url, publicUrlSet)} Check the Auth Token too: the account's (a subaccount's for its own webhooks) and the main account's, which signs the -Ma- header — list both while rotating.`;
}
