// lib/providers/vonage-messages/verify.ts — the signed-webhook JWT: HS256 only, iss, payload_hash.

import { createHash, createSecretKey, type KeyObject } from "node:crypto";
import { decodeJwt, errors, jwtVerify, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { bytesEqual, decodeHex } from "../../core/secrets.js";
import type { Verification } from "../../core/provider.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { SecretLookup } from "./secrets.js";

/**
 * A Messages API webhook body.
 * @inline
 */
export type VonageMessagesPayload = Record<string, unknown>;

/** What the verifier needs. */
export interface JwtVerifierOptions {
  readonly secrets: SecretLookup;
  readonly applicationIds: readonly string[] | undefined;
  readonly allowUnsigned: boolean;
}

const bearerPattern = /^Bearer\s+(\S+)$/i;

// jose 5 verifies HS256 with node:crypto when given a KeyObject (~8 µs a token; jose 6 goes
// through WebCrypto, an async thread-pool job: ~50 µs). Keys are made once per secret.
const keys = new LRUCache<string, KeyObject>({ max: 1000 });

function hmacKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Verifies `Authorization: Bearer <JWT>` as Vonage signs its webhooks: HS256 only (`none`,
 * RS256 and the rest are refused before any key is tried), issuer `Vonage`, signed with a
 * secret of the token's `api_key`, and `payload_hash` = hex SHA-256 of the raw body. Answers
 * the signed time, `iat`, for the window.
 */
export function jwtVerifier(options: JwtVerifierOptions) {
  return async function verifyVonageJwt(req: RawRequest): Promise<Verification> {
    const authorization = headerValue(req, "authorization");
    if (authorization === undefined) {
      if (options.allowUnsigned) return "unverified";
      // docs: "it is possible that the callback service will send an unsigned callback. By
      // returning an HTTP 5xx response, a retry will be triggered".
      throw new WebhookError(
        "unsigned_callback",
        "The callback is unsigned (no Authorization header); Vonage retries it signed after a 5xx.",
      );
    }
    const token = bearerPattern.exec(authorization.trim())?.[1];
    if (token === undefined) {
      throw new WebhookError(
        "signature_invalid",
        "The Authorization header is not a Bearer token.",
      );
    }
    const apiKey = options.secrets.byApiKey ? apiKeyOf(token) : undefined;
    const claims = await verifiedClaims(token, await options.secrets.secretsFor(apiKey));
    checkApplication(claims, options.applicationIds);
    checkPayloadHash(claims, req.rawBody);
    if (typeof claims.iat !== "number" || !Number.isFinite(claims.iat)) {
      throw new WebhookError("timestamp_missing", "The token has no iat claim.");
    }
    return new Date(claims.iat * 1000);
  };
}

// The api_key picks the secret, so it is read before the signature is checked: decoded only,
// trusted for nothing else, and a malformed token stops here.
function apiKeyOf(token: string): string | undefined {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw new WebhookError("signature_invalid", "The Authorization token is not a JWT.");
  }
  return typeof unverified["api_key"] === "string" ? unverified["api_key"] : undefined;
}

const verifyOptions = { algorithms: ["HS256"], issuer: "Vonage" };

async function verifiedClaims(token: string, secrets: readonly string[]): Promise<JWTPayload> {
  let failure: unknown;
  for (const secret of secrets) {
    try {
      return (await jwtVerify(token, hmacKey(secret), verifyOptions)).payload;
    } catch (error) {
      failure = error;
      // Only a wrong secret is worth trying the next one for.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break;
    }
  }
  throw new WebhookError("signature_invalid", reasonOf(failure));
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's alg is not HS256.";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iss") {
    return 'The token\'s issuer (iss) is not "Vonage".';
  }
  if (error instanceof errors.JWTExpired) return "The token has expired (exp).";
  if (
    error instanceof errors.JOSEError &&
    !(error instanceof errors.JWSSignatureVerificationFailed)
  ) {
    return "The Authorization token is not a valid JWT.";
  }
  return "The token's signature does not match any configured secret.";
}

function checkApplication(claims: JWTPayload, applicationIds: readonly string[] | undefined): void {
  if (applicationIds === undefined) return;
  const applicationId = claims["application_id"];
  if (typeof applicationId !== "string" || !applicationIds.includes(applicationId)) {
    throw new WebhookError(
      "signature_invalid",
      "The token was issued for another Vonage application (application_id).",
    );
  }
}

// Hash the bytes as received: Vonage's own Node snippet re-serializes the parsed JSON, which
// only matches by luck.
function checkPayloadHash(claims: JWTPayload, rawBody: Buffer): void {
  const claimed = claims["payload_hash"];
  const expected = createHash("sha256").update(rawBody).digest();
  if (typeof claimed !== "string") {
    throw new WebhookError("signature_invalid", "The token has no payload_hash claim.");
  }
  const given = decodeHex(claimed, 32);
  if (given === undefined || !bytesEqual(expected, given)) {
    throw new WebhookError(
      "signature_invalid",
      "The body does not match the token's payload_hash: it was changed after signing.",
    );
  }
}
