// __tests__/providers/telnyx/telnyx.test.ts — Telnyx's traffic end to end, checked against telnyx's own verifier.

import crypto from "node:crypto";
import {
  createPipeline,
  MemoryStore,
  OptionsError,
  silentLogger,
  telnyx,
} from "../../../lib/index.js";
import { signTelnyx, telnyxKeyPair } from "../../../lib/testing/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import {
  keyPairFromSeed,
  keyPairNamed,
  TelnyxWebhook,
  telnyxHeaders,
  telnyxSignature,
} from "../../helpers/telnyx-signer.js";
import { runProviderContract } from "../provider-contract.js";
import { finalized, received, seedHex } from "./fixtures.js";

const now = new Date("2025-01-01T12:00:00Z");
const nowSec = Math.floor(now.getTime() / 1000);

/** The vector's message.received with a fresh data.id and the message id Telnyx always sends. */
const inboundBody = (eventId: string = crypto.randomUUID()) =>
  received.body
    .replace("b301ed3f-1490-491f-995f-6e64e69674d4", eventId)
    .replace('"direction"', `"id":"${crypto.randomUUID()}","direction"`);

function signedPost(
  body: string,
  options: { key?: crypto.KeyObject; timestamp?: string | number } = {},
): TestRequest {
  const key = options.key ?? keyPairNamed("telnyx-contract-key").privateKey;
  return {
    method: "POST",
    path: "/",
    headers: telnyxHeaders(key, options.timestamp ?? nowSec, body),
    body,
  };
}

