// __tests__/providers/bird/bird.test.ts — Bird platform webhooks end to end, against the documented algorithm.

import crypto from "node:crypto";
import { bird } from "../../../lib/index.js";
import { birdInboundSample, birdStatusSample, signBird } from "../../../lib/testing/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { birdHeaders, birdSignature } from "../../helpers/bird-signer.js";
import { messageBirdClaims, messageBirdJwt } from "../../helpers/messagebird-signer.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { runProviderContract } from "../provider-contract.js";
import { b1 } from "./fixtures.js";

const origin = "https://hooks.example.com";
const key = "bird-contract-signing-key";
const now = new Date("2025-01-01T12:00:00Z");
const nowSec = Math.floor(now.getTime() / 1000);

/** A Bird POST to `path`, signed (independently of lib/) for `origin + path` at `ts`. */
function signedPost(
  body: string,
  options: { secret?: string; ts?: number; path?: string; url?: string } = {},
): TestRequest {
  const path = options.path ?? "/";
  const url = options.url ?? origin + path;
  return {
    method: "POST",
    path,
    headers: birdHeaders(options.secret ?? key, options.ts ?? nowSec, url, body),
    body,
  };
}

runProviderContract({
  name: "bird",
  provider: (secret) => bird({ secret, publicUrl: origin }),
  secret: key,
  now,
  request: (options = {}) =>
    signedPost(
      birdInboundSample("Hallo ✓", { messageId: options.eventId ?? crypto.randomUUID() }),
      {
        ...(options.secret === undefined ? {} : { secret: options.secret }),
        ...(options.signedAt === undefined
          ? {}
          : { ts: Math.floor(options.signedAt.getTime() / 1000) }),
      },
    ),
  tamper: (req) => ({ ...req, body: req.body!.replace("Hallo", "Hello") }),
  unsign(req) {
    const { "messagebird-signature": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  // Validly signed, but an inbound message without its sender.
  badPayload: () =>
    signedPost(
      JSON.stringify({
        service: "channels",
        event: "sms.inbound",
        payload: { id: crypto.randomUUID(), status: "delivered" },
      }),
    ),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 300,
  bodyParser: express.json(),
});

/** An app with `bird()` at `mount`, the clock at `clock`. */
function appWith(
  options: {
    secret?: string;
    publicUrl?: string;
    mount?: string;
    clock?: Date;
    trustProxy?: boolean;
  } = {},
) {
  const built = routerApp(
    options.mount ?? "/hooks/bird",
    bird({
      secret: options.secret ?? key,
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    }),
    { clock: () => options.clock ?? now },
  );
  if (options.trustProxy === true) built.app.set("trust proxy", true);
  return built;
}

describe("bird: the providers-more.md §5 vector (B1)", () => {
  it("signs B1 as the documented algorithm does, in lib/ and in the independent signer", () => {
    expect(birdSignature(b1.key, b1.timestamp, b1.url, b1.body)).toBe(b1.signature);
    expect(signBird(b1.url, b1.body, b1.key, Number(b1.timestamp))).toEqual({
      "Content-Type": "application/json",
      "messagebird-signature": b1.signature,
      "messagebird-request-timestamp": b1.timestamp,
    });
  });

  it("delivers B1 as message.received, the text and sender as Bird sent them", async () => {
    const { app, events } = appWith({
      secret: b1.key,
      publicUrl: "https://example.com",
      mount: "/webhooks/bird",
      clock: new Date(Number(b1.timestamp) * 1000 + 2000),
    });
    const res = await send(app, {
      method: "POST",
      path: "/webhooks/bird",
      headers: {
        "content-type": "application/json",
        "messagebird-signature": b1.signature,
        "messagebird-request-timestamp": b1.timestamp,
      },
      body: b1.body,
    });
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.received",
        provider: "bird",
        id: "0f4d6e3a-1b2c-4d5e-8f90-123456789abc",
        verified: true,
        messageId: "0f4d6e3a-1b2c-4d5e-8f90-123456789abc",
        from: "+31612345678",
        text: "Hallo ✓",
        // B1 carries no createdAt: the signed time.
        receivedAt: new Date(Number(b1.timestamp) * 1000),
        channel: "sms",
        raw: JSON.parse(b1.body),
      },
    ]);
  });

  it("refuses B1 at the URL with a trailing slash, and logs the URL it checked", async () => {
    const { app, events, logger } = appWith({
      secret: b1.key,
      publicUrl: "https://example.com",
      mount: "/webhooks/bird",
      clock: new Date(Number(b1.timestamp) * 1000),
    });
    const res = await send(app, {
      method: "POST",
      path: "/webhooks/bird/",
      headers: {
        "content-type": "application/json",
        "messagebird-signature": b1.signature,
        "messagebird-request-timestamp": b1.timestamp,
      },
      body: b1.body,
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(res.text).not.toContain("example.com");
    expect(events).toHaveLength(0);
    expect(logger.entries[0]?.message).toContain("https://example.com/webhooks/bird/");
  });
});

describe("bird: events", () => {
  it.each([
    ["accepted", "accepted", false],
    ["processing", "accepted", false],
    ["sent", "sent", false],
    ["delivered", "delivered", true],
    ["sending_failed", "failed", true],
    ["delivery_failed", "failed", true],
    ["something_new", "unknown", false],
  ])("maps sms.outbound %s to %s (final: %s)", async (word, status, final) => {
    const { app, events } = appWith({ publicUrl: origin });
    const at = new Date("2025-01-01T11:59:58.250Z");
    const body = birdStatusSample(word, {
      messageId: "7c5d1a2b-0000-4000-8000-00000000abcd",
      at,
      reference: "order-7",
    });
    const res = await send(app, signedPost(body, { path: "/hooks/bird" }));
    expect(res.status).toBe(204);
    const failed = word === "sending_failed" || word === "delivery_failed";
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "bird",
        id: `7c5d1a2b-0000-4000-8000-00000000abcd:${word}`,
        verified: true,
        messageId: "7c5d1a2b-0000-4000-8000-00000000abcd",
        to: "+31612345678",
        recipients: ["+31612345678"],
        status,
        final,
        providerStatus: word,
        ...(failed ? { error: { message: "Unknown subscriber" } } : {}),
        occurredAt: at,
        clientRef: "order-7",
        channel: "sms",
        raw: JSON.parse(body),
      },
    ]);
  });

  it("hands each status of one message to the handler once, a re-signed retry as a duplicate", async () => {
    const { app, events } = appWith({ publicUrl: origin });
    const messageId = crypto.randomUUID();
    const sent = birdStatusSample("sent", { messageId });
    const delivered = birdStatusSample("delivered", { messageId });
    expect((await send(app, signedPost(sent, { path: "/hooks/bird" }))).status).toBe(204);
    expect((await send(app, signedPost(delivered, { path: "/hooks/bird" }))).status).toBe(204);
    // Bird's retry: the same body, signed again a minute later.
    const retry = await send(app, signedPost(delivered, { path: "/hooks/bird", ts: nowSec + 60 }));
    expect(retry.body).toEqual({ status: "duplicate" });
    expect(events.map((event) => event.type === "message.status" && event.status)).toEqual([
      "sent",
      "delivered",
    ]);
  });

  it("delivers another channel's inbound message with its channel", async () => {
    const { app, events } = appWith({ publicUrl: origin });
    const body = birdInboundSample("Hi").replace('"sms.inbound"', '"whatsapp.inbound"');
    expect((await send(app, signedPost(body, { path: "/hooks/bird" }))).status).toBe(204);
    expect(events[0]).toMatchObject({ type: "message.received", channel: "whatsapp", text: "Hi" });
  });

  it.each([
    [
      "an interaction",
      { service: "channels", event: "sms.interaction", payload: { id: "x" } },
      "sms.interaction",
    ],
    [
      "another service",
      { service: "numbers", event: "number.updated", payload: {} },
      "number.updated",
    ],
    ["no event name", { service: "channels" }, "unknown"],
  ])("delivers %s as unknown, keyed by the body", async (_what, value, eventName) => {
    const { app, events } = appWith({ publicUrl: origin });
    const body = JSON.stringify(value);
    const req = signedPost(body, { path: "/hooks/bird" });
    expect((await send(app, req)).status).toBe(204);
    expect((await send(app, req)).body).toEqual({ status: "duplicate" });
    expect(events).toEqual([
      {
        type: "unknown",
        provider: "bird",
        id: `sha256:${crypto.createHash("sha256").update(body).digest("hex")}`,
        verified: true,
        eventName,
        occurredAt: now,
        raw: value,
      },
    ]);
  });
});

