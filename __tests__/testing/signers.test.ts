// __tests__/testing/signers.test.ts — the exported signers produce what the providers produce.

import {
  birdInboundSample,
  birdStatusSample,
  messageBirdInboundSample,
  messageBirdStatusSample,
  signBird,
  signMessageBird,
  mifumoSample,
  plivoInboundSample,
  plivoStatusSample,
  signPlivoV2,
  signPlivoV3,
  signAndroidSmsGateway,
  signMifumo,
  signSinch,
  sinchDeliveryReportSample,
  sinchInboundSample,
  signVonageMessages,
  signTwilio,
  signVonageSms,
  twilioInboundSample,
  twilioStatusSample,
  vonageInboundSample,
} from "../../lib/testing/index.js";
import { plivoV2Signature, plivoV3Signature } from "../helpers/plivo-signer.js";
import {
  nonce as plivoNonce,
  p1,
  p2,
  p3,
  p4,
  token as plivoToken,
  v2,
} from "../providers/plivo/fixtures.js";
import { twilioSignature } from "../helpers/twilio-signer.js";
import { token as twilioToken, w1, w2, w9 } from "../providers/twilio/fixtures.js";
import { verifySignature } from "@vonage/jwt";
import { plivoSdk, twilioSdk } from "../helpers/sdk-signatures.js";
import crypto from "node:crypto";
import { sdkVerifies } from "../helpers/messagebird-sdk.js";
import { birdSignature } from "../helpers/bird-signer.js";
import { b1 } from "../providers/bird/fixtures.js";
import { secret as messageBirdKey } from "../providers/messagebird/fixtures.js";
import { vonageSig, type Method } from "../helpers/vonage-sms-signer.js";
import { vectorB } from "../providers/vonage-sms/fixtures.js";
import { vector as mifumoVector } from "../providers/mifumo/fixtures.js";
import { pingVector, receivedVector } from "../providers/android-sms-gateway/fixtures.js";
import { validateWebhookSignature } from "@sinch/sdk-client";
import { sinchSignature } from "../helpers/sinch-signer.js";
import { s1, s2, s3, smsSecret } from "../providers/sinch/fixtures.js";
import {
  signTelnyx,
  telnyxInboundSample,
  telnyxKeyPair,
  telnyxStatusSample,
} from "../../lib/testing/index.js";
import { TelnyxWebhook, telnyxVerifies } from "../helpers/telnyx-signer.js";
import { finalized as telnyxVector, seedHex } from "../providers/telnyx/fixtures.js";

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

