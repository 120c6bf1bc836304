// __tests__/fuzz/targets/android.ts — SMS Gateway for Android: JSON bodies signed with
// X-Signature = HMAC-SHA256(key, body + X-Timestamp).

import crypto from "node:crypto";
import fc from "fast-check";
import { androidSmsGateway, smsWebhook } from "../../../lib/index.js";
import { signAndroid } from "../../helpers/android-signer.js";
import {
  applySharedStep,
  jsonStepArbitrary,
  restyleSignature,
  sigStyleArbitrary,
  sigStyleTrait,
  wireStepArbitrary,
  type JsonStep,
  type SigStyle,
  type WireStep,
} from "../mutations.js";
import { voidIfRestored, type FuzzTarget, type Rendered, type Template } from "../target.js";
import { headerOf, setHeader, type WireRequest } from "../wire.js";

const key = "fuzz-android-signing-key-Yk8mL2Qa";
const device = "ffffffffceb0b1db0000018e937c815b";

const envelope = (id: string | undefined, event: string, payload: object) =>
  JSON.stringify({
    ...(id === undefined ? {} : { id, webhookId: "LreFUt-Z3sSq0JufY9uWB" }),
    event,
    deviceId: device,
    payload,
  });

interface AndroidTemplate extends Template {
  body: string;
}

const outbound = {
  messageId: "PyDmBQZZXYmyxMwED8Fzy",
  recipient: "+79990001122",
  phoneNumber: "+79990001122",
};

const templates: AndroidTemplate[] = [
  {
    name: "received",
    mount: "main",
    // As the app writes it: Gson escapes <, >, &, = and ' as \u003c….
    body: envelope("Ey6ECgOkVVFjz3CL48B8C", "sms:received", {
      messageId: "abc123",
      message: "Android is a sweet treat! Привет 👋 \\u003cb\\u003e \\u0026 a\\u003d1",
      sender: "+16505551212",
      recipient: "+16505550000",
      simNumber: 1,
      phoneNumber: "+16505551212",
      receivedAt: "2025-01-01T14:59:58.000+03:00",
    }).replace(/\\\\u/g, "\\u"),
  },
  {
    name: "sent",
    mount: "main",
    body: envelope("sent_1", "sms:sent", {
      partsCount: 2,
      sentAt: "2025-01-01T06:59:58.000-05:00",
      ...outbound,
    }),
  },
  {
    name: "delivered",
    mount: "main",
    body: envelope("delivered_1", "sms:delivered", {
      deliveredAt: "2025-01-01T11:59:58.000Z",
      simNumber: 2,
      ...outbound,
    }),
  },
  {
    name: "failed",
    mount: "main",
    body: envelope("failed_1", "sms:failed", {
      failedAt: "2025-01-01T13:59:58.000+0200",
      reason: "RESULT_ERROR_NO_SERVICE",
      ...outbound,
    }),
  },
  {
    name: "ping",
    mount: "main",
    body: envelope("ping_1", "system:ping", {
      health: {
        version: "1.68.0",
        releaseId: 68000,
        status: "pass",
        checks: { "battery:level": { status: "pass", observedValue: 87, observedUnit: "percent" } },
      },
    }),
  },
  {
    name: "mms-unknown",
    mount: "main",
    body: envelope("mms_1", "mms:received", {
      messageId: "m1",
      transactionId: "t1",
      size: 1024,
      sender: "+15557654321",
      receivedAt: "2025-01-01T18:59:58.000+07:00",
    }),
  },
  {
    name: "received-no-id",
    mount: "main",
    body: envelope(undefined, "sms:received", {
      messageId: "c0ffee",
      message: "no envelope id",
      phoneNumber: "+15557654321",
      receivedAt: "2025-01-01T18:59:58.000+07:00",
    }),
  },
];

/** This provider's own steps: the signature and the timestamp header. */
export type AndroidStep =
  | { op: "a-sig"; style: SigStyle }
  | { op: "a-resign"; key: "wrong" | "empty" | "upper" | "body-only" }
  | { op: "a-timestamp"; delta: number; spelling: "plain" | "padded" | "ms" | "decimal" };

type Step = AndroidStep | WireStep | JsonStep;

const timestampForms = ["ms", "padded", "decimal", "spaced", "hex", "negative", "empty"];

