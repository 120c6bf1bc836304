// __tests__/providers/plivo/plivo.test.ts — Plivo's traffic end to end, checked against plivo's own SDK.

import crypto from "node:crypto";
import { plivoSdk } from "../../helpers/sdk-signatures.js";
import {
  createPipeline,
  MemoryStore,
  plivo,
  silentLogger,
  smsWebhook,
} from "../../../lib/index.js";
import { plivoInboundSample, signPlivoV2, signPlivoV3 } from "../../../lib/testing/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import {
  plivoForm,
  plivoRequest,
  plivoV2Signature,
  plivoV3Signature,
  type PlivoParams,
  type PlivoSignedOptions,
} from "../../helpers/plivo-signer.js";
import { runProviderContract } from "../provider-contract.js";
import { nonce, p1, p2, p3, p4, token, v2 } from "./fixtures.js";

const origin = "https://hooks.example.com";
const now = new Date("2025-01-01T12:00:00Z");
const form = "application/x-www-form-urlencoded";
const uuid = () => crypto.randomUUID();

const inbound = (messageUuid: string = uuid()): Record<string, string> => ({
  ...p1.params,
  MessageUUID: messageUuid,
});

/** A form POST to `path`, signed (independently of lib/) for `origin + path`. */
const signedPost = (path: string, params: PlivoParams, options: PlivoSignedOptions = {}) =>
  plivoRequest(origin, "POST", path, params, token, options);

