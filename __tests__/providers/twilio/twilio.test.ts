// __tests__/providers/twilio/twilio.test.ts — Twilio's traffic end to end, checked against twilio's own SDK.

import crypto from "node:crypto";
import { twilioSdk } from "../../helpers/sdk-signatures.js";
import {
  createPipeline,
  MemoryStore,
  silentLogger,
  smsWebhook,
  twilio,
  type SmsEvent,
  smsEventOf,
} from "../../../lib/index.js";
import { signTwilio, signTwilioJson } from "../../../lib/testing/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import { twilioBodyHash, twilioForm, twilioSignature } from "../../helpers/twilio-signer.js";
import { runProviderContract } from "../provider-contract.js";
import { token, w1, w2, w8, w9 } from "./fixtures.js";

const origin = "https://hooks.example.com";
const now = new Date("2025-01-01T12:00:00Z");
const form = "application/x-www-form-urlencoded";
const sid = () => `SM${crypto.randomBytes(16).toString("hex")}`;

/** A form POST to `path` signed (independently of lib/) for `origin + path`. */
function signedPost(
  path: string,
  params: Record<string, string | string[]>,
  options: { secret?: string; url?: string } = {},
): TestRequest {
  const url = options.url ?? origin + path;
  return {
    method: "POST",
    path,
    headers: {
      "content-type": form,
      "x-twilio-signature": twilioSignature(options.secret ?? token, url, params),
    },
    body: twilioForm(params),
  };
}

const inbound = (messageSid = sid()) => ({ ...w1.params, MessageSid: messageSid });

runProviderContract({
  name: "twilio",
  provider: (secret) => twilio({ secret, publicUrl: origin }),
  secret: token,
  now,
  request: (options = {}) =>
    signedPost("/inbound", inbound(options.eventId ?? sid()), {
      ...(options.secret === undefined ? {} : { secret: options.secret }),
    }),
  tamper: (req) => ({ ...req, body: req.body!.replace("Body=H", "Body=J") }),
  unsign(req) {
    const { "x-twilio-signature": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () => signedPost("/inbound", { ...inbound(), NumMedia: "1" }),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: undefined,
  bodyParser: express.urlencoded({ extended: false }),
});

/** An app with the router at `/sms`, as the vectors' URLs have it. */
function appWith(options: { publicUrl?: string; store?: MemoryStore } = {}) {
  return routerApp(
    "/sms",
    twilio({ secret: token, publicUrl: options.publicUrl ?? "https://example.com" }),
    { clock: () => now, store: options.store ?? new MemoryStore() },
  );
}

/** A vector's request, exactly as Twilio sent it: its own signature, its form body. */
function vectorPost(path: string, params: Record<string, string>, signature: string): TestRequest {
  const [pathname = path, query] = path.split("?");
  return {
    method: "POST",
    path: pathname,
    ...(query === undefined ? {} : { query }),
    headers: { "content-type": form, "x-twilio-signature": signature },
    body: new URLSearchParams(params).toString(),
  };
}

describe("twilio: the providers-more.md §1 vectors", () => {
  it("signs W1, W2 and W9 as twilio's SDK and the independent signer do", () => {
    for (const vector of [w1, w2, w9]) {
      expect(signTwilio(vector.url, vector.params, token)).toBe(vector.signature);
      expect(twilioSignature(token, vector.url, vector.params)).toBe(vector.signature);
      expect(twilioSdk.getExpectedTwilioSignature(token, vector.url, vector.params)).toBe(
        vector.signature,
      );
    }
  });

  it("signs W8 (JSON, bodySHA256) as twilio's SDK does", () => {
    const signed = signTwilioJson("https://example.com/hook", w8.body, token);
    expect(signed).toEqual({ url: w8.url, signature: w8.signature });
    expect(twilioBodyHash(w8.body)).toBe(w8.bodySha256);
    expect(twilioSdk.validateRequestWithBody(token, w8.signature, w8.url, w8.body)).toBe(true);
  });

  it("delivers W1 as message.received, the account and sids kept in raw", async () => {
    const { app, events } = appWith();
    const res = await send(app, vectorPost("/sms/inbound", w1.params, w1.signature));
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.received",
        provider: "twilio",
        id: "SM0123456789abcdef0123456789abcdef",
        verified: true,
        messageId: "SM0123456789abcdef0123456789abcdef",
        from: "+14155550100",
        to: "+15005550006",
        text: "Héllo ✓ & =",
        receivedAt: now,
        channel: "sms",
        partsCount: 1,
        raw: { ...w1.params },
      },
    ]);
  });

  it("delivers W2 (a query string in the URL) as message.status delivered, final", async () => {
    const { app, events } = appWith();
    const res = await send(app, vectorPost("/sms/status?tenant=acme&x=1", w2.params, w2.signature));
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "twilio",
        id: "SMfedcba9876543210fedcba9876543210:delivered",
        verified: true,
        messageId: "SMfedcba9876543210fedcba9876543210",
        to: "+14155550100",
        recipients: ["+14155550100"],
        status: "delivered",
        final: true,
        providerStatus: "delivered",
        occurredAt: now,
        carrierTimestamp: new Date("2025-01-01T12:00:00Z"),
        channel: "sms",
        raw: { ...w2.params },
      },
    ]);
  });

  it("verifies W8's JSON body against its bodySHA256, and refuses the body changed", async () => {
    const events: SmsEvent[] = [];
    const app = express();
    app.post(
      "/hook",
      smsWebhook(twilio({ secret: token, publicUrl: "https://example.com" }), {
        logger: memoryLogger(),
      }),
      (req, res) => {
        events.push(smsEventOf(req));
        res.sendStatus(204);
      },
    );
    const json = (body: string, signature: string, hash = twilioBodyHash(body)): TestRequest => ({
      method: "POST",
      path: "/hook",
      query: `bodySHA256=${hash}`,
      headers: { "content-type": "application/json", "x-twilio-signature": signature },
      body,
    });
    // W8 verifies: its "SM1" is then no message sid (400, not 401).
    const vector = await send(app, json(w8.body, w8.signature));
    expect(vector.status).toBe(400);
    expect(vector.body.error.code).toBe("payload_invalid");
    const tampered = await send(
      app,
      json(w8.body.replace("SM1", "SM2"), w8.signature, w8.bodySha256),
    );
    expect(tampered.status).toBe(401);
    expect(tampered.body.error.code).toBe("signature_invalid");

    const body = JSON.stringify({
      MessageSid: sid(),
      MessageStatus: "delivered",
      To: "+14155550100",
    });
    const signed = twilioSdk.getExpectedTwilioSignature(
      token,
      `https://example.com/hook?bodySHA256=${twilioBodyHash(body)}`,
      {},
    );
    expect((await send(app, json(body, signed))).status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "message.status",
      status: "delivered",
      raw: JSON.parse(body),
    });
  });
});

