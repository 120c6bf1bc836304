// __tests__/providers/messagebird/fixtures.ts — providers-more.md §5: MessageBird's J1 reference vector and J4 (SDK-verified).

import vectors from "messagebird/lib/testdata/webhook-signature-jwt-reference.json" with { type: "json" };

/** The signing key of MessageBird's reference vectors (and of J4). */
export const secret = "36efdd1aace2e26cd490f0d951138253bef2f7c6d34d18981da781555cc4cebb";

/** One of MessageBird's cross-SDK reference vectors (messagebird-nodejs lib/testdata). */
export interface ReferenceVector {
  name: string;
  method: string;
  secret?: string;
  url: string;
  payload?: string;
  timestamp: string;
  token: string;
  valid: boolean;
  reason?: string;
}

/** Every vector of webhook-signature-jwt-reference.json, as the messagebird package ships it. */
export const referenceVectors: readonly ReferenceVector[] = vectors;

/** J4: a delivered status report as a JSON POST, signed by jose and verified by messagebird's SDK. */
export const j4 = {
  url: "https://example.com/messagebird/status",
  body: '{"id":"e8077d803532c0b5937c639b60216938","href":"https://rest.messagebird.com/messages/e8077d803532c0b5937c639b60216938","reference":"order-42","recipient":"31612345678","status":"delivered","statusDatetime":"2025-01-01T12:00:05+00:00"}',
  nbf: 1735732805,
  jti: "0b0b9c0e-4f3e-4c56-9e1b-8f0f8a8a8a8a",
  token:
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1cmxfaGFzaCI6IjAzY2EzNWNmYmFlNTkyMjNhZTI3ZDM1NDQyOWJiY2U3OTc1N2M3MzEzMDZlMDEzYWI3NGJhZDgyOGYyZDA1NDkiLCJwYXlsb2FkX2hhc2giOiJhNTAyOWRiMjQ0ZDk5M2I0MzJhY2FkYTA5MTM3MzAwNDdhN2M5MDBjMGQ4MzNhNTMxZWU0NjU3ZDlmZjUxMTg3IiwiaXNzIjoiTWVzc2FnZUJpcmQiLCJuYmYiOjE3MzU3MzI4MDUsImV4cCI6MTczNTczMjg2NSwianRpIjoiMGIwYjljMGUtNGYzZS00YzU2LTllMWItOGYwZjhhOGE4YThhIn0.wgVlPG9nOUxl4C-WOPO7EeNMCKIPNA8IWgFWU2E3KEE",
};
