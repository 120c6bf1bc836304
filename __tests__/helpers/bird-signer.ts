// __tests__/helpers/bird-signer.ts — messagebird-signature as docs.bird.com describes it, independent of lib/.

import crypto from "node:crypto";

/** base64 HMAC-SHA256(key, ts + "\n" + url + "\n" + the body's SHA-256 as 32 raw bytes). */
export function birdSignature(key: string, ts: string, url: string, body: string): string {
  const bodyHash = crypto.createHash("sha256").update(Buffer.from(body, "utf-8")).digest();
  const joined = Buffer.concat([Buffer.from(`${ts}\n${url}\n`, "utf-8"), bodyHash]);
  return crypto.createHmac("sha256", Buffer.from(key, "utf-8")).update(joined).digest("base64");
}

/** The headers Bird sends: the signature and its timestamp. */
export function birdHeaders(key: string, ts: number, url: string, body: string) {
  return {
    "content-type": "application/json",
    "messagebird-signature": birdSignature(key, String(ts), url, body),
    "messagebird-request-timestamp": String(ts),
  };
}
