// __tests__/providers/bird/fixtures.ts — the Bird vector of providers-more.md §5 (B1), checked against the docs' algorithm in node and PHP.

/** B1: an sms.inbound event with a non-ASCII text. */
export const b1 = {
  key: "bird-signing-key-123",
  timestamp: "1735732805",
  url: "https://example.com/webhooks/bird",
  body: '{"service":"channels","event":"sms.inbound","payload":{"id":"0f4d6e3a-1b2c-4d5e-8f90-123456789abc","channelId":"9a8b7c6d-0000-4000-8000-000000000001","sender":{"contact":{"identifierValue":"+31612345678"}},"body":{"type":"text","text":{"text":"Hallo ✓"}},"direction":"incoming","status":"delivered"}}',
  signature: "erWm2fS9oaWrugGX1NkW+WvPZsHNUGznSojpeJ6UfVQ=",
};
