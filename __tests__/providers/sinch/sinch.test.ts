// __tests__/providers/sinch/sinch.test.ts — Sinch's SMS callbacks end to end, checked against Sinch's own SDK.

import crypto from "node:crypto";
import {
  calculateWebhookSignature,
  computeSignedData,
  validateWebhookSignature,
} from "@sinch/sdk-client";
import { SmsCallbackWebhooks } from "@sinch/sms";
import { sinch } from "../../../lib/index.js";
import { signSinch, sinchDeliveryReportSample } from "../../../lib/testing/index.js";
import { express, routerApp } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { sinchHeaders, sinchSignature } from "../../helpers/sinch-signer.js";
import { runProviderContract } from "../provider-contract.js";
import { batchReport, moBinary, s1, s2, s3, smsSecret } from "./fixtures.js";

const now = new Date("2025-01-01T12:00:05Z");
const nowSec = Math.floor(now.getTime() / 1000);
const batchId = () => crypto.randomBytes(13).toString("hex").toUpperCase().slice(0, 26);
const nonce = () => crypto.randomUUID();

/** A POST to `/` signed (independently of lib/) at `timestamp` with a fresh nonce. */
function signed(
  body: string,
  options: { secret?: string; timestamp?: string | number; nonce?: string } = {},
): TestRequest {
  const headers = sinchHeaders(
    options.secret ?? smsSecret,
    body,
    options.nonce ?? nonce(),
    options.timestamp ?? nowSec,
  );
  return { method: "POST", path: "/", headers, body };
}

/** S2 with another batch id. */
const report = (id = batchId()) => s2.body.replace("01JGPX4Y5ZQ3W2V1U0T9S8R7Q6", id);

