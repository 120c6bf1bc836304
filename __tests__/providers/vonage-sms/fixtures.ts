// __tests__/providers/vonage-sms/fixtures.ts — providers.md vectors and the seed's payloads.

export const vectorA = {
  secret: "secret",
  params: { a: "1", b: "2", timestamp: "1461605396" },
  sig: "6af838ef94998832dbfc29020b564830",
};

export const vectorB = {
  secret: "n3xm0S1gn4tur3S3cr3t",
  params: {
    "api-key": "abcd1234",
    msisdn: "447700900001",
    to: "447700900000",
    messageId: "0A0000000123ABCD1",
    text: "Hello & welcome=yes",
    type: "text",
    keyword: "HELLO",
    "message-timestamp": "2020-01-01 12:00:00",
    timestamp: "1577880000",
    nonce: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  },
  sigs: {
    md5hash: "179ee29aeff7effb419c2ea5163702da",
    md5hmac: "8cb857d48f787880c3ff40f5f544e4fe",
    sha1hmac: "bcc124ce057d86c3ef0dd8e09c3643bc57347371",
    sha256hmac: "70c6bf705ad1f6bea975a4ae1be7401fb4412ae226eedc2e1d6e6f3c1ebe4684",
    sha512hmac:
      "0d72215f8a8c1112af27b25def88d6f003e72cbfcf9fb3f7018ae279c39d96936e86539a8ad7d44ee9a71bf9aa6dad59d00972be8f161236719eee57153e98d6",
  },
} as const;

export const vectorC = {
  secret: "secret",
  params: { a: "1", empty: "", timestamp: "1461605396" },
  withEmpty: "264b1089417f32b4e40173493bfd36c9",
  emptyDropped: "0c7c42334255719dd9559dbe3b7352d8",
};

// The seed's delivery receipt, unsigned fields only (tests sign them).
export const seedReceipt = {
  msisdn: "447700900000",
  to: "AcmeInc",
  "network-code": "23430",
  messageId: "0A0000001234567B",
  price: "0.03330000",
  status: "delivered",
  scts: "2001011400",
  "err-code": "0",
  "api-key": "abcd1234",
  "client-ref": "my-reference",
  "message-timestamp": "2020-01-01 12:00:00",
};

// The seed's inbound SMS, without its concat fields.
export const seedInbound = {
  "api-key": "abcd1234",
  msisdn: "447700900001",
  to: "447700900000",
  messageId: "0A0000000123ABCD1",
  text: "Hello world",
  type: "text",
  keyword: "HELLO",
  "message-timestamp": "2020-01-01 12:00:00",
};