describe("signVonageSms", () => {
  const { timestamp, nonce, ...params } = vectorB.params;

  it.each(Object.keys(vectorB.sigs) as Method[])("reproduces vector B with %s", (method) => {
    const signed = signVonageSms(params, vectorB.secret, {
      method,
      timestampSec: Number(timestamp),
      nonce,
    });
    expect(signed).toEqual({ ...vectorB.params, sig: vectorB.sigs[method] });
  });

  it("adds a fresh nonce and the current time by default", () => {
    const signed = signVonageSms(params, vectorB.secret);
    expect(Math.abs(Number(signed["timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
    expect(signed["nonce"]).not.toBe(signVonageSms(params, vectorB.secret)["nonce"]);
    expect(signed["sig"]).toBe(vonageSig(signed, vectorB.secret, "md5hash"));
  });
});

describe("vonageInboundSample", () => {
  it("splits a long text into 153-character concatenated parts sharing a reference", () => {
    const parts = vonageInboundSample("x".repeat(400));
    expect(
      parts.map((part) => [part["concat-part"], part["concat-total"], part["text"]!.length]),
    ).toEqual([
      ["1", "3", 153],
      ["2", "3", 153],
      ["3", "3", 94],
    ]);
    expect(new Set(parts.map((part) => part["concat-ref"])).size).toBe(1);
  });

  it("sends a short text as one part without concat fields", () => {
    expect(vonageInboundSample("hi")).toEqual([expect.not.objectContaining({ concat: "true" })]);
  });
});

describe("signVonageMessages", () => {
  it("makes a token @vonage/jwt verifies, with the claims Vonage sends", async () => {
    const body =
      '{"channel":"sms","message_uuid":"u","to":"1","from":"2","timestamp":"2025-01-01T12:00:00Z","text":"Hi"}';
    const headers = await signVonageMessages(body, "sig-secret-0123456789", {
      apiKey: "abc",
      applicationId: "app-1",
      issuedAtSec: 1735732800,
    });
    const token = headers.Authorization.replace(/^Bearer /, "");
    expect(verifySignature(token, "sig-secret-0123456789")).toBe(true);
    const [header, claims] = token
      .split(".")
      .slice(0, 2)
      .map((part): unknown => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(claims).toEqual({
      payload_hash: crypto.createHash("sha256").update(body).digest("hex"),
      api_key: "abc",
      application_id: "app-1",
      iat: 1735732800,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iss: "Vonage",
    });
  });
});

describe("signTwilio", () => {
  it.each([
    ["W1", w1],
    ["W2", w2],
    ["W9 (a repeated key)", w9],
  ])("reproduces the providers-more.md vector %s", (_name, vector) => {
    expect(signTwilio(vector.url, vector.params, twilioToken)).toBe(vector.signature);
  });

  it("signs the samples as twilio's SDK and the independent signer do", () => {
    const url = "https://hooks.example.com/hooks/twilio/inbound?tenant=a";
    const media = [{ url: "https://api.twilio.com/m/ME1", contentType: "image/png" }];
    for (const params of [
      twilioInboundSample("Hello ✓"),
      twilioInboundSample("", { media }),
      twilioStatusSample({ status: "undelivered", errorCode: "30003" }),
    ]) {
      const signature = signTwilio(url, params, "sample-token");
      expect(signature).toBe(twilioSdk.getExpectedTwilioSignature("sample-token", url, params));
      expect(signature).toBe(twilioSignature("sample-token", url, params));
    }
  });
});

describe("signSinch", () => {
  it.each([
    ["S1 (Sinch's .NET test vector)", s1.secret, s1],
    ["S2", smsSecret, s2],
    ["S3", smsSecret, s3],
  ])("reproduces the providers-more.md vector %s", (_name, secret, vector) => {
    expect(
      signSinch(vector.body, secret, {
        nonce: vector.nonce,
        timestampSec: Number(vector.timestamp),
      }),
    ).toEqual({
      "Content-Type": "application/json",
      "x-sinch-webhook-signature": vector.signature,
      "x-sinch-webhook-signature-nonce": vector.nonce,
      "x-sinch-webhook-signature-timestamp": vector.timestamp,
      "x-sinch-webhook-signature-algorithm": "HmacSHA256",
    });
  });

  it("signs the samples as @sinch/sdk-client and the independent signer do, with a fresh nonce each time", () => {
    for (const body of [
      sinchInboundSample("Hej ✓"),
      sinchDeliveryReportSample({ status: "Aborted", code: 402 }),
    ]) {
      const headers = signSinch(Buffer.from(body), "sample-secret");
      expect(validateWebhookSignature("sample-secret", headers, body)).toBe(true);
      const nonce = headers["x-sinch-webhook-signature-nonce"];
      const timestamp = headers["x-sinch-webhook-signature-timestamp"];
      expect(headers["x-sinch-webhook-signature"]).toBe(
        sinchSignature("sample-secret", body, nonce, timestamp),
      );
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
      expect(nonce).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(signSinch(body, "sample-secret")["x-sinch-webhook-signature-nonce"]).not.toBe(nonce);
    }
  });

  it("signs with HMAC-SHA512 when asked, as the algorithm header then says", () => {
    const headers = signSinch(s2.body, smsSecret, {
      nonce: s2.nonce,
      timestampSec: Number(s2.timestamp),
      algorithm: "HmacSHA512",
    });
    expect(headers["x-sinch-webhook-signature-algorithm"]).toBe("HmacSHA512");
    expect(headers["x-sinch-webhook-signature"]).toBe(
      sinchSignature(smsSecret, s2.body, s2.nonce, s2.timestamp, "sha512"),
    );
  });
});

describe("signTelnyx", () => {
  it("reproduces the providers-more.md §2 vector from its seed", () => {
    const seed = Buffer.from(seedHex, "hex").toString("base64");
    expect(signTelnyx(telnyxVector.body, seed, Number(telnyxVector.timestamp))).toEqual({
      "Content-Type": "application/json",
      "telnyx-signature-ed25519": telnyxVector.signature,
      "telnyx-timestamp": telnyxVector.timestamp,
    });
  });

  it("signs the samples as telnyx's SDK and the independent verifier accept them", async () => {
    const { publicKey, privateKey } = telnyxKeyPair();
    const sdk = new TelnyxWebhook(publicKey);
    for (const body of [
      telnyxInboundSample("Hello ✓ | world"),
      telnyxInboundSample("", {
        media: [{ url: "https://x.test/a.png", contentType: "image/png" }],
      }),
      telnyxStatusSample("message.sent"),
      telnyxStatusSample("message.finalized", {
        to: [
          { phoneNumber: "+15550001", status: "delivered" },
          { phoneNumber: "+15550002", status: "delivery_failed" },
        ],
        errors: [{ code: "40008", title: "Undeliverable" }],
      }),
    ]) {
      const headers = signTelnyx(body, privateKey);
      await expect(sdk.verify(body, headers)).resolves.toBeUndefined();
      const { "telnyx-timestamp": timestamp, "telnyx-signature-ed25519": signature } = headers;
      expect(telnyxVerifies(publicKey, timestamp, body, signature)).toBe(true);
    }
  });

  it("refuses a private key that is not base64 of a 32-byte seed, saying what it wants", () => {
    expect(() => signTelnyx("{}", "not-a-seed")).toThrow(/base64 of a 32-byte Ed25519 seed/);
  });
});

describe("signBird", () => {
  it("reproduces B1 and signs the samples as the independent signer does", () => {
    expect(signBird(b1.url, b1.body, b1.key, Number(b1.timestamp))["messagebird-signature"]).toBe(
      b1.signature,
    );
    for (const body of [birdInboundSample("Hallo ✓"), birdStatusSample("delivery_failed")]) {
      const headers = signBird("https://hooks.example.com/hooks/bird", body, "k", 1735732805);
      expect(headers["messagebird-signature"]).toBe(
        birdSignature("k", "1735732805", "https://hooks.example.com/hooks/bird", body),
      );
    }
  });
});

describe("signMessageBird", () => {
  it("makes tokens messagebird's own verifier accepts, GET (no payload_hash) and POST", async () => {
    const query = new URLSearchParams(messageBirdStatusSample("sent")).toString();
    const get = `https://hooks.example.com/hooks/messagebird?${query}`;
    const body = JSON.stringify(messageBirdInboundSample("Hi ✓"));
    for (const [url, payload, alg] of [
      [get, "", "HS256"],
      ["https://hooks.example.com/hooks/messagebird", body, "HS512"],
    ] as const) {
      const headers = await signMessageBird(url, payload, messageBirdKey, {
        notBeforeSec: 1735732805,
        alg,
      });
      const token = headers["MessageBird-Signature-JWT"];
      await expect(
        sdkVerifies(url, payload, token, messageBirdKey, new Date(1735732810_000)),
      ).resolves.toBe(true);
    }
  });
});

describe("signPlivoV3 and signPlivoV2", () => {
  it.each([
    ["P1", p1],
    ["P2 (a query string)", p2],
    ["P3 (a GET)", p3],
    ["P4 (non-ASCII)", p4],
  ])("reproduce the providers-more.md vector %s", (_name, vector) => {
    const { method, url, params, signature } = vector;
    expect(signPlivoV3(method, url, params, plivoNonce, plivoToken)).toBe(signature);
  });

  it("reproduce the V2 vector", () => {
    expect(signPlivoV2(v2.url, plivoNonce, plivoToken)).toBe(v2.signature);
  });

  it("sign the samples as plivo's SDK and the independent signer do", () => {
    const url = "https://hooks.example.com/hooks/plivo/inbound?tenant=a";
    const media = ["https://media.plivo.com/v1/Account/MA1/Media/1"];
    for (const params of [
      plivoInboundSample("Hello ✓"),
      plivoInboundSample("", { media }),
      plivoStatusSample({ status: "undelivered", errorCode: "80" }),
    ]) {
      const v3 = signPlivoV3("POST", url, params, "123", "sample-token");
      expect(plivoSdk.validateV3Signature("POST", url, "123", "sample-token", v3, params)).toBe(
        true,
      );
      expect(v3).toBe(plivoV3Signature("sample-token", "POST", url, "123", params));
    }
    const v2Signature = signPlivoV2(url, "123", "sample-token");
    expect(plivoSdk.validateSignature(url, "123", v2Signature, "sample-token")).toBe(true);
    expect(v2Signature).toBe(plivoV2Signature("sample-token", url, "123"));
  });
});