runProviderContract({
  name: "sinch",
  provider: (secret) => sinch({ secret }),
  secret: smsSecret,
  now,
  request: (options = {}) =>
    signed(report(options.eventId), {
      ...(options.secret === undefined ? {} : { secret: options.secret }),
      timestamp: Math.floor((options.signedAt ?? now).getTime() / 1000),
    }),
  tamper: (req) => ({ ...req, body: req.body!.replace("46700000001", "46700000002") }),
  unsign(req) {
    const { "x-sinch-webhook-signature": _signature, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () => signed(report().replace('"code":0', '"code":"0"')),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 24 * 60 * 60,
  bodyParser: express.json(),
});

function appAt(at: Date, secret: string | readonly string[] = smsSecret) {
  const { app, events, logger } = routerApp("/hooks/sinch", sinch({ secret }), {
    clock: () => at,
  });
  const post = (req: TestRequest) => send(app, { ...req, path: "/hooks/sinch" });
  return { post, events, logger };
}

/** A vector's request exactly as Sinch sent it (S1 came without an algorithm header). */
function vectorPost(
  vector: { body: string; nonce: string; timestamp: string; signature: string },
  algorithm: string | undefined = "HmacSHA256",
): TestRequest {
  return {
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/json",
      "x-sinch-webhook-signature": vector.signature,
      "x-sinch-webhook-signature-nonce": vector.nonce,
      "x-sinch-webhook-signature-timestamp": vector.timestamp,
      ...(algorithm === undefined ? {} : { "x-sinch-webhook-signature-algorithm": algorithm }),
    },
    body: vector.body,
  };
}

const atSec = (timestamp: string) => new Date(Number(timestamp) * 1000);

describe("sinch: the providers-more.md §4 vectors", () => {
  it("signs S1 (Sinch's .NET test vector), S2 and S3 as @sinch/sdk-client and the independent signer do", () => {
    for (const [secret, vector] of [
      [s1.secret, s1],
      [smsSecret, s2],
      [smsSecret, s3],
    ] as const) {
      const options = { nonce: vector.nonce, timestampSec: Number(vector.timestamp) };
      expect(signSinch(vector.body, secret, options)["x-sinch-webhook-signature"]).toBe(
        vector.signature,
      );
      expect(sinchSignature(secret, vector.body, vector.nonce, vector.timestamp)).toBe(
        vector.signature,
      );
      const data = computeSignedData(vector.body, vector.nonce, vector.timestamp);
      expect(calculateWebhookSignature(data, secret)).toBe(vector.signature);
      expect(validateWebhookSignature(secret, vectorPost(vector).headers, vector.body)).toBe(true);
    }
    const headers = vectorPost(s2).headers;
    expect(new SmsCallbackWebhooks(smsSecret).validateAuthenticationHeader(headers, s2.body)).toBe(
      true,
    );
  });

  it("verifies S1, which carries no algorithm header, and delivers the Conversation callback as unknown", async () => {
    const { post, events } = appAt(atSec(s1.timestamp), s1.secret);
    expect((await post(vectorPost(s1, undefined))).status).toBe(204);
    expect(events).toEqual([
      {
        type: "unknown",
        provider: "sinch",
        id: `sha256:${crypto.createHash("sha256").update(s1.body).digest("hex")}`,
        verified: true,
        eventName: "unknown",
        occurredAt: atSec(s1.timestamp),
        raw: JSON.parse(s1.body),
      },
    ]);
  });

  it("delivers S2 as message.status delivered, final, at the operator's time", async () => {
    const { post, events } = appAt(atSec(s2.timestamp));
    expect((await post(vectorPost(s2))).status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "sinch",
        id: "recipient_delivery_report_sms:01JGPX4Y5ZQ3W2V1U0T9S8R7Q6:46700000001:Delivered:0",
        verified: true,
        messageId: "01JGPX4Y5ZQ3W2V1U0T9S8R7Q6",
        to: "46700000001",
        recipients: ["46700000001"],
        status: "delivered",
        final: true,
        providerStatus: "Delivered",
        occurredAt: new Date("2025-01-01T12:00:04Z"),
        carrierTimestamp: new Date("2025-01-01T12:00:04Z"),
        clientRef: "order-42",
        channel: "sms",
        raw: JSON.parse(s2.body),
      },
    ]);
  });

  it("delivers S3 as message.received, its text as sent", async () => {
    const { post, events } = appAt(atSec(s3.timestamp));
    expect((await post(vectorPost(s3))).status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.received",
        provider: "sinch",
        id: "mo_text:01JGPX6MOTEXT0000000000000",
        verified: true,
        messageId: "01JGPX6MOTEXT0000000000000",
        from: "46700000001",
        to: "12345",
        text: "Hej ✓",
        receivedAt: new Date("2025-01-01T12:01:00.000Z"),
        channel: "sms",
        raw: JSON.parse(s3.body),
      },
    ]);
  });
});

describe("sinch: against @sinch/sdk-client", () => {
  it("accepts what the SDK signs, and the SDK accepts what signSinch signs", async () => {
    const { post, events } = appAt(now);
    for (let i = 0; i < 10; i++) {
      const body = report();
      const id = nonce();
      const signature = calculateWebhookSignature(
        computeSignedData(body, id, String(nowSec)),
        smsSecret,
      );
      const headers = signSinch(body, smsSecret, { nonce: id, timestampSec: nowSec });
      expect(headers["x-sinch-webhook-signature"]).toBe(signature);
      expect(validateWebhookSignature(smsSecret, headers, body)).toBe(true);
      const res = await post({ method: "POST", path: "/", headers: { ...headers }, body });
      expect(res.status).toBe(204);
    }
    expect(events).toHaveLength(10);
  });
});

