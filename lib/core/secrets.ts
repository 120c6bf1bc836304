// lib/core/secrets.ts — secret lists for rotation and the constant-time comparisons every provider uses.

import { timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** One secret, or several while rotating: a request signed with any of them verifies. */
export type SecretInput = string | readonly string[];

/**
 * A zod schema for one non-empty string or a non-empty list of them, failing with `message`
 * whichever way the value is wrong (zod would otherwise describe only the branch it matched).
 */
export function stringOrList(message: string) {
  return z.union(
    [
      z.string(message).min(1, message),
      z.array(z.string(message).min(1, message)).min(1, message).readonly(),
    ],
    { message },
  );
}

/** The zod schema of a `secret` option: one non-empty string, or a non-empty list of them. */
export const secretSchema = stringOrList("must be a non-empty string or a non-empty list of them");

/** A validated `secret` option as a list. */
export function secretList(secret: SecretInput): readonly string[] {
  return typeof secret === "string" ? [secret] : secret;
}

/** Constant-time equality of two byte strings; unequal lengths are unequal (length is public). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Decodes a hex signature of exactly `bytes` bytes (either case), or `undefined` when it is not
 * one. Node's hex decoder stops at the first bad character, so a string of the right length that
 * decodes to fewer bytes had one.
 */
export function decodeHex(value: string, bytes: number): Buffer | undefined {
  if (value.length !== bytes * 2) return undefined;
  const decoded = Buffer.from(value, "hex");
  return decoded.length === bytes ? decoded : undefined;
}
