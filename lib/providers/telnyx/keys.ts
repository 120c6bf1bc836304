// lib/providers/telnyx/keys.ts — the account's Ed25519 public key(s): checked at start-up, built once.

import { createPublicKey, type KeyObject } from "node:crypto";
import type { z } from "zod";
import { decodeBase64 } from "../../core/base64.js";
import { stringOrList } from "../../core/secrets.js";

/** One public key, or several while rotating: a request signed for any of them verifies. */
export type TelnyxPublicKey = string | readonly string[];

const shape =
  "must be the account's public key as Mission Control shows it (base64 of the raw 32-byte " +
  "Ed25519 key, not PEM), or a non-empty list of them";

// Small-order points (and their non-canonical spellings), sign bit ignored, as libsodium's
// blocklist has them. OpenSSL accepts such a key, and for the all-zero one an all-zero signature
// verifies over any message: a key read from a blank or broken setting must not open the door.
const weakKeys: ReadonlySet<string> = new Set([
  "0000000000000000000000000000000000000000000000000000000000000000",
  "0100000000000000000000000000000000000000000000000000000000000000",
  "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
  "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
]);

function isWeak(raw: Buffer): boolean {
  const unsigned = Buffer.from(raw);
  unsigned[31] = (unsigned[31] ?? 0) & 0x7f;
  return weakKeys.has(unsigned.toString("hex"));
}

// Why `key` cannot be a Telnyx public key, or undefined when it can.
function keyProblem(key: string): string | undefined {
  const raw = decodeBase64(key, 32);
  if (raw !== undefined) {
    return isWeak(raw)
      ? "is a weak Ed25519 key (a small-order point) that forged signatures match"
      : undefined;
  }
  const length = Buffer.from(key, "base64").length;
  return key.includes("BEGIN")
    ? `${shape}: this looks like PEM`
    : `${shape}: this decodes to ${length} bytes, or is not canonical base64`;
}

/**
 * The zod schema of the `publicKey` option: one base64 raw 32-byte Ed25519 key or a non-empty
 * list of them, none of them a weak (small-order) key.
 */
export const publicKeySchema = stringOrList(shape).superRefine((value, context) => {
  const keys = typeof value === "string" ? [value] : value;
  keys.forEach((key, index) => {
    const message = keyProblem(key);
    if (message === undefined) return;
    context.addIssue({ code: "custom", message, path: typeof value === "string" ? [] : [index] });
  });
}) as z.ZodType<TelnyxPublicKey>;

/** The validated `publicKey` option as `KeyObject`s, built once for every request to use. */
export function publicKeyObjects(publicKey: TelnyxPublicKey): readonly KeyObject[] {
  const keys = typeof publicKey === "string" ? [publicKey] : publicKey;
  return keys.map((key) =>
    createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(key, "base64").toString("base64url") },
      format: "jwk",
    }),
  );
}
