// __tests__/providers/vonage-messages/fixtures.ts — providers.md's vector and documented payloads.

export const vector = {
  secret: "vonageSignatureSecret-0123456789abcdef",
  body: '{"channel":"sms","message_uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","to":"447700900000","from":"447700900001","timestamp":"2025-01-01T12:00:00Z","text":"Hello","sms":{"num_messages":"1"},"message_type":"text"}',
  payloadHash: "8d5f5d7c8c438cbdfe5b28ead830e383d06070ee7d843079621fa836106bd734",
  claims: {
    iat: 1735732800,
    jti: "c5ba8f24-1a14-4c10-bfdf-3fbe8ce511b5",
    iss: "Vonage",
    payload_hash: "8d5f5d7c8c438cbdfe5b28ead830e383d06070ee7d843079621fa836106bd734",
    api_key: "a1b2c3d",
    application_id: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
  },
  jwt: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MzU3MzI4MDAsImp0aSI6ImM1YmE4ZjI0LTFhMTQtNGMxMC1iZmRmLTNmYmU4Y2U1MTFiNSIsImlzcyI6IlZvbmFnZSIsInBheWxvYWRfaGFzaCI6IjhkNWY1ZDdjOGM0MzhjYmRmZTViMjhlYWQ4MzBlMzgzZDA2MDcwZWU3ZDg0MzA3OTYyMWZhODM2MTA2YmQ3MzQiLCJhcGlfa2V5IjoiYTFiMmMzZCIsImFwcGxpY2F0aW9uX2lkIjoiYWFhYWFhYWEtYmJiYi1jY2NjLWRkZGQtMDEyMzQ1Njc4OWFiIn0.n9QSP_9f7tItnOh8Q9HRkixIaKvNvfGfixquOdGwxxo",
};

// Inbound SMS, as Vonage's API reference shows it (the .NET SDK's fixture).
export const inboundSms = {
  channel: "sms",
  message_uuid: "52afe398-e31a-4362-8c42-beb0c3b1d098",
  to: "447700900000",
  from: "447700900001",
  timestamp: "2020-01-01T14:00:00.000Z",
  text: "Hello From Vonage!",
  sms: { total_count: "2", num_messages: "2", keyword: "HELLO" },
  usage: { currency: "EUR", price: "0.0333" },
  origin: { network_code: "12345" },
};

// An MMS with an image (the .NET SDK's fixture).
export const inboundMms = {
  channel: "mms",
  message_uuid: "52afe398-e31a-4362-8c42-beb0c3b1d099",
  to: "447700900000",
  from: "447700900001",
  timestamp: "2020-01-01T14:00:00.000Z",
  client_ref: "string",
  message_type: "image",
  image: { url: "https://example.com/image.jpg", name: "image.jpg" },
};

// A status webhook for an SMS (the spec's fields, without the other channels' objects).
export const status = {
  message_uuid: "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab",
  to: "447700900000",
  from: "447700900001",
  timestamp: "2025-02-03T12:14:25Z",
  status: "rejected",
  error: {
    type: "https://developer.vonage.com/api-errors/messages#1000",
    title: "1000",
    detail:
      "Throttled - You have exceeded the submission capacity allowed on this account. Please wait and retry",
    instance: "bf0ca0bf927b3b52e3cb03217e1a1ddf",
  },
  client_ref: "abc123",
  usage: { currency: "EUR", price: "0.0333" },
  channel: "sms",
  destination: { network_code: "12345" },
  sms: { count_total: "2" },
};

// A WhatsApp inbound text: another channel that must come through, never be rejected.
export const inboundWhatsApp = {
  channel: "whatsapp",
  message_uuid: "aaaaaaaa-bbbb-cccc-dddd-0123456789ff",
  to: "447700900000",
  from: "447700900001",
  timestamp: "2020-01-01T14:00:00.000Z",
  message_type: "text",
  text: "Hi on WhatsApp",
  context_status: "none",
  profile: { name: "Jane Smith" },
};
