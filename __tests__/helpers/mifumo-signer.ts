// __tests__/helpers/mifumo-signer.ts — Mifumo's signing as its guide shows it, independent of lib/.

import crypto from "node:crypto";

/** hex HMAC-SHA256(secret, body), in X-Webhook-Signature. */
export function signMifumo(body: string, secret: string) {
  const signature = crypto.createHmac("sha256", secret).update(body, "utf8").digest("hex");
  return { "content-type": "application/json", "x-webhook-signature": signature };
}