describe("bird: the URL it signed", () => {
  it("builds it from Host and originalUrl without publicUrl, X-Forwarded-* only under trust proxy", async () => {
    const body = birdInboundSample("Hi");
    const signed = signedPost(body, {
      path: "/hooks/bird?tenant=a",
      url: "https://public.example.com/hooks/bird?tenant=a",
    });
    const [path, query] = signed.path.split("?");
    const req = {
      ...signed,
      path: path!,
      query: query!,
      headers: {
        ...signed.headers,
        "x-forwarded-proto": "https",
        "x-forwarded-host": "public.example.com",
      },
    };
    expect((await send(appWith().app, req)).status).toBe(401);
    const trusted = appWith({ trustProxy: true });
    expect((await send(trusted.app, req)).status).toBe(204);
  });
});

describe("bird: which scheme a request carries", () => {
  it("says in the log, not the answer, that a MessageBird JWT belongs to messageBird()", async () => {
    const { app, logger } = appWith({ publicUrl: origin });
    const body = birdStatusSample("delivered");
    const token = messageBirdJwt(messageBirdClaims(`${origin}/hooks/bird`, body, nowSec), key);
    const res = await send(app, {
      method: "POST",
      path: "/hooks/bird",
      headers: { "content-type": "application/json", "messagebird-signature-jwt": token },
      body,
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_missing");
    expect(res.text).not.toContain("messageBird()");
    expect(logger.entries[0]?.message).toContain("messageBird()");
  });
});
