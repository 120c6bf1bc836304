// examples/readme/provider-contract.ts — the README's "Writing a provider": the contract suite.

import { runProviderContract } from "sms-webhooks/testing";

runProviderContract("acmeSms", {
  provider: (secret) => acmeSms({ secret }),
  secret: "acme-secret",
  now: new Date("2025-03-01T09:00:00Z"),
  request: ({ secret = "acme-secret", signedAt } = {}) =>
    acmeRequest(inboundBody(), secret, signedAt),
  badPayload: () => acmeRequest('{"id":"e1","type":"inbound"}', "acme-secret"),
  unsign: (req) => ({ ...req, headers: { ...req.headers, "x-acme-signature": undefined } }),
  signsTime: true,
});
