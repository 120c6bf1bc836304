// __tests__/helpers/sinch-signer.ts — Sinch's callback signing written out plainly, independent of lib/.

import crypto from "node:crypto";

/** base64 HMAC(secret, UTF-8 of body + "." + nonce + "." + timestamp), SHA-256 unless told. */
export function sinchSignature(
  secret: string,
  body: string,
  nonce: string,
  timestamp: string | number,
  hash: "sha256" | "sha512" | "sha1" = "sha256",
): string {
  const signed = Buffer.from(`${body}.${nonce}.${timestamp}`, "utf8");
  return crypto.createHmac(hash, Buffer.from(secret, "utf8")).update(signed).digest("base64");
}

/** The headers Sinch sends with a callback, signed with HMAC-SHA256 (or `algorithm`'s). */
export function sinchHeaders(
  secret: string,
  body: string,
  nonce: string,
  timestamp: string | number,
  algorithm: "HmacSHA256" | "HmacSHA512" = "HmacSHA256",
): Record<string, string> {
  const hash = algorithm === "HmacSHA512" ? "sha512" : "sha256";
  return {
    "content-type": "application/json",
    "x-sinch-webhook-signature": sinchSignature(secret, body, nonce, timestamp, hash),
    "x-sinch-webhook-signature-nonce": nonce,
    "x-sinch-webhook-signature-timestamp": String(timestamp),
    "x-sinch-webhook-signature-algorithm": algorithm,
  };
}
