// __tests__/testing/signers.test.ts — the exported signers produce what the providers produce.

import { mifumoSample, signAndroidSmsGateway, signMifumo } from "../../lib/testing/index.js";
import { vector as mifumoVector } from "../providers/mifumo/fixtures.js";
import { pingVector, receivedVector } from "../providers/android-sms-gateway/fixtures.js";

describe("signAndroidSmsGateway", () => {
  it.each([
    ["the received vector", receivedVector],
    ["the ping vector", pingVector],
  ])("reproduces %s from providers.md", (_name, vector) => {
    expect(signAndroidSmsGateway(vector.body, vector.key, vector.timestamp)).toEqual({
      "Content-Type": "application/json",
      "X-Signature": vector.signature,
      "X-Timestamp": String(vector.timestamp),
    });
  });

  it("signs the same bytes from a Buffer", () => {
    const { body, key, timestamp, signature } = receivedVector;
    expect(signAndroidSmsGateway(Buffer.from(body), key, timestamp)["X-Signature"]).toBe(signature);
  });
});

describe("signMifumo", () => {
  it("reproduces the providers.md vector", () => {
    expect(signMifumo(mifumoVector.body, mifumoVector.secret)).toEqual({
      "Content-Type": "application/json",
      "X-Webhook-Signature": mifumoVector.signature,
    });
  });
});

describe("mifumoSample", () => {
  it("writes the cost as Mifumo's Python server does (10.0, not 10)", () => {
    expect(mifumoSample("message.sent")).toContain('"cost": 10.0,');
  });
});
