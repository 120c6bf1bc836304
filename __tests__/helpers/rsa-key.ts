// __tests__/helpers/rsa-key.ts — one real RSA key per test file, for tokens signed with RS256.

import crypto from "node:crypto";

let key: crypto.KeyObject | undefined;

/** A 2048-bit RSA private key, generated on first use (about 0.2 s) and then reused. */
export function rsaPrivateKey(): crypto.KeyObject {
  key ??= crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  return key;
}