runProviderContract({
  name: "plivo",
  provider: (secret) => plivo({ secret, publicUrl: origin }),
  secret: token,
  now,
  request: (options = {}) =>
    signedPost("/inbound", inbound(options.eventId ?? uuid()), {
      ...(options.secret === undefined ? {} : { token: options.secret }),
    }),
  tamper: (req) => ({ ...req, body: req.body!.replace("Text=H", "Text=J") }),
  unsign(req) {
    const { "x-plivo-signature-v3": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () => signedPost("/inbound", { ...inbound(), MessageUUID: "not-a-uuid" }),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: undefined,
  bodyParser: express.urlencoded({ extended: false }),
});

/** An app with the router at `/plivo`, as the vectors' URLs have it. */
function appWith(publicUrl = "https://example.com") {
  return routerApp("/plivo", plivo({ secret: token, publicUrl }), { clock: () => now });
}

/** A vector's request, exactly as Plivo sent it: its own signature and nonce, its form body. */
function vectorRequest(
  vector: { method: "GET" | "POST"; url: string; params: Record<string, string> },
  signature: string,
  version: "v3" | "v2" = "v3",
): TestRequest {
  const { pathname, search } = new URL(vector.url);
  return {
    method: vector.method,
    path: pathname,
    ...(search === "" ? {} : { query: search.slice(1) }),
    headers: {
      ...(vector.method === "POST" ? { "content-type": form } : {}),
      [`x-plivo-signature-${version}`]: signature,
      [`x-plivo-signature-${version}-nonce`]: nonce,
    },
    ...(vector.method === "POST" ? { body: plivoForm(vector.params) } : {}),
  };
}

describe("plivo: the providers-more.md §3 vectors", () => {
  it.each([
    ["P1", p1],
    ["P2", p2],
    ["P3", p3],
    ["P4", p4],
  ])("signs %s as plivo's SDK and the independent signer do", (_name, vector) => {
    const { method, url, params, signature } = vector;
    expect(signPlivoV3(method, url, params, nonce, token)).toBe(signature);
    expect(plivoV3Signature(token, method, url, nonce, params)).toBe(signature);
    expect(plivoSdk.validateV3Signature(method, url, nonce, token, signature, params)).toBe(true);
  });

  it("signs the V2 vector as plivo's SDK and the independent signer do", () => {
    expect(signPlivoV2(v2.url, nonce, token)).toBe(v2.signature);
    expect(plivoV2Signature(token, v2.url, nonce)).toBe(v2.signature);
    expect(plivoSdk.validateSignature(v2.url, nonce, v2.signature, token)).toBe(true);
  });

  it("delivers P1 as message.received, every parameter kept in raw", async () => {
    const { app, events } = appWith();
    const res = await send(app, vectorRequest(p1, p1.signature));
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.received",
        provider: "plivo",
        id: "2a3e5e2c-1c1a-11f0-9c4f-0242ac110002",
        verified: true,
        messageId: "2a3e5e2c-1c1a-11f0-9c4f-0242ac110002",
        from: "14155550100",
        to: "14155550199",
        text: "Hello there",
        receivedAt: now,
        channel: "sms",
        partsCount: 1,
        price: { amount: "0" },
        raw: { ...p1.params },
      },
    ]);
  });

  it("delivers P2 (a query string in the URL) as message.status delivered, final", async () => {
    const { app, events } = appWith();
    const res = await send(app, vectorRequest(p2, p2.signature));
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "plivo",
        id: "db3ce55a-7f1d-11f0-8a8e-0242ac110003:delivered",
        verified: true,
        messageId: "db3ce55a-7f1d-11f0-8a8e-0242ac110003",
        to: "14155550100",
        recipients: ["14155550100"],
        status: "delivered",
        final: true,
        providerStatus: "delivered",
        price: { amount: "0.0050" },
        occurredAt: now,
        networkCode: "310260",
        partsCount: 1,
        channel: "sms",
        raw: { ...p2.params },
      },
    ]);
  });

  it("verifies P3 (a GET) and then refuses its MessageUUID, which is no UUID (400, not 401)", async () => {
    const { app, events } = appWith();
    const res = await send(app, vectorRequest(p3, p3.signature));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
    expect(res.body.error.message).toContain("MessageUUID");
    expect(events).toHaveLength(0);
  });

  it("verifies P4's non-ASCII text as UTF-8 once (the Node SDK), not as plivo-python signs it", async () => {
    const { app, events } = appWith();
    expect((await send(app, vectorRequest(p4, p4.pythonSignature))).status).toBe(401);
    // P4 carries no MessageUUID: validly signed, it is delivered as an unknown event.
    expect((await send(app, vectorRequest(p4, p4.signature))).status).toBe(204);
    expect(events).toMatchObject([{ type: "unknown", raw: { Text: "Olá ✓" } }]);
  });

  it("binds a V2 signature, which covers neither query nor body, to the first request it came with", async () => {
    const { app, events } = appWith();
    const sms = inbound();
    const v2Request = (query: string, text: string): TestRequest => ({
      ...vectorRequest(
        { method: "POST", url: v2.url, params: { ...sms, Text: text } },
        v2.signature,
        "v2",
      ),
      query,
    });
    expect((await send(app, v2Request("x=1", "signed"))).status).toBe(204);
    // The captured signature with another body, or another query: refused, not handled.
    for (const replay of [v2Request("x=1", "not signed at all"), v2Request("x=2", "signed")]) {
      const res = await send(app, replay);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("signature_reused");
    }
    // The very same request again (Plivo's retry): a duplicate.
    expect((await send(app, v2Request("x=1", "signed"))).body).toEqual({ status: "duplicate" });
    expect(events.map((event) => event.type === "message.received" && event.text)).toEqual([
      "signed",
    ]);
  });
});

