// __tests__/providers/mifumo/mifumo.test.ts — Mifumo's delivery events, end to end.

import {
  mifumo,
  smsWebhook,
  type MifumoOptions,
  type SmsEvent,
  smsEventOf,
} from "../../../lib/index.js";
import { express } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import { signMifumo } from "../../helpers/mifumo-signer.js";
import { runProviderContract } from "../provider-contract.js";
import { deliveredBody, failedBody, sentBody, vector } from "./fixtures.js";

const secret = "mifumo-webhook-secret";
const eventTime = new Date("2024-01-01T10:05:00Z");
let nextId = 0;

function signed(body: string, key = secret): TestRequest {
  return { method: "POST", path: "/", headers: signMifumo(body, key), body };
}

runProviderContract({
  name: "mifumo",
  provider: (secret) => mifumo({ secret }),
  secret,
  now: eventTime,
  request(options = {}) {
    const body = deliveredBody
      .replace("msg_123456789", options.eventId ?? `msg_${++nextId}`)
      .replace(
        '"timestamp": "2024-01-01T10:05:00Z"',
        `"timestamp": "${(options.signedAt ?? eventTime).toISOString()}"`,
      );
    return signed(body, options.secret ?? secret);
  },
  tamper: (req) => ({ ...req, body: req.body!.replace("+255123456789", "+255123456780") }),
  unsign(req) {
    const { "x-webhook-signature": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () =>
    signed(JSON.stringify({ event: "message.delivered", message_id: `msg_${++nextId}` }), secret),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 3600,
  bodyParser: express.json(),
});

describe("mifumo over HTTP", () => {
  function appAt(now: Date | (() => Date), options: Partial<MifumoOptions> = {}) {
    const events: SmsEvent[] = [];
    const app = express();
    const clock = typeof now === "function" ? now : () => now;
    app.post(
      "/hooks/mifumo",
      smsWebhook(mifumo({ secret, ...options }), { clock, logger: memoryLogger() }),
      (req, res) => {
        events.push(smsEventOf(req));
        res.sendStatus(200);
      },
    );
    const post = (req: TestRequest) => send(app, { ...req, path: "/hooks/mifumo" });
    return { post, events };
  }

  it("verifies the providers.md vector", async () => {
    const { post, events } = appAt(eventTime);
    const req = signed(vector.body, vector.secret);
    expect(req.headers["x-webhook-signature"]).toBe(vector.signature);
    const app = appAt(eventTime, { secret: vector.secret });
    expect((await app.post(req)).status).toBe(200);
    expect(app.events[0]).toMatchObject({ type: "message.status", status: "delivered" });
    expect(events).toHaveLength(0);
    expect((await post(req)).status).toBe(401);
  });

  it("delivers the seed's message.sent to both recipients, keeping the cost's digits", async () => {
    const { post, events } = appAt(new Date("2024-01-01T10:00:30Z"));
    expect((await post(signed(sentBody))).status).toBe(200);
    expect(events[0]).toEqual({
      type: "message.status",
      provider: "mifumo",
      id: "msg_123456789:message.sent:",
      verified: true,
      raw: JSON.parse(sentBody),
      messageId: "msg_123456789",
      to: undefined,
      recipients: ["+255123456789", "+255987654321"],
      status: "sent",
      final: false,
      providerStatus: "message.sent",
      occurredAt: new Date("2024-01-01T10:00:00Z"),
      price: { amount: "10.0", currency: "USD" },
    });
  });

  it("delivers the seed's message.delivered as final, with the upstream status", async () => {
    const { post, events } = appAt(eventTime);
    await post(signed(deliveredBody));
    expect(events[0]).toEqual({
      type: "message.status",
      provider: "mifumo",
      id: "msg_123456789:message.delivered:+255123456789",
      verified: true,
      raw: JSON.parse(deliveredBody),
      messageId: "msg_123456789",
      to: "+255123456789",
      recipients: ["+255123456789"],
      status: "delivered",
      final: true,
      providerStatus: "DELIVRD",
      occurredAt: eventTime,
    });
  });

  it("delivers the seed's message.failed as final, with the error code and message", async () => {
    const { post, events } = appAt(eventTime);
    await post(signed(failedBody));
    expect(events[0]).toMatchObject({
      type: "message.status",
      id: "msg_123456789:message.failed:+255123456789",
      status: "failed",
      final: true,
      providerStatus: "message.failed",
      error: { code: "INVALID_NUMBER", message: "Invalid phone number format" },
      occurredAt: eventTime,
    });
  });

  it("verifies pretty-printed and compact JSON alike, each as signed", async () => {
    const { post, events } = appAt(eventTime);
    const compact = JSON.stringify(JSON.parse(failedBody.replace("msg_123456789", "msg_compact")));
    expect((await post(signed(failedBody))).status).toBe(200);
    expect((await post(signed(compact))).status).toBe(200);
    expect(events).toHaveLength(2);
  });

  it("answers a retry 21 minutes later as a duplicate, and handles a second recipient's receipt", async () => {
    let now = eventTime.getTime();
    const { post, events } = appAt(() => new Date(now));
    expect((await post(signed(deliveredBody))).status).toBe(200);
    now += 21 * 60_000;
    const retry = await post(signed(deliveredBody));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ status: "duplicate" });
    const second = deliveredBody.replace("+255123456789", "+255987654321");
    expect((await post(signed(second))).status).toBe(200);
    expect(events.map((event) => event.type === "message.status" && event.to)).toEqual([
      "+255123456789",
      "+255987654321",
    ]);
  });

  it.each([
    ["upper-case hex", (s: string) => s.toUpperCase()],
    ["a sha256= prefix", (s: string) => `sha256=${s}`],
  ])("accepts %s", async (_name, change) => {
    const { post, events } = appAt(eventTime);
    const req = signed(deliveredBody);
    req.headers["x-webhook-signature"] = change(req.headers["x-webhook-signature"]!);
    expect((await post(req)).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it("delivers a validly signed event it does not model as unknown", async () => {
    const { post, events } = appAt(eventTime);
    const body =
      '{"event":"message.clicked","message_id":"msg_1","timestamp":"2024-01-01T10:05:00Z"}';
    expect((await post(signed(body))).status).toBe(200);
    expect(events[0]).toMatchObject({ type: "unknown", eventName: "message.clicked" });
  });

  it.each([
    ["non-JSON", "event=message.sent", "not valid JSON"],
    ["a missing message_id", '{"event":"message.delivered","recipient":"+1"}', "message_id"],
    [
      "a numeric message_id",
      '{"event":"message.failed","message_id":42,"recipient":"+1"}',
      "message_id",
    ],
    [
      "recipients that are not an array",
      '{"event":"message.sent","message_id":"m","recipients":"+255123456789"}',
      "recipients",
    ],
    [
      "a recipient that is not a string",
      '{"event":"message.delivered","message_id":"m","recipient":255123456789}',
      "recipient",
    ],
    [
      "a cost that is not a decimal",
      '{"event":"message.sent","message_id":"m","recipients":["+1"],"cost":"ten"}',
      "cost",
    ],
    [
      "a cost written with a runaway exponent",
      '{"event":"message.sent","message_id":"m","recipients":["+1"],"cost":0e999999999}',
      "cost",
    ],
    ["a missing event", '{"message_id":"m"}', "event"],
  ])("answers %s with 400 payload_invalid naming the field", async (_name, body, field) => {
    const { post, events } = appAt(eventTime);
    const res = await post(signed(body));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("payload_invalid");
    expect(res.body.error.message).toContain(field);
    expect(events).toHaveLength(0);
  });

  it("rejects a body timestamp that is not a date", async () => {
    const { post } = appAt(eventTime);
    const body = deliveredBody.replace('"2024-01-01T10:05:00Z"\n}', '"yesterday"\n}');
    const res = await post(signed(body));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_missing");
  });

  describe('with scheme: "bearer"', () => {
    const bearer = (token: string): TestRequest => ({
      method: "POST",
      path: "/",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: deliveredBody,
    });

    it("accepts the configured API key", async () => {
      const { post, events } = appAt(eventTime, { scheme: "bearer", secret: "api-key-1" });
      expect((await post(bearer("api-key-1"))).status).toBe(200);
      expect(events).toHaveLength(1);
    });

    it.each([
      ["another key", { authorization: "Bearer api-key-2" }, "signature_invalid"],
      ["a Basic header", { authorization: "Basic YTpi" }, "signature_invalid"],
      ["no header", {}, "signature_missing"],
    ])("rejects %s", async (_name, headers, code) => {
      const { post } = appAt(eventTime, { scheme: "bearer", secret: "api-key-1" });
      const res = await post({
        ...bearer("x"),
        headers: { "content-type": "application/json", ...headers },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe(code);
      expect(res.text).not.toContain("api-key-1");
    });
  });

  it("rejects an unknown scheme at construction", () => {
    expect(() => mifumo({ secret, scheme: "basic" as never })).toThrow(
      'option "scheme" must be "hmac" or "bearer"',
    );
  });
});
