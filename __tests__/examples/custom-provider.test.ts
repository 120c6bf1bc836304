// __tests__/examples/custom-provider.test.ts — the README's example provider passes the contract.

import crypto from "node:crypto";
import type { RawRequest } from "sms-webhooks";
import { runProviderContract } from "sms-webhooks/testing";
import { acmeSms } from "../../examples/custom-provider.js";

const secret = "acme-secret";
const now = new Date("2025-03-01T09:00:00Z");
let nextId = 0;

// Acme's signing, written out plainly: hex HMAC-SHA256(secret, timestamp + "." + body).
function acmeRequest(body: string, key: string, signedAt: Date): RawRequest {
  const timestamp = String(Math.floor(signedAt.getTime() / 1000));
  const signature = crypto.createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex");
  return {
    method: "POST",
    url: "/hooks/acme",
    headers: {
      "content-type": "application/json",
      "x-acme-signature": signature,
      "x-acme-timestamp": timestamp,
    },
    rawBody: Buffer.from(body),
    rawQuery: "",
  };
}

runProviderContract("acmeSms (README example)", {
  provider: (key) => acmeSms({ secret: key }),
  secret,
  now,
  request: ({ secret: key = secret, signedAt = now } = {}) =>
    acmeRequest(
      JSON.stringify({
        id: `evt_${++nextId}`,
        type: "inbound",
        from: "+1555",
        to: "+1666",
        text: "hi",
      }),
      key,
      signedAt,
    ),
  badPayload: () =>
    acmeRequest(JSON.stringify({ id: `evt_${++nextId}`, type: "inbound" }), secret, now),
  unsign: (req) => ({ ...req, headers: { ...req.headers, "x-acme-signature": undefined } }),
  signsTime: true,
});
