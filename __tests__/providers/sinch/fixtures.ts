// __tests__/providers/sinch/fixtures.ts — the vectors of providers-more.md §4, made by Sinch's own code.

/** S1: Sinch's own test vector (sinch-sdk-dotnet Tests/Conversation/WebhooksTests.cs), no algorithm header. */
export const s1 = {
  secret: "foo_secret1234",
  nonce: "01FJA8B4A7BM43YGWSG9GBV067",
  timestamp: "1634579353",
  body: '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}',
  signature: "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=",
};

/** The secret S2 and S3 are signed with. */
export const smsSecret = "sinch-sms-callback-secret";

/** S2: an SMS API recipient delivery report, signed by @sinch/sdk-client. */
export const s2 = {
  nonce: "01JGPX5A1B2C3D4E5F6G7H8J9K",
  timestamp: "1735732805",
  body: '{"at":"2025-01-01T12:00:05.123Z","batch_id":"01JGPX4Y5ZQ3W2V1U0T9S8R7Q6","client_reference":"order-42","code":0,"operator_status_at":"2025-01-01T12:00:04Z","recipient":"46700000001","status":"Delivered","type":"recipient_delivery_report_sms"}',
  signature: "q6AAeTAjMJ9Le/KZr2Z8EK7WhZiU2PDqQ+N/7NWKDqg=",
};

/** S3: an inbound mo_text, signed by @sinch/sdk-client. */
export const s3 = {
  nonce: "nonce-3",
  timestamp: "1735732860",
  body: '{"body":"Hej ✓","from":"46700000001","id":"01JGPX6MOTEXT0000000000000","operator_id":"24001","received_at":"2025-01-01T12:01:00.000Z","to":"12345","type":"mo_text"}',
  signature: "8Vo9PsyotBALBJNf8+zol/x1yIjgNIovmE3XuSVSgRE=",
};

/** A mo_binary as @sinch/sms types it: body base64, udh hex. */
export const moBinary = {
  body: "SGVsbG8gd29ybGQ=",
  from: "46700000001",
  id: "01JGPX6MOBINARY00000000000",
  received_at: "2025-01-01T12:01:00.000Z",
  to: "12345",
  type: "mo_binary",
  udh: "050003CC0201",
};

/** A per-batch delivery report (delivery_report: "summary"). */
export const batchReport = {
  batch_id: "01JGPX4Y5ZQ3W2V1U0T9S8R7Q6",
  client_reference: "order-42",
  statuses: [
    { code: 0, count: 2, status: "Delivered" },
    { code: 402, count: 1, status: "Aborted" },
  ],
  total_message_count: 3,
  type: "delivery_report_sms",
};