describe("twilio: against twilio's own SDK", () => {
  const url = "https://example.com/sms/inbound";

  it("accepts what getExpectedTwilioSignature signs, and its validateRequest accepts signTwilio", async () => {
    const { app, events } = appWith();
    for (let i = 0; i < 20; i++) {
      const params = {
        ...inbound(),
        Body: crypto.randomBytes(12).toString("base64") + " ✓ & = + %",
        NumSegments: String(1 + (i % 3)),
      };
      const signature = twilioSdk.getExpectedTwilioSignature(token, url, params);
      expect(twilioSdk.validateRequest(token, signTwilio(url, params, token), url, params)).toBe(
        true,
      );
      expect(signTwilio(url, params, token)).toBe(signature);
      expect((await send(app, vectorPost("/sms/inbound", params, signature))).status).toBe(204);
    }
    expect(events).toHaveLength(20);
  });

  it("accepts a repeated key, its values de-duplicated and sorted as the SDK signs them", async () => {
    const { app, events } = appWith();
    const params = { ...inbound(), AddOns: ['{"b":1}', '{"a":2}', '{"b":1}'] };
    const signature = twilioSdk.getExpectedTwilioSignature(token, url, params);
    expect(twilioSignature(token, url, params)).toBe(signature);
    const req: TestRequest = {
      method: "POST",
      path: "/sms/inbound",
      headers: { "content-type": form, "x-twilio-signature": signature },
      body: twilioForm(params),
    };
    expect((await send(app, req)).status).toBe(204);
    expect((events[0]?.raw as Record<string, unknown>)["AddOns"]).toEqual(['{"a":2}', '{"b":1}']);
    // The same values in another order (or once fewer) sign the same: it is the same request.
    const reordered = { ...req, body: twilioForm({ ...params, AddOns: ['{"a":2}', '{"b":1}'] }) };
    expect((await send(app, reordered)).status).toBe(200);
  });

  it("reads a GET's parameters from the URL, which the signature covers", async () => {
    const { app, events } = appWith();
    const query = new URLSearchParams({
      tenant: "acme",
      ...w2.params,
      MessageSid: sid(),
    }).toString();
    const signature = twilioSdk.getExpectedTwilioSignature(
      token,
      `https://example.com/sms/status?${query}`,
      {},
    );
    const req: TestRequest = {
      method: "GET",
      path: "/sms/status",
      query,
      headers: { "x-twilio-signature": signature },
    };
    expect((await send(app, req)).status).toBe(204);
    expect(events[0]).toMatchObject({ type: "message.status", status: "delivered" });
    expect((events[0]?.raw as Record<string, unknown>)["tenant"]).toBe("acme");
    const changed = { ...req, query: query.replace("delivered", "undelivered") };
    expect((await send(app, changed)).status).toBe(401);
  });
});

