// lib/core/hmac.ts — HMAC checks shared by providers: any configured key may match, in constant time.

import { createHash, createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { bytesEqual } from "./secrets.js";

/** Secrets as HMAC keys (their UTF-8 bytes), made once at construction. */
export function hmacKeys(secrets: readonly string[]): readonly KeyObject[] {
  return secrets.map((secret) => createSecretKey(Buffer.from(secret, "utf8")));
}

/** True when HMAC(key, content…) equals `given` for any of `keys`. */
export function anyHmacMatches(
  keys: readonly KeyObject[],
  algorithm: string,
  content: readonly (Buffer | string)[],
  given: Buffer,
): boolean {
  for (const key of keys) {
    const hmac = createHmac(algorithm, key);
    for (const part of content) hmac.update(part);
    if (bytesEqual(hmac.digest(), given)) return true;
  }
  return false;
}

/** The dedupe key of last resort: the body's SHA-256, for events that carry no id. */
export function bodyDigestKey(rawBody: Buffer): string {
  return `sha256:${createHash("sha256").update(rawBody).digest("hex")}`;
}
