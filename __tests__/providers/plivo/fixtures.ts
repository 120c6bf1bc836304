// __tests__/providers/plivo/fixtures.ts — the vectors of providers-more.md §3, made by plivo@4.79.0's own code.

/** The Auth Token and nonce every vector is signed with. */
export const token = "MzRmYjM0YzFlNjc4NTdkYjUwN2ZiYjJiOTk4MzA2";
export const nonce = "12345678901234567890";

/** P1: an inbound SMS (V3, form POST) to a URL without a query string. */
export const p1 = {
  method: "POST" as const,
  url: "https://example.com/plivo/inbound",
  params: {
    From: "14155550100",
    To: "14155550199",
    Text: "Hello there",
    Type: "sms",
    MessageUUID: "2a3e5e2c-1c1a-11f0-9c4f-0242ac110002",
    TotalRate: "0",
    TotalAmount: "0",
    Units: "1",
    PowerpackUUID: "",
  } as Record<string, string>,
  signature: "SgQAuT7WG+dD6vg0LuKFy1gaAdiWB0wkZvGXzReCfE4=",
};

/** P2: a delivery report (V3, form POST) to a URL with a query string. */
export const p2 = {
  method: "POST" as const,
  url: "https://example.com/plivo/status?tenant=acme&b=2",
  params: {
    From: "14155550199",
    To: "14155550100",
    MessageUUID: "db3ce55a-7f1d-11f0-8a8e-0242ac110003",
    Status: "delivered",
    ErrorCode: "000",
    TotalRate: "0.0050",
    TotalAmount: "0.0050",
    Units: "1",
    MCC: "310",
    MNC: "260",
    PartInfo: "1 of 1",
    Sequence: "1",
    ParentMessageUUID: "db3ce55a-7f1d-11f0-8a8e-0242ac110003",
  } as Record<string, string>,
  signature: "4m8BBGXo9yvjxKk49qOaMCOMr2D9Hsbw+1tc2ZOq95g=",
};

/** P3: a GET (V3), the parameters in the query string. */
export const p3 = {
  method: "GET" as const,
  url: "https://example.com/plivo/status?Status=sent&MessageUUID=abc",
  params: {} as Record<string, string>,
  signature: "cH0nDWYUui85GuwU6HiVPe/HI9r4YjhOs6WZqu1NgmE=",
};

/** P4: non-ASCII text, signed as UTF-8 once (plivo-node; plivo-python differs). */
export const p4 = {
  method: "POST" as const,
  url: "https://example.com/plivo/inbound",
  params: { From: "1", Text: "Olá ✓", To: "2" } as Record<string, string>,
  signature: "l5TgGrkYbLNGxlC4K4Yw2T0XjcV2C4bmlA+vcNpYDyk=",
  /** What plivo-python signs (UTF-8 bytes re-read as Latin-1): must not verify. */
  pythonSignature: "qFO/tej1eN21ZC20GHiiX+9K/V/2I/TSYvys+RZ4CPo=",
};

/** V2: the URL without its query, then the nonce. */
export const v2 = {
  url: "https://example.com/plivo/inbound?x=1",
  signature: "EtzhBBDAMmAfnCSEFRGxQvgXphmB8fN3kvl/T0gq/Bg=",
};