describe("twilio: events", () => {
  async function deliver(path: "/inbound" | "/status", params: Record<string, string>) {
    const pipeline = createPipeline(twilio({ secret: token, publicUrl: origin }), {
      store: new MemoryStore(),
      clock: () => now,
      logger: silentLogger,
    });
    const body = new URLSearchParams(params).toString();
    const outcome = await pipeline.receive({
      method: "POST",
      url: path,
      rawQuery: "",
      headers: {
        "content-type": form,
        "x-twilio-signature": twilioSignature(token, origin + path, params),
      },
      rawBody: Buffer.from(body),
    });
    if (outcome.type !== "deliver")
      throw new Error(`expected a delivery, got ${JSON.stringify(outcome)}`);
    return outcome.delivery.event;
  }

  it("gives an MMS its media, kind by content type, and the mms channel", async () => {
    const messageSid = `MM${crypto.randomBytes(16).toString("hex")}`;
    const event = await deliver("/inbound", {
      ...inbound(messageSid),
      SmsMessageSid: messageSid,
      SmsSid: messageSid,
      Body: "",
      NumMedia: "2",
      MediaContentType0: "image/jpeg",
      MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
      MediaContentType1: "application/pdf",
      MediaUrl1: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2",
    });
    expect(event).toMatchObject({
      type: "message.received",
      text: "",
      channel: "mms",
      media: [
        {
          type: "image",
          url: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        },
        {
          type: "file",
          url: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2",
        },
      ],
    });
  });

  it("names the channel of WhatsApp traffic from its address", async () => {
    const event = await deliver("/inbound", { ...inbound(), From: "whatsapp:+14155550100" });
    expect(event).toMatchObject({ channel: "whatsapp", from: "whatsapp:+14155550100" });
  });

  it.each([
    ["accepted", "accepted", false],
    ["scheduled", "accepted", false],
    ["queued", "accepted", false],
    ["sending", "accepted", false],
    ["sent", "sent", false],
    ["delivered", "delivered", true],
    ["read", "read", true],
    ["undelivered", "failed", true],
    ["failed", "failed", true],
    ["canceled", "failed", true],
    ["partially_delivered", "unknown", false],
    ["something_new", "unknown", false],
  ])("maps MessageStatus %s to %s (final: %s)", async (word, status, final) => {
    const event = await deliver("/status", {
      ...w2.params,
      MessageSid: sid(),
      MessageStatus: word,
      SmsStatus: word,
    });
    expect(event).toMatchObject({
      type: "message.status",
      status,
      final,
      providerStatus: word,
      id: expect.stringMatching(new RegExp(`:${word}$`)),
    });
  });

  it.each([
    ["30003", "Unreachable destination handset"],
    ["30005", "Unknown destination handset"],
    ["30006", "Landline or unreachable carrier"],
    ["30007", "Message filtered"],
    ["30008", "Unknown error"],
    ["63016", "Twilio error 63016 (see https://www.twilio.com/docs/api/errors/63016)"],
  ])("says what ErrorCode %s means", async (code, meaning) => {
    const { RawDlrDoneDate: _date, ...params } = w2.params;
    const event = await deliver("/status", {
      ...params,
      MessageSid: sid(),
      MessageStatus: "undelivered",
      ErrorCode: code,
    });
    expect(event).toMatchObject({
      status: "failed",
      error: {
        code,
        message: expect.stringContaining(meaning),
        type: `https://www.twilio.com/docs/api/errors/${code}`,
      },
    });
  });

  it("keeps a price as its decimal string, with its unit", async () => {
    const event = await deliver("/status", {
      ...w2.params,
      MessageSid: sid(),
      Price: "-0.00790",
      PriceUnit: "USD",
    });
    expect(event).toMatchObject({ price: { amount: "-0.00790", currency: "USD" } });
  });

  it("delivers a signed request that is neither an inbound message nor a status as unknown", async () => {
    const event = await deliver("/status", {
      AccountSid: w2.params["AccountSid"]!,
      OptOutType: "STOP",
    });
    expect(event).toMatchObject({
      type: "unknown",
      eventName: "unknown",
      id: expect.stringMatching(/^sha256:/),
    });
  });
});
