// __tests__/providers/vonage-messages/vonage-messages.test.ts — Vonage's signed webhooks, end to end.

import crypto from "node:crypto";
import { verifySignature } from "@vonage/jwt";
import { vonageMessages, type VonageMessagesOptions } from "../../../lib/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { assertNothingLeaks, send, type TestRequest } from "../../helpers/http.js";
import { hs256, vonageClaims } from "../../helpers/vonage-jwt.js";
import { runProviderContract } from "../provider-contract.js";
import { inboundMms, inboundSms, inboundWhatsApp, status, vector } from "./fixtures.js";
import { rsaPrivateKey } from "../../helpers/rsa-key.js";

const secret = "messages-signature-secret-0123456789";
const now = new Date("2025-01-01T12:00:10Z");
const nowSec = Math.floor(now.getTime() / 1000);
let nextId = 0;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A webhook request carrying `token` as Vonage sends it. */
function withToken(
  token: string,
  body: string,
  path: "/inbound" | "/status" = "/inbound",
): TestRequest {
  return {
    method: "POST",
    path,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  };
}

function signed(
  body: string,
  path: "/inbound" | "/status",
  options: { key?: string; iat?: number; apiKey?: string; applicationId?: string } = {},
): TestRequest {
  const claims = vonageClaims(body, {
    iat: options.iat ?? nowSec,
    apiKey: options.apiKey,
    applicationId: options.applicationId,
  });
  return withToken(hs256(claims, options.key ?? secret), body, path);
}

