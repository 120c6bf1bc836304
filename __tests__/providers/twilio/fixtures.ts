// __tests__/providers/twilio/fixtures.ts — the vectors of providers-more.md §1, made by twilio@6.2.0's own code.

/** The Auth Token every vector is signed with. */
export const token = "b0a3e1c2d4f5a6b7c8d9e0f1a2b3c4d5";

/** W1: an inbound SMS (form POST) with a non-ASCII body and empty values. */
export const w1 = {
  url: "https://example.com/sms/inbound",
  params: {
    ToCountry: "US",
    ToState: "CA",
    SmsMessageSid: "SM0123456789abcdef0123456789abcdef",
    NumMedia: "0",
    ToCity: "",
    FromZip: "94105",
    SmsSid: "SM0123456789abcdef0123456789abcdef",
    FromState: "CA",
    SmsStatus: "received",
    FromCity: "SAN FRANCISCO",
    Body: "Héllo ✓ & =",
    FromCountry: "US",
    To: "+15005550006",
    ToZip: "",
    NumSegments: "1",
    MessageSid: "SM0123456789abcdef0123456789abcdef",
    AccountSid: "AC0123456789abcdef0123456789abcdef",
    From: "+14155550100",
    ApiVersion: "2010-04-01",
  } as Record<string, string>,
  signature: "LGFmnbt+GpocXy9OSMP+gjlfNTE=",
};

/** W2: a status callback (delivered) to a URL with a query string. */
export const w2 = {
  url: "https://example.com/sms/status?tenant=acme&x=1",
  params: {
    AccountSid: "AC0123456789abcdef0123456789abcdef",
    ApiVersion: "2010-04-01",
    From: "+15005550006",
    MessageSid: "SMfedcba9876543210fedcba9876543210",
    MessageStatus: "delivered",
    SmsSid: "SMfedcba9876543210fedcba9876543210",
    SmsStatus: "delivered",
    To: "+14155550100",
    RawDlrDoneDate: "2501011200",
  } as Record<string, string>,
  signature: "eN9o6bS2c3LHdD9e8LDxcS76290=",
};

/** W8: a JSON body, its hash in the URL's bodySHA256, signed with no parameters. */
export const w8 = {
  body: '{"MessageSid":"SM1","MessageStatus":"delivered"}',
  bodySha256: "ce8c3c8da52a17f7dd3e526b3b67d41402b438513f6b2faf55189573f2873f02",
  url: "https://example.com/hook?bodySHA256=ce8c3c8da52a17f7dd3e526b3b67d41402b438513f6b2faf55189573f2873f02",
  signature: "dKdmFvCH9Ik+YK64UEg0N8cut0I=",
};

/** W9: a repeated key, its values de-duplicated and sorted. */
export const w9 = {
  url: "https://example.com/x",
  params: { a: ["b", "a", "b"], C: "z" } as Record<string, string | string[]>,
  signature: "yg/gqWmSSqBEsgOkujN3HOevctQ=",
};
