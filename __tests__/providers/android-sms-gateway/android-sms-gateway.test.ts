// __tests__/providers/android-sms-gateway/android-sms-gateway.test.ts — the app's traffic, end to end.

import { androidSmsGateway, smsWebhook, type SmsEvent, smsEventOf } from "../../../lib/index.js";
import { express } from "../../helpers/app.js";
import { signAndroid } from "../../helpers/android-signer.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import { runProviderContract } from "../provider-contract.js";
import { bodies, pingVector, receivedVector } from "./fixtures.js";

const key = "android-signing-key";
const now = new Date("2024-06-22T08:46:30Z");
const nowSec = Math.floor(now.getTime() / 1000);
let nextId = 0;

function signed(body: string, options: { key?: string; timestamp?: number } = {}): TestRequest {
  return {
    method: "POST",
    path: "/",
    headers: signAndroid(body, options.key ?? key, options.timestamp ?? nowSec),
    body,
  };
}

runProviderContract({
  name: "androidSmsGateway",
  provider: (secret) => androidSmsGateway({ secret }),
  secret: key,
  now,
  request(options = {}) {
    const body = bodies.sent.replace('"sent_1"', `"${options.eventId ?? `evt_${++nextId}`}"`);
    const timestamp = Math.floor((options.signedAt ?? now).getTime() / 1000);
    return signed(body, { key: options.secret ?? key, timestamp });
  },
  tamper: (req) => ({ ...req, body: req.body!.replace('"partsCount":2', '"partsCount":3') }),
  unsign(req) {
    const { "x-signature": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () =>
    signed(JSON.stringify({ id: `evt_${++nextId}`, event: "sms:sent", payload: {} }), {
      key,
      timestamp: Math.floor(now.getTime() / 1000),
    }),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 300,
  bodyParser: express.json(),
});

describe("androidSmsGateway over HTTP", () => {
  function appAt(clockAt: Date, secret = key) {
    const events: SmsEvent[] = [];
    const logger = memoryLogger();
    const app = express();
    app.post(
      "/hooks/android",
      smsWebhook(androidSmsGateway({ secret }), { clock: () => clockAt, logger }),
      (req, res) => {
        events.push(smsEventOf(req));
        res.sendStatus(204);
      },
    );
    const post = (req: TestRequest) => send(app, { ...req, path: "/hooks/android" });
    return { post, events, logger };
  }

  it("verifies the providers.md vector and delivers sms:received as message.received", async () => {
    const { post, events } = appAt(new Date(receivedVector.timestamp * 1000), receivedVector.key);
    const req = signed(receivedVector.body, {
      key: receivedVector.key,
      timestamp: receivedVector.timestamp,
    });
    expect(req.headers["x-signature"]).toBe(receivedVector.signature);
    expect((await post(req)).status).toBe(204);
    expect(events[0]).toEqual({
      type: "message.received",
      provider: "android-sms-gateway",
      id: "Ey6ECgOkVVFjz3CL48B8C",
      verified: true,
      raw: JSON.parse(receivedVector.body),
      messageId: "abc123",
      from: "+16505551212",
      to: undefined,
      text: "Android is always a sweet treat! Привет 👋",
      receivedAt: new Date("2024-06-22T08:46:11.000Z"),
      deviceId: "ffffffffceb0b1db0000018e937c815b",
      simNumber: 1,
    });
  });

  it("delivers system:ping as system.ping, at the signed time", async () => {
    const { post, events } = appAt(new Date(pingVector.timestamp * 1000), pingVector.key);
    const req = signed(pingVector.body, { key: pingVector.key, timestamp: pingVector.timestamp });
    expect(req.headers["x-signature"]).toBe(pingVector.signature);
    expect((await post(req)).status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "system.ping",
      id: "x1",
      deviceId: "d1",
      health: { status: "pass", checks: {} },
      occurredAt: new Date(pingVector.timestamp * 1000),
    });
  });

  it("delivers sms:sent as a non-final sent status with the parts count", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.sent));
    expect(events[0]).toMatchObject({
      type: "message.status",
      id: "sent_1",
      messageId: "PyDmBQZZXYmyxMwED8Fzy",
      to: "+79990001122",
      recipients: ["+79990001122"],
      status: "sent",
      final: false,
      providerStatus: "sms:sent",
      partsCount: 2,
      occurredAt: new Date("2024-06-22T13:46:11.000Z"),
      simNumber: null,
    });
  });

  it("delivers sms:delivered as a final delivered status", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.delivered));
    expect(events[0]).toMatchObject({
      type: "message.status",
      status: "delivered",
      final: true,
      providerStatus: "sms:delivered",
      to: "+79990001122",
      simNumber: 2,
      occurredAt: new Date("2024-06-22T13:46:11.000Z"),
    });
  });

  it("delivers sms:failed as a final failure with the reason", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.failed));
    expect(events[0]).toMatchObject({
      type: "message.status",
      status: "failed",
      final: true,
      providerStatus: "sms:failed",
      error: { message: "RESULT_ERROR_NO_SERVICE" },
      occurredAt: new Date("2024-06-22T13:46:11.000Z"),
    });
  });

  it("delivers sms:cancelled as a final failure", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.cancelled));
    expect(events[0]).toMatchObject({
      type: "message.status",
      status: "failed",
      final: true,
      providerStatus: "sms:cancelled",
      error: { code: "cancelled" },
    });
  });

  it("delivers sms:data-received with its data as hex, reading a broken Android 5–6 offset", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.dataReceived));
    expect(events[0]).toMatchObject({
      type: "message.received",
      text: "",
      binary: { dataHex: Buffer.from("Hello data").toString("hex") },
      from: "+15557654321",
      receivedAt: new Date("2024-06-22T20:46:11.000Z"),
    });
  });

  it("reads an older app's phoneNumber as the sender, with simNumber null", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.receivedLegacy));
    expect(events[0]).toMatchObject({
      from: "+15557654321",
      simNumber: null,
      receivedAt: new Date("2024-06-22T15:46:11.000Z"),
    });
  });

  it("delivers a validly signed event it does not model as unknown, with the raw payload", async () => {
    const { post, events } = appAt(now);
    const res = await post(signed(bodies.mmsReceived));
    expect(res.status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "unknown",
      eventName: "mms:received",
      id: "mms_1",
      raw: JSON.parse(bodies.mmsReceived),
    });
  });

  it("dedupes an old app's events (no envelope id) on the body", async () => {
    const { post, events } = appAt(now);
    expect((await post(signed(bodies.noId))).status).toBe(204);
    const retry = await post(signed(bodies.noId, { timestamp: nowSec + 10 }));
    expect(retry.body).toEqual({ status: "duplicate" });
    expect(events).toHaveLength(1);
    expect(events[0]?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("treats a retry, re-signed with a fresh timestamp, as a duplicate", async () => {
    const { post, events } = appAt(now);
    await post(signed(bodies.delivered, { timestamp: nowSec - 200 }));
    const retry = await post(signed(bodies.delivered, { timestamp: nowSec + 5 }));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ status: "duplicate" });
    expect(events).toHaveLength(1);
  });

  it("accepts upper-case hex signatures", async () => {
    const { post, events } = appAt(now);
    const req = signed(bodies.sent);
    req.headers["x-signature"] = req.headers["x-signature"]!.toUpperCase();
    expect((await post(req)).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("rejects a missing X-Timestamp with 401 timestamp_missing", async () => {
    const { post } = appAt(now);
    const { "x-timestamp": _timestamp, ...headers } = signed(bodies.sent).headers;
    const res = await post({ method: "POST", path: "/", headers, body: bodies.sent });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_missing");
  });

  it("rejects a signed X-Timestamp that is not unix seconds", async () => {
    const { post } = appAt(now);
    const headers = signAndroid(bodies.sent, key, "2024-06-22T08:46:30Z");
    const res = await post({ method: "POST", path: "/", headers, body: bodies.sent });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_missing");
  });

  it("rejects a signature that is not 64 hex characters", async () => {
    const { post } = appAt(now);
    const req = signed(bodies.sent);
    req.headers["x-signature"] = "zz" + req.headers["x-signature"]!.slice(2);
    const res = await post(req);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
  });

  it("accepts a phone clock 4 minutes ahead, rejects one 6 minutes ahead", async () => {
    const { post } = appAt(now);
    expect((await post(signed(bodies.sent, { timestamp: nowSec + 240 }))).status).toBe(204);
    const ahead = await post(signed(bodies.delivered, { timestamp: nowSec + 360 }));
    expect(ahead.status).toBe(401);
    expect(ahead.body.error.code).toBe("timestamp_out_of_window");
  });

  it.each([
    ["malformed JSON", '{"id":"x","event":', "not valid JSON"],
    ["a JSON array", "[1,2,3]", "must be a JSON object"],
    ["a missing payload", '{"id":"x","event":"sms:received"}', "payload"],
    [
      "a bad date",
      '{"id":"x","event":"sms:sent","payload":{"messageId":"m","recipient":"+1","sentAt":"yesterday"}}',
      "payload.sentAt",
    ],
    [
      "a numeric message",
      '{"id":"x","event":"sms:received","payload":{"messageId":"m","phoneNumber":"+1","message":5,"receivedAt":"2024-06-22T15:46:11.000Z"}}',
      "payload.message",
    ],
    [
      "no sender at all",
      '{"id":"x","event":"sms:received","payload":{"messageId":"m","message":"hi","receivedAt":"2024-06-22T15:46:11.000Z"}}',
      "payload.sender",
    ],
    ["an empty body", "", "not valid JSON"],
  ])("answers %s with 400 payload_invalid naming the problem", async (_what, body, mention) => {
    const { post, events } = appAt(now);
    const res = await post(signed(body));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
    expect(res.body.error.message).toContain(mention);
    expect(events).toHaveLength(0);
  });

  it("handles a signed but invalid payload again once the provider fixes it (the claim is released)", async () => {
    const { post, events } = appAt(now);
    const bad =
      '{"id":"same","event":"sms:sent","payload":{"messageId":"m","recipient":"+1","sentAt":"x"}}';
    expect((await post(signed(bad))).status).toBe(400);
    const good = bodies.sent.replace('"sent_1"', '"same"');
    expect((await post(signed(good))).status).toBe(204);
    expect(events).toHaveLength(1);
  });
});
