// __tests__/helpers/android-signer.ts — the app's signing, written out plainly, independent of lib/.

import crypto from "node:crypto";

/** Signs as PayloadSingingPlugin.kt does: lower-case hex HMAC-SHA256(key, body + timestamp). */
export function signAndroid(body: string, key: string, timestampSec: number | string) {
  const timestamp = String(timestampSec);
  const mac = crypto.createHmac("sha256", Buffer.from(key, "utf8"));
  mac.update(Buffer.from(body + timestamp, "utf8"));
  return {
    "content-type": "application/json",
    "x-signature": mac.digest("hex"),
    "x-timestamp": timestamp,
  };
}