runProviderContract({
  name: "vonageMessages",
  provider: (secret) => vonageMessages({ secret }),
  secret,
  now,
  request(options = {}) {
    const body = JSON.stringify({ ...status, message_uuid: options.eventId ?? `uuid-${++nextId}` });
    const iat = Math.floor((options.signedAt ?? now).getTime() / 1000);
    return signed(body, "/status", { key: options.secret ?? secret, iat });
  },
  tamper: (req) => ({ ...req, body: req.body!.replace("0.0333", "0.0334") }),
  unsign(req) {
    const { authorization: _authorization, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () =>
    signed(JSON.stringify({ message_uuid: `uuid-${++nextId}`, channel: "sms" }), "/inbound", {
      key: secret,
      iat: Math.floor(now.getTime() / 1000),
    }),
  unsigned: { status: 503, code: "unsigned_callback" },
  toleranceSec: 300,
  bodyParser: express.json(),
});

function messagesApp(providerOptions: Partial<VonageMessagesOptions> = {}, clock = () => now) {
  const { app, events, logger } = routerApp(
    "/hooks/vonage-messages",
    vonageMessages({ secret, ...providerOptions }),
    { clock },
    200,
  );
  const hit = (req: TestRequest) =>
    send(app, { ...req, path: `/hooks/vonage-messages${req.path}` });
  return { hit, events, logger };
}

describe("vonageMessages and the providers.md vector", () => {
  const at = () => new Date(vector.claims.iat * 1000);

  it("makes the vector's exact token with the test signer, and @vonage/jwt verifies it", () => {
    expect(hs256(vector.claims, vector.secret)).toBe(vector.jwt);
    expect(crypto.createHash("sha256").update(vector.body).digest("hex")).toBe(vector.payloadHash);
    expect(verifySignature(vector.jwt, vector.secret)).toBe(true);
    expect(verifySignature(vector.jwt, "another-secret-0123456789abcdef")).toBe(false);
  });

  it("verifies every token the tests make with @vonage/jwt too", () => {
    const token = signed(JSON.stringify(inboundSms), "/inbound").headers["authorization"]!.slice(7);
    expect(verifySignature(token, secret)).toBe(true);
  });

  it("delivers the vector's body with the clock at its iat", async () => {
    const { hit, events } = messagesApp({ secret: vector.secret }, at);
    const res = await hit(withToken(vector.jwt, vector.body));
    expect(res.status).toBe(200);
    expect(events[0]).toEqual({
      type: "message.received",
      provider: "vonage-messages",
      id: "in:aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
      verified: true,
      raw: JSON.parse(vector.body),
      messageId: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
      from: "447700900001",
      to: "447700900000",
      text: "Hello",
      receivedAt: new Date("2025-01-01T12:00:00Z"),
      channel: "sms",
      partsCount: 1,
    });
  });

  it("checks the application id when told to", async () => {
    const request = withToken(vector.jwt, vector.body);
    const ours = messagesApp(
      { secret: vector.secret, applicationId: vector.claims.application_id },
      at,
    );
    expect((await ours.hit(request)).status).toBe(200);
    const theirs = messagesApp({ secret: vector.secret, applicationId: "another-app" }, at);
    const res = await theirs.hit(request);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("application_id");
  });
});

describe("vonageMessages rejections", () => {
  it("rejects a changed body (payload_hash) with 401, without echoing the hash", async () => {
    const { hit } = messagesApp();
    const req = signed(JSON.stringify(inboundSms), "/inbound");
    const res = await hit({ ...req, body: req.body!.replace("Hello From", "Hi From") });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(res.body.error.message).toContain("payload_hash");
    const expected = crypto.createHash("sha256").update(req.body!).digest("hex");
    assertNothingLeaks(res.text, [secret, expected]);
  });

  it("rejects a token signed with a wrong secret", async () => {
    const { hit } = messagesApp();
    const res = await hit(
      signed(JSON.stringify(inboundSms), "/inbound", { key: "wrong-secret-0123456789abcdef" }),
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
  });

  it("rejects alg none", async () => {
    const { hit } = messagesApp();
    const body = JSON.stringify(inboundSms);
    const token = `${encode({ alg: "none", typ: "JWT" })}.${encode(vonageClaims(body, { iat: nowSec }))}.`;
    const res = await hit(withToken(token, body));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
  });

  it("rejects an RS256 token, even one signed with a real key", async () => {
    const { hit } = messagesApp();
    const body = JSON.stringify(inboundSms);
    const privateKey = rsaPrivateKey();
    const input = `${encode({ alg: "RS256", typ: "JWT" })}.${encode(vonageClaims(body, { iat: nowSec }))}`;
    const token = `${input}.${crypto.sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
    const res = await hit(withToken(token, body));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("HS256");
  });

  it("rejects an HS256 token whose issuer is not Vonage", async () => {
    const { hit } = messagesApp();
    const body = JSON.stringify(inboundSms);
    const token = hs256({ ...vonageClaims(body, { iat: nowSec }), iss: "Mallory" }, secret);
    const res = await hit(withToken(token, body));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("iss");
  });

  it("rejects an iat outside the window with 401 timestamp_out_of_window", async () => {
    const { hit } = messagesApp();
    const res = await hit(signed(JSON.stringify(inboundSms), "/inbound", { iat: nowSec - 301 }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_out_of_window");
  });

  it("rejects a token without iat with 401 timestamp_missing", async () => {
    const { hit } = messagesApp();
    const body = JSON.stringify(inboundSms);
    const { iat: _iat, ...claims } = vonageClaims(body, { iat: nowSec });
    const res = await hit(withToken(hs256(claims, secret), body));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_missing");
  });

  it("answers a callback without Authorization with 503 unsigned_callback, so Vonage retries it signed", async () => {
    const { hit, events } = messagesApp();
    const res = await hit({
      method: "POST",
      path: "/status",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(status),
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("unsigned_callback");
    expect(events).toHaveLength(0);
  });

  it.each([
    ["Basic credentials", "Basic dm9uYWdlOnNlY3JldA=="],
    ["a token that is not a JWT", "Bearer not.a.jwt"],
    ["garbage", "Bearer %%%"],
  ])("rejects %s with 401 signature_invalid", async (_name, authorization) => {
    const { hit } = messagesApp();
    const res = await hit({
      method: "POST",
      path: "/status",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify(status),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
  });

  it("rejects a token without payload_hash", async () => {
    const { hit } = messagesApp();
    const body = JSON.stringify(inboundSms);
    const { payload_hash: _hash, ...claims } = vonageClaims(body, { iat: nowSec });
    const res = await hit(withToken(hs256(claims, secret), body));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("payload_hash");
  });
});

describe("vonageMessages secrets by api_key", () => {
  const secrets = {
    a1b2c3d: "main-account-secret-0123456789",
    sub1: ["sub-new-secret-0123456789", "sub-old-secret-0123456789"],
  };

  it.each([
    ["a map", secrets],
    ["a resolver", (apiKey: string) => (secrets as Record<string, string | string[]>)[apiKey]],
    [
      "an async resolver",
      (apiKey: string) => Promise.resolve((secrets as Record<string, string | string[]>)[apiKey]),
    ],
  ])("picks the secret from %s, rotation lists included", async (_name, secret) => {
    const { hit, events } = messagesApp({ secret });
    const body = (uuid: string) => JSON.stringify({ ...inboundSms, message_uuid: uuid });
    expect(
      (await hit(signed(body("m1"), "/inbound", { key: "main-account-secret-0123456789" }))).status,
    ).toBe(200);
    expect(
      (
        await hit(
          signed(body("m2"), "/inbound", { key: "sub-old-secret-0123456789", apiKey: "sub1" }),
        )
      ).status,
    ).toBe(200);
    const swapped = await hit(
      signed(body("m3"), "/inbound", { key: "main-account-secret-0123456789", apiKey: "sub1" }),
    );
    expect(swapped.status).toBe(401);
    expect(events).toHaveLength(2);
  });

  it("answers an unknown api_key with 401 secret_unknown", async () => {
    const { hit } = messagesApp({ secret: secrets });
    const res = await hit(signed(JSON.stringify(inboundSms), "/inbound", { apiKey: "stranger" }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("secret_unknown");
  });

  it("answers 500 internal_error when the resolver throws, so Vonage retries", async () => {
    const { hit, logger } = messagesApp({
      secret: () => {
        throw new Error("vault sealed");
      },
    });
    const res = await hit(signed(JSON.stringify(inboundSms), "/inbound"));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("internal_error");
    expect(res.text).not.toContain("vault");
    expect(String(logger.entries.at(-1)?.details["cause"])).toContain("vault sealed");
  });

  it("does not take a map's inherited keys for api_keys", async () => {
    const { hit } = messagesApp({ secret: secrets });
    const res = await hit(
      signed(JSON.stringify(inboundSms), "/inbound", { apiKey: "constructor" }),
    );
    expect(res.body.error.code).toBe("secret_unknown");
  });
});

describe("vonageMessages events", () => {
  it("delivers an inbound SMS with text, parts, keyword and price", async () => {
    const { hit, events } = messagesApp();
    const body = JSON.stringify(inboundSms);
    expect((await hit(signed(body, "/inbound"))).status).toBe(200);
    expect(events[0]).toEqual({
      type: "message.received",
      provider: "vonage-messages",
      id: "in:52afe398-e31a-4362-8c42-beb0c3b1d098",
      verified: true,
      raw: inboundSms,
      messageId: "52afe398-e31a-4362-8c42-beb0c3b1d098",
      from: "447700900001",
      to: "447700900000",
      text: "Hello From Vonage!",
      receivedAt: new Date("2020-01-01T14:00:00.000Z"),
      keyword: "HELLO",
      price: { amount: "0.0333", currency: "EUR" },
      channel: "sms",
      partsCount: 2,
    });
  });

  it("delivers an MMS with its image", async () => {
    const { hit, events } = messagesApp();
    await hit(signed(JSON.stringify(inboundMms), "/inbound"));
    expect(events[0]).toMatchObject({
      type: "message.received",
      channel: "mms",
      text: "",
      media: [{ type: "image", url: "https://example.com/image.jpg", name: "image.jpg" }],
      clientRef: "string",
    });
  });

  it("delivers a status with the common status, final flag, error, price and reference", async () => {
    const { hit, events } = messagesApp();
    expect((await hit(signed(JSON.stringify(status), "/status"))).status).toBe(200);
    expect(events[0]).toEqual({
      type: "message.status",
      provider: "vonage-messages",
      id: "status:aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab:rejected",
      verified: true,
      raw: status,
      messageId: "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab",
      to: "447700900000",
      recipients: ["447700900000"],
      status: "rejected",
      final: true,
      providerStatus: "rejected",
      error: {
        code: "1000",
        message: status.error.detail,
        type: "https://developer.vonage.com/api-errors/messages#1000",
      },
      price: { amount: "0.0333", currency: "EUR" },
      occurredAt: new Date("2025-02-03T12:14:25Z"),
      networkCode: "12345",
      clientRef: "abc123",
      channel: "sms",
      partsCount: 2,
    });
  });

  it.each([
    ["submitted", "sent", false],
    ["delivered", "delivered", true],
    ["read", "read", true],
    ["rejected", "rejected", true],
    ["undeliverable", "failed", true],
    ["failed", "failed", true],
    ["clicked", "unknown", false],
    ["constructor", "unknown", false],
    ["__proto__", "unknown", false],
  ])("maps status %s to %s", async (vonageStatus, common, final) => {
    const { hit, events } = messagesApp();
    const { error: _error, ...withoutError } = status;
    await hit(signed(JSON.stringify({ ...withoutError, status: vonageStatus }), "/status"));
    expect(events[0]).toMatchObject({ status: common, final, providerStatus: vonageStatus });
  });

  it("delivers other channels (WhatsApp) with their channel and raw payload", async () => {
    const { hit, events } = messagesApp();
    expect((await hit(signed(JSON.stringify(inboundWhatsApp), "/inbound"))).status).toBe(200);
    expect(events[0]).toMatchObject({
      type: "message.received",
      channel: "whatsapp",
      text: "Hi on WhatsApp",
      raw: inboundWhatsApp,
    });
  });

  it("answers a duplicate delivery with 200 duplicate, and the message's next status is handled", async () => {
    const { hit, events } = messagesApp();
    const { error: _error, ...submitted } = { ...status, status: "submitted" };
    expect((await hit(signed(JSON.stringify(submitted), "/status"))).status).toBe(200);
    const retry = await hit(signed(JSON.stringify(submitted), "/status", { iat: nowSec + 60 }));
    expect(retry.body).toEqual({ status: "duplicate" });
    const delivered = { ...submitted, status: "delivered" };
    expect((await hit(signed(JSON.stringify(delivered), "/status"))).status).toBe(200);
    expect(events.map((event) => event.type === "message.status" && event.status)).toEqual([
      "sent",
      "delivered",
    ]);
  });

  it.each([
    ["no message_uuid", { ...inboundSms, message_uuid: undefined }, "message_uuid"],
    ["a numeric text", { ...inboundSms, text: 5 }, "text"],
    ["a price that is not a decimal", { ...inboundSms, usage: { price: "free" } }, "usage.price"],
  ])("answers a signed body with %s with 400 payload_invalid", async (_name, body, field) => {
    const { hit } = messagesApp();
    const res = await hit(signed(JSON.stringify(body), "/inbound"));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });
});

describe("vonageMessages options", () => {
  it("accepts unsigned callbacks with allowUnsigned, unverified, warning once", async () => {
    const { hit, events, logger } = messagesApp({ allowUnsigned: true });
    const res = await hit({
      method: "POST",
      path: "/status",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(status),
    });
    expect(res.status).toBe(200);
    expect(events[0]?.verified).toBe(false);
    expect(logger.entries.filter((entry) => entry.message.includes("allowUnsigned"))).toHaveLength(
      1,
    );
  });

  it.each([
    [{}, 'option "secret" is required: it must be'],
    [{ secret: 42 }, 'option "secret" must be'],
    [{ secret: "s", applicationId: "" }, 'option "applicationId" must be'],
  ])("rejects %p at construction", (options, message) => {
    expect(() => vonageMessages(options as never)).toThrow(message);
  });
});