// The contract's "secrets" are names, each standing for a key pair derived from it: the provider
// is configured with their public keys, and requests are signed with their private keys.
runProviderContract({
  name: "telnyx",
  provider: (names) =>
    telnyx({
      publicKey: (typeof names === "string" ? [names] : names).map(
        (name) => keyPairNamed(name).publicKey,
      ),
    }),
  secret: "telnyx-contract-key",
  now,
  request: (options = {}) =>
    signedPost(inboundBody(options.eventId), {
      key: keyPairNamed(options.secret ?? "telnyx-contract-key").privateKey,
      timestamp: Math.floor((options.signedAt ?? now).getTime() / 1000),
    }),
  tamper: (req) => ({ ...req, body: req.body!.replace("Hello", "Jello") }),
  unsign(req) {
    const { "telnyx-signature-ed25519": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () => signedPost(inboundBody().replace('"from":{', '"sender":{')),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 300,
  bodyParser: express.json(),
});

/** An app with the provider for `publicKey` at `/hooks/telnyx`, its clock at `at`. */
function appWith(publicKey: string | string[], at: Date) {
  return routerApp("/hooks/telnyx", telnyx({ publicKey }), { clock: () => at });
}

const vectorPost = (vector: typeof finalized, headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  path: "/hooks/telnyx",
  headers: {
    "content-type": "application/json",
    "telnyx-signature-ed25519": vector.signature,
    "telnyx-timestamp": vector.timestamp,
    ...headers,
  },
  body: vector.body,
});

const vectorTime = (vector: typeof finalized) => new Date(Number(vector.timestamp) * 1000 + 10_000);

describe("telnyx: the providers-more.md §2 vectors", () => {
  it("derives §2's public key from the RFC 8032 seed, as the script does", () => {
    expect(keyPairFromSeed(seedHex).publicKey).toBe(finalized.publicKey);
    const seed = Buffer.from(seedHex, "hex").toString("base64");
    expect(telnyxKeyPair(seed)).toEqual({ publicKey: finalized.publicKey, privateKey: seed });
  });

  it("signs the vector's bytes independently as Telnyx did (Ed25519 is deterministic)", () => {
    // signTelnyx's reproduction of it is in __tests__/testing/signers.test.ts.
    const { privateKey } = keyPairFromSeed(seedHex);
    expect(telnyxSignature(privateKey, finalized.timestamp, finalized.body)).toBe(
      finalized.signature,
    );
  });

  it("delivers the message.finalized vector as one final message.status", async () => {
    const { app, events } = appWith(finalized.publicKey, vectorTime(finalized));
    const res = await send(app, vectorPost(finalized));
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "telnyx",
        id: "4ee8c3a6-4995-4309-a3c6-38e3db9ea4be",
        verified: true,
        messageId: "40317f5e-5b5a-4c4b-9a6c-0a0a0a0a0a0a",
        to: "+13125550001",
        recipients: ["+13125550001"],
        recipientStatuses: [
          { to: "+13125550001", status: "delivered", providerStatus: "delivered" },
        ],
        status: "delivered",
        final: true,
        providerStatus: "delivered",
        price: { amount: "0.0040", currency: "USD" },
        occurredAt: new Date("2025-01-01T12:01:00Z"),
        channel: "sms",
        partsCount: 1,
        raw: JSON.parse(finalized.body),
      },
    ]);
  });

  it("verifies the message.received vector, whose shortened payload lacks the message id", async () => {
    // providers.md shortened Telnyx's example: its payload has no `id`, which Telnyx always
    // sends. Verified (not 401), then refused as a payload, naming the field.
    const { app, events } = appWith(received.publicKey, vectorTime(received));
    const res = await send(app, vectorPost(received));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "payload_invalid",
      message: expect.stringContaining("data.payload.id"),
    });
    expect(events).toHaveLength(0);
  });

  it("delivers the message.received vector's text (with a `|` and ✓) once it has a message id", async () => {
    const pair = keyPairNamed("telnyx-received");
    const body = received.body.replace(
      '"direction"',
      '"id":"84cca175-9755-4859-b67f-4730d7f58aa3","direction"',
    );
    const { app, events } = appWith(pair.publicKey, vectorTime(received));
    const req = {
      method: "POST" as const,
      path: "/hooks/telnyx",
      headers: telnyxHeaders(pair.privateKey, received.timestamp, body),
      body,
    };
    expect((await send(app, req)).status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.received",
        provider: "telnyx",
        id: "b301ed3f-1490-491f-995f-6e64e69674d4",
        verified: true,
        messageId: "84cca175-9755-4859-b67f-4730d7f58aa3",
        from: "+13125550001",
        to: "+13125550002",
        text: "Hello | world ✓",
        receivedAt: new Date("2025-01-01T12:00:00Z"),
        channel: "sms",
        raw: JSON.parse(body),
      },
    ]);
  });

  it("refuses the vector's body pretty-printed (re-serialized JSON never verifies)", async () => {
    const { app, events } = appWith(finalized.publicKey, vectorTime(finalized));
    const pretty = {
      ...vectorPost(finalized),
      body: JSON.stringify(JSON.parse(finalized.body), null, 2),
    };
    const res = await send(app, pretty);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    // Not even compact re-serialization is safe in general; here it happens to be identical.
    expect(JSON.stringify(JSON.parse(finalized.body))).toBe(finalized.body);
    expect(events).toHaveLength(0);
  });

  it("refuses the vector with telnyx-timestamp moved by one second (the timestamp is signed)", async () => {
    const { app } = appWith(finalized.publicKey, vectorTime(finalized));
    const moved = vectorPost(finalized, {
      "telnyx-timestamp": String(Number(finalized.timestamp) + 1),
    });
    const res = await send(app, moved);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
  });

  it("answers the old telnyx-signature header alone with signature_missing, naming it", async () => {
    const { app } = appWith(finalized.publicKey, vectorTime(finalized));
    const req = vectorPost(finalized);
    const { "telnyx-signature-ed25519": signature, ...headers } = req.headers;
    const res = await send(app, { ...req, headers: { ...headers, "telnyx-signature": signature } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_missing");
    expect(res.body.error.message).toContain("telnyx-signature-ed25519");
  });

  it("verifies the vectors with TelnyxWebhook.verify, and refuses the same changes", async () => {
    jest.useFakeTimers({ now: vectorTime(finalized), doNotFake: ["nextTick", "setImmediate"] });
    try {
      const sdk = new TelnyxWebhook(finalized.publicKey);
      const headers = vectorPost(finalized).headers;
      await expect(sdk.verify(finalized.body, headers)).resolves.toBeUndefined();
      const pretty = JSON.stringify(JSON.parse(finalized.body), null, 2);
      await expect(sdk.verify(pretty, headers)).rejects.toThrow(/does not match/);
      const moved = { ...headers, "telnyx-timestamp": String(Number(finalized.timestamp) + 1) };
      await expect(sdk.verify(finalized.body, moved)).rejects.toThrow(/does not match/);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("telnyx: against telnyx's own verifier", () => {
  it("accepts what the independent signer signs, and TelnyxWebhook.verify accepts signTelnyx", async () => {
    const pair = telnyxKeyPair();
    const sdk = new TelnyxWebhook(pair.publicKey);
    const { app, events } = appWith(pair.publicKey, now);
    const privateKey = crypto.createPrivateKey({
      key: Buffer.concat([
        Buffer.from("302e020100300506032b657004220420", "hex"),
        Buffer.from(pair.privateKey, "base64"),
      ]),
      format: "der",
      type: "pkcs8",
    });
    jest.useFakeTimers({ now, doNotFake: ["nextTick", "setImmediate"] });
    try {
      for (let i = 0; i < 10; i++) {
        const body = inboundBody().replace(
          "Hello | world ✓",
          `${crypto.randomBytes(12).toString("base64")} | ✓ \\"é\\" \\n`,
        );
        const ours = signTelnyx(body, pair.privateKey, nowSec);
        await expect(sdk.verify(body, ours)).resolves.toBeUndefined();
        const theirs = telnyxHeaders(privateKey, nowSec, body);
        expect(theirs["telnyx-signature-ed25519"]).toBe(ours["telnyx-signature-ed25519"]);
        const req = { method: "POST" as const, path: "/hooks/telnyx", headers: theirs, body };
        expect((await send(app, req)).status).toBe(204);
      }
    } finally {
      jest.useRealTimers();
    }
    expect(events).toHaveLength(10);
  });
});

describe("telnyx({ publicKey })", () => {
  const valid = finalized.publicKey;

  it.each([
    ["a key one byte short", Buffer.alloc(31, 7).toString("base64")],
    ["a key one byte long", Buffer.alloc(33, 7).toString("base64")],
    ["a hex key", Buffer.from(valid, "base64").toString("hex")],
    ["a base64url key", Buffer.from(valid, "base64").toString("base64url")],
    ["a key without its padding", valid.replace(/=$/, "")],
    [
      "a PEM key",
      "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAPUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=\n-----END PUBLIC KEY-----",
    ],
    ["an empty string", ""],
    ["the all-zero key (a small-order point)", Buffer.alloc(32).toString("base64")],
    ["the identity point", Buffer.from(`01${"00".repeat(31)}`, "hex").toString("base64")],
  ])("refuses %s at construction with an OptionsError naming publicKey", (_name, publicKey) => {
    expect(() => telnyx({ publicKey })).toThrow(OptionsError);
    expect(() => telnyx({ publicKey })).toThrow(/option "publicKey"/);
  });

  it("names the bad key of a rotation list by its index", () => {
    expect(() => telnyx({ publicKey: [valid, "short"] })).toThrow(/option "publicKey\.1"/);
  });

  it("refuses a missing publicKey and an unknown option", () => {
    expect(() => telnyx({} as never)).toThrow(
      expect.objectContaining({
        code: "ERR_SMS_WEBHOOKS_MISSING_OPTION",
        message: expect.stringMatching(/option "publicKey" is required: it must be the account's/),
      }),
    );
    expect(() => telnyx({ publicKey: valid, secret: "x" } as never)).toThrow(
      /unknown option "secret"/,
    );
  });

  it("would be forgeable with the all-zero key: an all-zero signature verifies any body", () => {
    // Why the weak keys are refused: OpenSSL accepts this forgery.
    const zero = crypto.createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: Buffer.alloc(32).toString("base64url") },
      format: "jwk",
    });
    expect(crypto.verify(null, Buffer.from("1735732800|{}"), zero, Buffer.alloc(64))).toBe(true);
  });
});

describe("telnyx: events", () => {
  const pair = keyPairNamed("telnyx-events");

  async function deliver(body: string) {
    const pipeline = createPipeline(telnyx({ publicKey: pair.publicKey }), {
      store: new MemoryStore(),
      clock: () => now,
      logger: silentLogger,
    });
    const outcome = await pipeline.receive({
      method: "POST",
      url: "/",
      rawQuery: "",
      headers: telnyxHeaders(pair.privateKey, nowSec, body),
      rawBody: Buffer.from(body),
    });
    if (outcome.type !== "deliver") {
      throw new Error(`expected a delivery, got ${JSON.stringify(outcome)}`);
    }
    return outcome.delivery.event;
  }

  /** The §2 vector's message with `payload` changes, as `eventType`, a fresh data.id. */
  function outbound(eventType: string, payload: Record<string, unknown> = {}): string {
    const vector = JSON.parse(finalized.body) as { data: Record<string, unknown> };
    const data = vector.data as { payload: Record<string, unknown> };
    return JSON.stringify({
      ...vector,
      data: {
        ...data,
        id: crypto.randomUUID(),
        event_type: eventType,
        payload: { ...data.payload, ...payload },
      },
    });
  }

  const recipient = (phone_number: string, status: string) => ({ phone_number, status });

  it.each([
    ["queued", "accepted"],
    ["sending", "accepted"],
    ["sent", "sent"],
    ["delivered", "delivered"],
    ["read", "read"],
    ["delivery_failed", "failed"],
    ["sending_failed", "failed"],
    ["expired", "expired"],
    ["delivery_unconfirmed", "unknown"],
    ["something_new", "unknown"],
  ])("maps to[].status %s to %s", async (word, status) => {
    const sent = await deliver(outbound("message.sent", { to: [recipient("+1555", word)] }));
    expect(sent).toMatchObject({
      type: "message.status",
      status,
      providerStatus: word,
      final: false,
    });
  });

  it.each([
    ["delivered", true],
    ["read", true],
    ["delivery_failed", true],
    ["sending_failed", true],
    ["expired", true],
    ["delivery_unconfirmed", true],
    ["sent", false],
    ["something_new", false],
  ])("is final from message.finalized with %s: %s", async (word, final) => {
    const event = await deliver(outbound("message.finalized", { to: [recipient("+1555", word)] }));
    expect(event).toMatchObject({ type: "message.status", final });
  });

  it("makes a group MMS one event, each recipient's status kept, final only when all are", async () => {
    const to = [recipient("+15550001", "delivered"), recipient("+15550002", "delivery_failed")];
    const cc = [recipient("+15550003", "delivered")];
    const event = await deliver(outbound("message.finalized", { to, cc, type: "MMS" }));
    expect(event).toMatchObject({
      type: "message.status",
      recipients: ["+15550001", "+15550002", "+15550003"],
      recipientStatuses: [
        { to: "+15550001", status: "delivered", providerStatus: "delivered" },
        { to: "+15550002", status: "failed", providerStatus: "delivery_failed" },
        { to: "+15550003", status: "delivered", providerStatus: "delivered" },
      ],
      // Ended differently: no one status is true of the message.
      status: "unknown",
      providerStatus: "delivered,delivery_failed",
      final: true,
      channel: "mms",
    });
    expect(event).not.toHaveProperty("to");

    const pending = await deliver(
      outbound("message.finalized", {
        to: [recipient("+1", "delivered"), recipient("+2", "sent")],
      }),
    );
    expect(pending).toMatchObject({ status: "sent", final: false });
    const failing = await deliver(
      outbound("message.finalized", {
        to: [recipient("+1", "delivery_failed"), recipient("+2", "sending_failed")],
      }),
    );
    expect(failing).toMatchObject({
      status: "failed",
      providerStatus: "delivery_failed,sending_failed",
      final: true,
    });
    const queued = await deliver(
      outbound("message.sent", { to: [recipient("+1", "sent"), recipient("+2", "queued")] }),
    );
    expect(queued).toMatchObject({ status: "accepted", final: false });
  });

  it("turns errors into error: the first code, every title and detail", async () => {
    const event = await deliver(
      outbound("message.finalized", {
        to: [recipient("+1555", "delivery_failed")],
        errors: [
          { code: "40008", title: "Undeliverable", detail: "The destination is unreachable." },
          { code: "40300", title: "Blocked as spam - internal" },
        ],
      }),
    );
    expect(event).toMatchObject({
      status: "failed",
      error: {
        code: "40008",
        message: "Undeliverable: The destination is unreachable.; Blocked as spam - internal",
      },
    });
  });

  it("keeps the cost's decimal string as sent, and leaves out a null cost", async () => {
    const priced = await deliver(
      outbound("message.finalized", { cost: { amount: "0.00250", currency: "EUR" } }),
    );
    expect(priced).toMatchObject({ price: { amount: "0.00250", currency: "EUR" } });
    const free = await deliver(outbound("message.sent", { cost: null }));
    expect(free).not.toHaveProperty("price");
    const unpriced = await deliver(
      outbound("message.sent", { cost: { amount: null, currency: null } }),
    );
    expect(unpriced).not.toHaveProperty("price");
  });

  it("gives an inbound MMS its media, kind by content type, and its parts count", async () => {
    const body = JSON.stringify({
      data: {
        event_type: "message.received",
        id: crypto.randomUUID(),
        occurred_at: "2025-01-01T12:00:00.000+00:00",
        payload: {
          id: "msg-1",
          from: { phone_number: "+13125550001" },
          to: [{ phone_number: "+13125550002", status: "webhook_delivered" }],
          text: null,
          media: [
            { url: "https://media.telnyx.com/a.jpg", content_type: "image/jpeg", size: 1 },
            { url: "https://media.telnyx.com/b.vcf", content_type: "text/vcard" },
            { url: "https://media.telnyx.com/c", content_type: null },
          ],
          parts: 1,
          received_at: "2025-01-01T11:59:58.000+00:00",
          cost: { amount: "0.0000", currency: "USD" },
          type: "MMS",
        },
        record_type: "event",
      },
    });
    expect(await deliver(body)).toMatchObject({
      type: "message.received",
      text: "",
      channel: "mms",
      partsCount: 1,
      receivedAt: new Date("2025-01-01T11:59:58Z"),
      price: { amount: "0.0000", currency: "USD" },
      media: [
        { type: "image", url: "https://media.telnyx.com/a.jpg" },
        { type: "file", url: "https://media.telnyx.com/b.vcf" },
        { type: "file", url: "https://media.telnyx.com/c" },
      ],
    });
  });

  it("reads a WhatsApp message's single `to` number", async () => {
    const body = inboundBody().replace(
      '"to":[{"phone_number":"+13125550002"}]',
      '"to":"+13125550002"',
    );
    expect(await deliver(body)).toMatchObject({ type: "message.received", to: "+13125550002" });
  });

  it("delivers other validly signed event types as unknown, deduped on data.id", async () => {
    const event = await deliver(outbound("message.read"));
    expect(event).toMatchObject({
      type: "unknown",
      eventName: "message.read",
      id: expect.any(String),
    });
  });

  it("answers Telnyx's retry of an event, re-signed later, as a duplicate", async () => {
    const { app, events } = appWith(pair.publicKey, now);
    const body = inboundBody();
    const first = { ...signedPost(body, { key: pair.privateKey }), path: "/hooks/telnyx" };
    const retry = {
      ...signedPost(body, { key: pair.privateKey, timestamp: nowSec + 30 }),
      path: "/hooks/telnyx",
    };
    expect((await send(app, first)).status).toBe(204);
    const again = await send(app, retry);
    expect({ status: again.status, body: again.body }).toEqual({
      status: 200,
      body: { status: "duplicate" },
    });
    expect(events).toHaveLength(1);
  });
});