function spell(ts: number, form: string): string {
  return (
    {
      ms: String(ts * 1000),
      padded: `0${ts}`,
      decimal: `${ts}.0`,
      spaced: ` ${ts}`,
      hex: `0x${ts.toString(16)}`,
      negative: `-${ts}`,
      empty: "",
    }[form] ?? String(ts)
  );
}

function applyAndroidStep(
  step: AndroidStep,
  request: WireRequest,
): "invalid" | "preserving" | "tamper" {
  const signature = headerOf(request, "x-signature") ?? "";
  const timestamp = headerOf(request, "x-timestamp") ?? "";
  switch (step.op) {
    case "a-sig":
      setHeader(request, "X-Signature", restyleSignature(signature, step.style));
      return sigStyleTrait(step.style, false);
    case "a-resign": {
      const wrong = { wrong: "another-key", empty: "", upper: key.toUpperCase(), "body-only": key }[
        step.key
      ];
      // body-only: the right key over the body alone, without the timestamp it must cover.
      const mac = crypto.createHmac("sha256", wrong);
      mac.update(request.body);
      if (step.key !== "body-only") mac.update(timestamp);
      setHeader(request, "X-Signature", mac.digest("hex"));
      return "invalid";
    }
    case "a-timestamp": {
      const ts = Number(timestamp) + step.delta;
      const text = {
        plain: String(ts),
        padded: `0${ts}`,
        ms: String(ts * 1000),
        decimal: `${ts}.0`,
      }[step.spelling];
      if (text === timestamp) return "tamper";
      setHeader(request, "X-Timestamp", text);
      return "invalid";
    }
  }
}

// What the signature check reads: the signature (any case) and the timestamp it covers.
const material = (request: WireRequest) =>
  `${headerOf(request, "x-signature")?.trim().toLowerCase()}|${headerOf(request, "x-timestamp")?.trim()}`;

/** The SMS Gateway for Android fuzz target. */
export function androidTarget(): FuzzTarget<Step> {
  return {
    name: "android-sms-gateway",
    toleranceSec: 300,
    templates,
    secrets: [key],
    allowed5xx: [],
    timestampForms,
    step: fc.oneof(
      { weight: 3, arbitrary: wireStepArbitrary(["/x", "/inbound"]) },
      { weight: 2, arbitrary: jsonStepArbitrary },
      { weight: 2, arbitrary: fc.record({ op: fc.constant("a-sig"), style: sigStyleArbitrary }) },
      {
        weight: 1,
        arbitrary: fc.record({
          op: fc.constant("a-resign"),
          key: fc.constantFrom(
            "wrong" as const,
            "empty" as const,
            "upper" as const,
            "body-only" as const,
          ),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          op: fc.constant("a-timestamp"),
          delta: fc.constantFrom(-1, 1, -300, 300, 0),
          spelling: fc.constantFrom(
            "plain" as const,
            "padded" as const,
            "ms" as const,
            "decimal" as const,
          ),
        }),
      },
    ),
    routers(options) {
      return { main: smsWebhook.router(androidSmsGateway({ secret: key }), options) };
    },
    render(fuzzCase, nowSec): Rendered {
      const template = templates[fuzzCase.template]!;
      const { offsetSec, form } = fuzzCase.signing;
      const headers = signAndroid(template.body, key, spell(nowSec + offsetSec, form));
      const request: WireRequest = {
        method: "POST",
        path: "/",
        query: "",
        headers: [
          ["Content-Type", headers["content-type"]],
          ["X-Signature", headers["x-signature"]],
          ["X-Timestamp", headers["x-timestamp"]],
          ["User-Agent", "okhttp/4.12.0"],
          ["Accept-Encoding", "gzip"],
        ],
        body: Buffer.from(template.body, "utf8"),
        chunked: false,
      };
      const before = material(request);
      const traits = fuzzCase.steps.map((step) => {
        if (step.op.startsWith("a-")) return applyAndroidStep(step as AndroidStep, request);
        return applySharedStep(step as JsonStep | WireStep, request);
      });
      return { request, traits: voidIfRestored(traits, before, material(request)) };
    },
    expectedSignatures(request) {
      const mac = crypto.createHmac("sha256", key);
      mac.update(request.body);
      mac.update(headerOf(request, "x-timestamp") ?? "");
      return [mac.digest("hex")];
    },
  };
}