describe("plivo: against plivo's own SDK", () => {
  const url = "https://example.com/plivo/inbound";

  it("accepts what the SDK validates, and the SDK validates signPlivoV3", async () => {
    const { app, events } = appWith();
    for (let i = 0; i < 20; i++) {
      const params = {
        ...inbound(),
        Text: `${crypto.randomBytes(12).toString("base64")} ✓ & = + % é 😀`,
        Units: String(1 + (i % 3)),
      };
      const fresh = String(10_000_000_000_000_000_000n + BigInt(i));
      const signature = signPlivoV3("POST", url, params, fresh, token);
      expect(plivoSdk.validateV3Signature("POST", url, fresh, token, signature, params)).toBe(true);
      expect(plivoV3Signature(token, "POST", url, fresh, params)).toBe(signature);
      const req = vectorRequest({ method: "POST", url, params }, signature);
      req.headers["x-plivo-signature-v3-nonce"] = fresh;
      expect((await send(app, req)).status).toBe(204);
    }
    expect(events).toHaveLength(20);
  });

  it("accepts any signature of a comma-separated list, as the SDK does", async () => {
    const { app, events } = appWith(origin);
    const req = signedPost("/plivo/inbound", inbound());
    const signature = req.headers["x-plivo-signature-v3"]!;
    const other = plivoV3Signature("another-token", "POST", `${origin}/plivo/inbound`, "1", {});
    const list = `${other},${signature}`;
    const params = Object.fromEntries(new URLSearchParams(req.body));
    const sdkNonce = req.headers["x-plivo-signature-v3-nonce"]!;
    expect(
      plivoSdk.validateV3Signature(
        "POST",
        `${origin}/plivo/inbound`,
        sdkNonce,
        token,
        list,
        params,
      ),
    ).toBe(true);
    const listed = { ...req, headers: { ...req.headers, "x-plivo-signature-v3": list } };
    expect((await send(app, listed)).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("accepts the main account's -Ma- headers, checked against the same Auth Tokens", async () => {
    const { app, events } = appWith(origin);
    const main = "main-account-auth-token-000000000000";
    const provider = plivo({ secret: [token, main], publicUrl: origin });
    const both = express();
    both.use(
      "/plivo",
      smsWebhook.router(provider, {
        logger: memoryLogger(),
        handler: (_req, res) => res.sendStatus(204),
      }),
    );
    const v3 = signedPost("/plivo/inbound", inbound(), { token: main, mainAccount: true });
    const v2Ma = signedPost("/plivo/inbound", inbound(), {
      token: main,
      mainAccount: true,
      version: "v2",
    });
    expect((await send(both, v3)).status).toBe(204);
    expect((await send(both, v2Ma)).status).toBe(204);
    // Without the main account's token configured, its -Ma- signature matches nothing.
    expect((await send(app, v3)).status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it("accepts a V2 signature the SDK's validateSignature accepts, from a GET's query", async () => {
    const { app, events } = appWith();
    const params = { ...p2.params, MessageUUID: uuid(), Status: "sent" };
    const query = new URLSearchParams(params).toString();
    const sdkUrl = `https://example.com/plivo/status?${query}`;
    const signature = signPlivoV2(sdkUrl, nonce, token);
    expect(plivoSdk.validateSignature(sdkUrl, nonce, signature, token)).toBe(true);
    const req: TestRequest = {
      method: "GET",
      path: "/plivo/status",
      query,
      headers: { "x-plivo-signature-v2": signature, "x-plivo-signature-v2-nonce": nonce },
    };
    expect((await send(app, req)).status).toBe(204);
    expect(events[0]).toMatchObject({ type: "message.status", status: "sent", final: false });
  });

  it("reads a V3 GET's parameters from the URL, which the signature covers", async () => {
    const { app, events } = appWith();
    const params = { tenant: "acme", ...p2.params, MessageUUID: uuid() };
    const query = new URLSearchParams(params).toString();
    const sdkUrl = `https://example.com/plivo/status?${query}`;
    const signature = plivoV3Signature(token, "GET", sdkUrl, nonce);
    expect(plivoSdk.validateV3Signature("GET", sdkUrl, nonce, token, signature, {})).toBe(true);
    const req: TestRequest = {
      method: "GET",
      path: "/plivo/status",
      query,
      headers: { "x-plivo-signature-v3": signature, "x-plivo-signature-v3-nonce": nonce },
    };
    expect((await send(app, req)).status).toBe(204);
    expect(events[0]).toMatchObject({ type: "message.status", status: "delivered" });
    expect((events[0]?.raw as Record<string, unknown>)["tenant"]).toBe("acme");
    const changed = { ...req, query: query.replace("delivered", "undelivered") };
    expect((await send(app, changed)).status).toBe(401);
  });
});

describe("plivo: events", () => {
  async function deliver(path: "/inbound" | "/status", params: Record<string, string>) {
    const pipeline = createPipeline(plivo({ secret: token, publicUrl: origin }), {
      store: new MemoryStore(),
      clock: () => now,
      logger: silentLogger,
    });
    const req = signedPost(path, params);
    const outcome = await pipeline.receive({
      method: "POST",
      url: path,
      rawQuery: "",
      headers: req.headers,
      rawBody: Buffer.from(req.body!),
    });
    if (outcome.type !== "deliver") {
      throw new Error(`expected a delivery, got ${JSON.stringify(outcome)}`);
    }
    return outcome.delivery.event;
  }

  it("gives an MMS its Body as text, its media in order, and the mms channel", async () => {
    const event = await deliver("/inbound", {
      ...plivoInboundSample("Look", {
        media: [
          "https://media.plivo.com/v1/Account/MA1/Media/a",
          "https://media.plivo.com/v1/Account/MA1/Media/b",
        ],
      }),
    });
    expect(event).toMatchObject({
      type: "message.received",
      text: "Look",
      channel: "mms",
      media: [
        { type: "file", url: "https://media.plivo.com/v1/Account/MA1/Media/a" },
        { type: "file", url: "https://media.plivo.com/v1/Account/MA1/Media/b" },
      ],
    });
  });

  it("reads media numbered from 0, as Plivo's support articles show it", async () => {
    const { Media1: first, ...rest } = plivoInboundSample("", {
      media: ["https://media.plivo.com/m/0"],
    });
    const event = await deliver("/inbound", { ...rest, Media0: first! });
    expect(event).toMatchObject({ media: [{ type: "file", url: "https://media.plivo.com/m/0" }] });
  });

  it("names a WhatsApp message's channel and its media's kind from MimeType", async () => {
    const { Text: _text, ...sms } = inbound();
    const event = await deliver("/inbound", {
      ...sms,
      Type: "whatsapp",
      Body: "photo",
      ContentType: "media",
      MimeType: "image/jpeg",
      Media0: "https://media.plivo.com/m/wa",
    });
    expect(event).toMatchObject({
      channel: "whatsapp",
      text: "photo",
      media: [{ type: "image", url: "https://media.plivo.com/m/wa" }],
    });
  });

  it.each([
    ["queued", "accepted", false],
    ["sent", "sent", false],
    ["delivered", "delivered", true],
    ["read", "read", true],
    ["undelivered", "failed", true],
    ["failed", "failed", true],
    ["rejected", "rejected", true],
    ["something_new", "unknown", false],
  ])("maps Status %s to %s (final: %s)", async (word, status, final) => {
    const event = await deliver("/status", { ...p2.params, MessageUUID: uuid(), Status: word });
    expect(event).toMatchObject({
      type: "message.status",
      status,
      final,
      providerStatus: word,
      id: expect.stringMatching(new RegExp(`:${word}$`)),
    });
  });

  it.each([
    ["30", "Spam detected"],
    ["50", "Invalid destination number"],
    ["80", "Destination temporarily unavailable"],
    ["200", "replied STOP"],
    ["1000", "Unknown error"],
    [
      "451",
      "Plivo error 451 (see https://www.plivo.com/docs/messaging/troubleshooting/error-codes)",
    ],
  ])("says what ErrorCode %s means", async (code, meaning) => {
    const event = await deliver("/status", {
      ...p2.params,
      MessageUUID: uuid(),
      Status: "undelivered",
      ErrorCode: code,
    });
    expect(event).toMatchObject({
      status: "failed",
      error: {
        code,
        message: expect.stringContaining(meaning),
        type: "https://www.plivo.com/docs/messaging/troubleshooting/error-codes",
      },
    });
  });

  it.each(["000", "", "0"])("reports no error for ErrorCode %j", async (code) => {
    const event = await deliver("/status", { ...p2.params, MessageUUID: uuid(), ErrorCode: code });
    expect(event).not.toHaveProperty("error");
  });

  it("keeps TotalAmount as its decimal string, with no currency Plivo does not send", async () => {
    const event = await deliver("/status", {
      ...p2.params,
      MessageUUID: uuid(),
      TotalAmount: "0.01500",
    });
    expect(event).toMatchObject({ price: { amount: "0.01500" } });
    expect((event as { price: object }).price).not.toHaveProperty("currency");
  });

  it("delivers a signed request that is neither an inbound message nor a status as unknown", async () => {
    const event = await deliver("/status", { CallUUID: uuid(), CallStatus: "completed" });
    expect(event).toMatchObject({
      type: "unknown",
      eventName: "unknown",
      id: expect.stringMatching(/^sha256:/),
    });
  });
});
