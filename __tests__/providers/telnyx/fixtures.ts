// __tests__/providers/telnyx/fixtures.ts — the vectors of providers-more.md §2 and providers.md,
// made by telnyx@7.24.0's TelnyxWebhook.verify and re-checked with node:crypto.

/** RFC 8032 §7.1 TEST 2's seed: the key pair §2's message.finalized vector is signed with. */
export const seedHex = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

/** §2.6: message.finalized, one recipient, delivered, with a cost. */
export const finalized = {
  publicKey: "PUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=",
  timestamp: "1735732860",
  body: '{"data":{"event_type":"message.finalized","id":"4ee8c3a6-4995-4309-a3c6-38e3db9ea4be","occurred_at":"2025-01-01T12:01:00.000+00:00","payload":{"completed_at":"2025-01-01T12:00:58.000+00:00","cost":{"amount":"0.0040","currency":"USD"},"direction":"outbound","encoding":"GSM-7","errors":[],"from":{"carrier":"Telnyx","line_type":"VoIP","phone_number":"+13125550002"},"id":"40317f5e-5b5a-4c4b-9a6c-0a0a0a0a0a0a","messaging_profile_id":"400174a5-0000-0000-0000-000000000000","parts":1,"received_at":"2025-01-01T12:00:55.000+00:00","record_type":"message","sent_at":"2025-01-01T12:00:56.000+00:00","text":"Your code is 1234","to":[{"carrier":"T-MOBILE USA, INC.","line_type":"Wireless","phone_number":"+13125550001","status":"delivered"}],"type":"SMS"},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks/telnyx"}}',
  signature:
    "6J1IGYxsQ606NDcX6nm4wp8OLHl2oEFpHTF9y232nZJOGzw1OBtQhImYTQBvJ32LpC028Jo9dG55BOaOONKDCg==",
};

/** providers.md (re-checked by shared_recheck.js): message.received, non-ASCII and a `|` in the text. */
export const received = {
  publicKey: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
  timestamp: "1735732800",
  body: '{"data":{"event_type":"message.received","id":"b301ed3f-1490-491f-995f-6e64e69674d4","occurred_at":"2025-01-01T12:00:00.000+00:00","payload":{"direction":"inbound","from":{"phone_number":"+13125550001"},"text":"Hello | world ✓","to":[{"phone_number":"+13125550002"}],"type":"SMS"},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"}}',
  signature:
    "WjyYMkNGKCUQezfjAtcdHegnqFfl0ivUPaN5uUEno4al7HsUbM7Dv03Gq9z2Wt1f+ENcH82L1mopzNUh6SRqAg==",
};
