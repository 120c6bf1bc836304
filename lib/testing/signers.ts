// lib/testing/signers.ts — sign requests exactly as each provider does, to test your own routes.

import { createHmac } from "node:crypto";

/** Headers for a request signed as SMS Gateway for Android signs it. */
export interface AndroidSmsGatewayHeaders {
  "Content-Type": "application/json";
  "X-Signature": string;
  "X-Timestamp": string;
}

/**
 * Signs `body` as SMS Gateway for Android does: `X-Signature` = hex HMAC-SHA256(key, body +
 * X-Timestamp). Send `body` byte for byte as signed.
 *
 * @param timestampSec - unix seconds; default now. The app re-signs every retry with a fresh one.
 */
export function signAndroidSmsGateway(
  body: string | Buffer,
  key: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): AndroidSmsGatewayHeaders {
  const timestamp = String(timestampSec);
  const signature = createHmac("sha256", key).update(body).update(timestamp).digest("hex");
  return { "Content-Type": "application/json", "X-Signature": signature, "X-Timestamp": timestamp };
}

/** Headers for a request signed as Mifumo signs it. */
export interface MifumoHeaders {
  "Content-Type": "application/json";
  "X-Webhook-Signature": string;
}

/** Signs `body` as Mifumo does: `X-Webhook-Signature` = hex HMAC-SHA256(secret, body). */
export function signMifumo(body: string | Buffer, secret: string): MifumoHeaders {
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return { "Content-Type": "application/json", "X-Webhook-Signature": signature };
}
