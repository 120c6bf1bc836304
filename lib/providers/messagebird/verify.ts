// lib/providers/messagebird/verify.ts — MessageBird-Signature-JWT: HS256/384/512, iss, nbf/exp, url_hash, payload_hash, jti.

import { createHash, type KeyObject } from "node:crypto";
import { compactVerify, decodeJwt, errors } from "jose";
import { hmacKeys } from "../../core/hmac.js";
import { signedUrlHint } from "../../core/public-url.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { bytesEqual, decodeHex } from "../../core/secrets.js";
import { WebhookError } from "../../core/webhook-error.js";
import { birdSignatureHeader, messageBirdJwtHeader, useBirdHint } from "../bird/family.js";

/**
 * What the scheme signs, read before it is checked: the token, and its `jti` as written in it
 * (trusted only once the token verifies: the single-use binding reads it after verification).
 */
export interface MessageBirdSigned {
  /** The `MessageBird-Signature-JWT` header, or `undefined` when absent or empty. */
  readonly token: string | undefined;
  /** The token's `jti` claim, when the token decodes and has a string one. */
  readonly jti: string | undefined;
}

/** Reads the token and its `jti`; never throws (a malformed token fails in `verify`, 401). */
export function readSigned(req: RawRequest): MessageBirdSigned {
  const token = headerValue(req, messageBirdJwtHeader);
  if (token === undefined || token === "") return { token: undefined, jti: undefined };
  let jti: unknown;
  try {
    // jose's own decoder: the same reading of the claims segment as the verification's.
    jti = decodeJwt(token).jti;
  } catch {
    jti = undefined;
  }
  return { token, jti: typeof jti === "string" ? jti : undefined };
}

/** Options of {@link messageBirdVerifier}. */
export interface MessageBirdVerifierOptions {
  /** The signing key(s): any may match (several while rotating). */
  readonly secrets: readonly string[];
  /** The URL MessageBird called for this request, query included. */
  readonly urlOf: (req: RawRequest) => string;
  /** Whether the URL came from `publicUrl` (for the hint a failure logs). */
  readonly publicUrlSet: boolean;
}

// What messagebird's own verifier allows (lib/webhook-signature-jwt.js): HMAC only, so `none`,
// RS256 (an "alg confusion" with the key as a public key) and the rest are refused before any
// key is tried.
const algorithms = ["HS256", "HS384", "HS512"];

/**
 * Builds the verify step, as messagebird's `webhook-signature-jwt.verify` checks a token and
 * more: HS256/384/512 only, signed with a configured key, `iss` MessageBird, a `jti`,
 * `url_hash` = hex SHA-256 of the URL called (query included), and `payload_hash` = hex SHA-256
 * of the raw body — or, without one, an empty body. Answers the middle of the token's
 * `nbf`…`exp` as the signed time: the window (±35 s by default) then accepts exactly
 * `nbf − 5 s` … `exp + 5 s` of MessageBird's 60 s tokens, the SDK's own clock tolerance.
 */
export function messageBirdVerifier(
  options: MessageBirdVerifierOptions,
): (req: RawRequest, signed: MessageBirdSigned) => Promise<Date> {
  const keys = hmacKeys(options.secrets);
  return async function verifyMessageBirdJwt(req, signed) {
    if (signed.token === undefined) {
      const bird = headerValue(req, birdSignatureHeader) !== undefined;
      throw new WebhookError(
        "signature_missing",
        "The MessageBird-Signature-JWT header is missing.",
        bird ? { hint: useBirdHint } : {},
      );
    }
    const claims = await verifiedClaims(signed.token, keys);
    if (claims["iss"] !== "MessageBird") {
      throw new WebhookError(
        "signature_invalid",
        'The token\'s issuer (iss) is not "MessageBird".',
      );
    }
    if (typeof claims["jti"] !== "string" || claims["jti"] === "") {
      throw new WebhookError("signature_invalid", "The token has no jti claim.");
    }
    const url = options.urlOf(req);
    if (!hashMatches(claims["url_hash"], Buffer.from(url, "utf8"))) {
      throw new WebhookError(
        "signature_invalid",
        "The token's url_hash does not match the URL the request was sent to.",
        { hint: signedUrlHint("messageBird", url, options.publicUrlSet) },
      );
    }
    checkPayloadHash(claims["payload_hash"], req.rawBody);
    return signedTime(claims);
  };
}

async function verifiedClaims(
  token: string,
  keys: readonly KeyObject[],
): Promise<Record<string, unknown>> {
  let failure: unknown;
  for (const key of keys) {
    try {
      const { payload } = await compactVerify(token, key, { algorithms });
      return claimsOf(payload);
    } catch (error) {
      failure = error;
      // Only a wrong key is worth trying the next one for.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
    }
  }
  throw failure instanceof WebhookError
    ? failure
    : new WebhookError("signature_invalid", reasonOf(failure));
}

function claimsOf(payload: Uint8Array): Record<string, unknown> {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch {
    claims = undefined;
  }
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
    throw new WebhookError("signature_invalid", "The token's payload is not a JWT claims set.");
  }
  return claims as Record<string, unknown>;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return "The token's alg is not HS256, HS384 or HS512.";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "The token's signature does not match any configured signing key.";
  }
  return "MessageBird-Signature-JWT is not a valid JWT.";
}

// Hex SHA-256 claims, decoded strictly and compared in constant time (messagebird's verifier
// decodes them leniently: Buffer.from(hex) stops at the first bad character).
function hashMatches(claimed: unknown, bytes: Buffer): boolean {
  const given = typeof claimed === "string" ? decodeHex(claimed, 32) : undefined;
  return given !== undefined && bytesEqual(createHash("sha256").update(bytes).digest(), given);
}

// MessageBird leaves payload_hash out for an empty body (its reference vectors "payload was
// added/removed in transit"), so its absence vouches for exactly that: no body.
function checkPayloadHash(claimed: unknown, rawBody: Buffer): void {
  if (claimed === undefined) {
    if (rawBody.length === 0) return;
    throw new WebhookError(
      "signature_invalid",
      "The token has no payload_hash, so it was signed for an empty body, and this request has one.",
    );
  }
  if (!hashMatches(claimed, rawBody)) {
    throw new WebhookError(
      "signature_invalid",
      "The body does not match the token's payload_hash: it was changed after signing.",
    );
  }
}

// The window is the pipeline's (its clock, its toleranceSec): centred on the token's life.
function signedTime(claims: Record<string, unknown>): Date {
  const { nbf, exp } = claims;
  if (typeof nbf !== "number" || typeof exp !== "number" || !(nbf <= exp)) {
    throw new WebhookError(
      "timestamp_missing",
      "The token has no valid nbf and exp claims (unix seconds, nbf ≤ exp).",
    );
  }
  return new Date(((nbf + exp) / 2) * 1000);
}