// What @sinch/sdk-client's validateWebhookSignature gets wrong (providers-more.md §4, G1–G3),
// each shown against the SDK and then as this library answers it.
describe("sinch: the cases Sinch's SDK gets wrong", () => {
  it("refuses a SHA-256 signature under an HmacSHA512 header, which the SDK accepts", async () => {
    const { post, events } = appAt(now);
    const req = signed(report());
    const relabelled = {
      ...req,
      headers: { ...req.headers, "x-sinch-webhook-signature-algorithm": "HmacSHA512" },
    };
    expect(validateWebhookSignature(smsSecret, relabelled.headers, relabelled.body)).toBe(true);
    const res = await post(relabelled);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(events).toHaveLength(0);
  });

  it("accepts an HmacSHA512 callback, which the SDK refuses", async () => {
    const { post, events } = appAt(now);
    const body = report();
    const headers = sinchHeaders(smsSecret, body, nonce(), nowSec, "HmacSHA512");
    expect(validateWebhookSignature(smsSecret, headers, body)).toBe(false);
    expect((await post({ method: "POST", path: "/", headers, body })).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it.each(["HmacSHA1", "HmacMD5", "none", "hmacsha256", "HmacSHA-256", "HmacSHA384", ""])(
    "refuses the algorithm %j with 401, even validly signed with it",
    async (algorithm) => {
      const { post, events } = appAt(now);
      const body = report();
      const id = nonce();
      const sha1 = sinchSignature(smsSecret, body, id, nowSec, "sha1");
      const req = signed(body, { nonce: id });
      const headers = {
        ...req.headers,
        "x-sinch-webhook-signature-algorithm": algorithm,
        ...(algorithm === "HmacSHA1" ? { "x-sinch-webhook-signature": sha1 } : {}),
      };
      const res = await post({ ...req, headers });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("signature_invalid");
      expect(events).toHaveLength(0);
    },
  );

  it("refuses a validly signed timestamp from 2001, which the SDK accepts", async () => {
    const { post, events } = appAt(now);
    const req = signed(report(), { timestamp: 1_000_000_000 });
    expect(validateWebhookSignature(smsSecret, req.headers, req.body)).toBe(true);
    const res = await post(req);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_out_of_window");
    expect(events).toHaveLength(0);
  });

  it("accepts a retry signed 23 hours ago (Sinch's last retry is 22 h 45 min after the first try), not one 25 hours old", async () => {
    const { post, events } = appAt(now);
    const hours = (n: number) => nowSec - n * 3600;
    expect((await post(signed(report(), { timestamp: hours(23) }))).status).toBe(204);
    const stale = await post(signed(report(), { timestamp: hours(25) }));
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe("timestamp_out_of_window");
    expect(events).toHaveLength(1);
  });

  it("verifies the raw bytes of a pretty-printed body, which the SDK fails on once it is parsed", async () => {
    const { post, events } = appAt(now);
    const pretty = JSON.stringify(JSON.parse(report()), null, 2);
    const req = signed(pretty);
    expect(validateWebhookSignature(smsSecret, req.headers, JSON.parse(pretty))).toBe(false);
    expect((await post(req)).status).toBe(204);
    expect(events).toHaveLength(1);
  });
});

describe("sinch: events", () => {
  it("answers Sinch's retry of a report, signed again with another nonce and time, as a duplicate", async () => {
    const { post, events } = appAt(now);
    const body = report();
    expect((await post(signed(body, { timestamp: nowSec - 600 }))).status).toBe(204);
    const retry = await post(signed(body));
    expect({ status: retry.status, body: retry.body }).toEqual({
      status: 200,
      body: { status: "duplicate" },
    });
    expect(events).toHaveLength(1);
  });

  it("delivers a mo_binary with its data and user data header in hex, the base64 body kept in raw", async () => {
    const { post, events } = appAt(now);
    expect((await post(signed(JSON.stringify(moBinary)))).status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "message.received",
      id: "mo_binary:01JGPX6MOBINARY00000000000",
      messageId: "01JGPX6MOBINARY00000000000",
      text: "",
      binary: {
        dataHex: Buffer.from("Hello world").toString("hex"),
        udhHex: "050003cc0201",
      },
      raw: moBinary,
    });
  });

  it("reports a failed message with Sinch's code and its meaning", async () => {
    const { post, events } = appAt(now);
    const body = sinchDeliveryReportSample({ status: "Aborted", code: 402, at: now });
    expect((await post(signed(body))).status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "message.status",
      status: "failed",
      final: true,
      providerStatus: "Aborted",
      error: {
        code: "402",
        message: expect.stringMatching(/^Message unroutable/),
        type: expect.stringContaining("developers.sinch.com"),
      },
    });
  });

  it("points a code it does not describe to Sinch's table", async () => {
    const { post, events } = appAt(now);
    const body = sinchDeliveryReportSample({ status: "Failed", code: 11, at: now });
    expect((await post(signed(body))).status).toBe(204);
    expect(events[0]).toMatchObject({
      error: { code: "11", message: expect.stringContaining("Sinch delivery report code 11") },
    });
  });

  it.each([
    ["Queued", "accepted", false],
    ["Dispatched", "sent", false],
    ["Delivered", "delivered", true],
    ["Failed", "failed", true],
    ["Aborted", "failed", true],
    ["Cancelled", "failed", true],
    ["Deleted", "failed", true],
    ["Expired", "expired", true],
    ["Rejected", "rejected", true],
    ["Unknown", "unknown", true],
    ["Teleported", "unknown", false],
  ])("maps %s to %s (final: %s)", async (word, status, final) => {
    const { post, events } = appAt(now);
    const body = sinchDeliveryReportSample({ status: word, at: now });
    expect((await post(signed(body))).status).toBe(204);
    expect(events[0]).toMatchObject({ status, final, providerStatus: word });
    expect(Object.hasOwn(events[0]!, "error")).toBe(
      ["failed", "expired", "rejected"].includes(status),
    );
  });

  it("takes the report's own time when the operator gives none", async () => {
    const { post, events } = appAt(now);
    const body = JSON.stringify({ ...JSON.parse(report()), operator_status_at: undefined });
    expect((await post(signed(body))).status).toBe(204);
    expect(events[0]).toMatchObject({ occurredAt: new Date("2025-01-01T12:00:05.123Z") });
    expect(Object.hasOwn(events[0]!, "carrierTimestamp")).toBe(false);
  });

  it("delivers a per-batch delivery_report_sms as unknown, one event per report", async () => {
    const { post, events } = appAt(now);
    const body = JSON.stringify(batchReport);
    expect((await post(signed(body))).status).toBe(204);
    expect((await post(signed(body))).status).toBe(200);
    const later = { ...batchReport, statuses: [{ code: 0, count: 3, status: "Delivered" }] };
    expect((await post(signed(JSON.stringify(later)))).status).toBe(204);
    expect(
      events.map((event) => [event.type, event.type === "unknown" && event.eventName]),
    ).toEqual([
      ["unknown", "delivery_report_sms"],
      ["unknown", "delivery_report_sms"],
    ]);
    expect(events[0]!.id).toMatch(/^delivery_report_sms:01JGPX4Y5ZQ3W2V1U0T9S8R7Q6:[0-9a-f]{64}$/);
    expect(events[0]!.id).not.toBe(events[1]!.id);
  });

  it("delivers an MMS (mo_media) as unknown, deduplicated on its id", async () => {
    const { post, events } = appAt(now);
    const body = JSON.stringify({ ...JSON.parse(s3.body), type: "mo_media", body: { url: "x" } });
    expect((await post(signed(body))).status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "unknown",
      eventName: "mo_media",
      id: "mo_media:01JGPX6MOTEXT0000000000000",
      occurredAt: now,
    });
  });

  it("accepts any secret of a rotation list", async () => {
    const { post, events } = appAt(now, ["sinch-next-secret", smsSecret]);
    expect((await post(signed(report()))).status).toBe(204);
    expect((await post(signed(report(), { secret: "sinch-next-secret" }))).status).toBe(204);
    expect(events).toHaveLength(2);
  });

  it("refuses a validly signed mo_text without an id, before the store", async () => {
    const { post, events } = appAt(now);
    const body = JSON.stringify({ ...JSON.parse(s3.body), id: undefined });
    const res = await post(signed(body));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("id");
    expect(events).toHaveLength(0);
  });
});

describe("sinch options", () => {
  it.each([[{}], [{ secret: "" }], [{ secret: [] }], [{ secret: "s", algorithm: "HmacSHA512" }]])(
    "refuses %j at construction",
    (options) => {
      expect(() => sinch(options as never)).toThrow(/option|secret/);
    },
  );
});
