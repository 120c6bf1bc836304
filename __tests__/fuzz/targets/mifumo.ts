// __tests__/fuzz/targets/mifumo.ts — Mifumo: X-Webhook-Signature = hex HMAC-SHA256 of the raw
// body; the signed time is the body's own `timestamp`.

import crypto from "node:crypto";
import fc from "fast-check";
import { mifumo, smsWebhook } from "../../../lib/index.js";
import { signMifumo } from "../../helpers/mifumo-signer.js";
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

const secret = "fuzz-mifumo-webhook-secret-Q2w9";

interface MifumoTemplate extends Template {
  /** The body as the guide prints it, with `%TIMESTAMP%` where the signed time goes. */
  body: string;
}

const templates: MifumoTemplate[] = [
  {
    name: "sent",
    mount: "main",
    body: `{
  "event": "message.sent",
  "message_id": "msg_123456789",
  "recipients": ["+255123456789", "+255987654321"],
  "sender_id": "Taarifa-SMS",
  "content": "Your order #1042 has shipped. Asante! 👍",
  "sent_at": "2025-01-01T11:59:58Z",
  "cost": 10.0,
  "currency": "TZS",
  "provider": "beem_africa",
  "timestamp": %TIMESTAMP%
}`,
  },
  {
    name: "delivered",
    mount: "main",
    body: `{
  "event": "message.delivered",
  "message_id": "msg_123456789",
  "recipient": "+255123456789",
  "status": "delivered",
  "delivered_at": "2025-01-01T11:59:58Z",
  "provider_status": "DELIVRD",
  "error_message": null,
  "timestamp": %TIMESTAMP%
}`,
  },
  {
    name: "failed",
    mount: "main",
    body: `{
  "event": "message.failed",
  "message_id": "msg_987654321",
  "recipient": "+255123456789",
  "status": "failed",
  "failed_at": "2025-01-01T11:59:58Z",
  "error_code": "INVALID_NUMBER",
  "error_message": "Invalid phone number format",
  "timestamp": %TIMESTAMP%
}`,
  },
  {
    name: "compact-delivered",
    mount: "main",
    body: '{"event":"message.delivered","message_id":"msg_1","recipient":"+255700000001","status":"delivered","delivered_at":"2025-01-01T11:59:58Z","timestamp":%TIMESTAMP%}',
  },
  {
    name: "unknown-event",
    mount: "main",
    body: '{"event":"message.queued","message_id":"msg_2","recipient":"+255700000002","cost":1e-05,"timestamp":%TIMESTAMP%}',
  },
];

/** This provider's own steps: the signature header. */
export type MifumoStep =
  { op: "m-sig"; style: SigStyle } | { op: "m-resign"; key: "wrong" | "empty" | "upper" };

type Step = MifumoStep | WireStep | JsonStep;

const timestampForms = ["ms", "offset", "unix", "unix-string", "date-only", "garbage", "missing"];

function spell(ts: number, form: string): string {
  const iso = new Date(ts * 1000).toISOString();
  return JSON.stringify(
    {
      ms: iso,
      offset: iso.replace(/\.\d{3}Z$/, "+00:00"),
      unix: ts,
      "unix-string": String(ts),
      "date-only": iso.slice(0, 10),
      garbage: "not a time",
    }[form] ?? iso.replace(/\.\d{3}Z$/, "Z"),
  );
}

function applyMifumoStep(
  step: MifumoStep,
  request: WireRequest,
): "invalid" | "preserving" | "tamper" {
  if (step.op === "m-sig") {
    const signature = headerOf(request, "x-webhook-signature") ?? "";
    setHeader(request, "X-Webhook-Signature", restyleSignature(signature, step.style));
    // Mifumo's guide: upper- or lower-case hex, with or without `sha256=`.
    return sigStyleTrait(step.style, true);
  }
  const wrong = { wrong: "another-secret", empty: "", upper: secret.toUpperCase() }[step.key];
  const signature = crypto.createHmac("sha256", wrong).update(request.body).digest("hex");
  setHeader(request, "X-Webhook-Signature", signature);
  return "invalid";
}

// What the signature check reads: the hex signature, any case, `sha256=` or not.
const material = (request: WireRequest) =>
  headerOf(request, "x-webhook-signature")
    ?.trim()
    .toLowerCase()
    .replace(/^sha256=/, "");

/** The Mifumo fuzz target. */
export function mifumoTarget(): FuzzTarget<Step> {
  return {
    name: "mifumo",
    toleranceSec: 3600,
    templates,
    secrets: [secret],
    allowed5xx: [],
    timestampForms,
    step: fc.oneof(
      { weight: 3, arbitrary: wireStepArbitrary(["/x", "/status"]) },
      { weight: 2, arbitrary: jsonStepArbitrary },
      { weight: 2, arbitrary: fc.record({ op: fc.constant("m-sig"), style: sigStyleArbitrary }) },
      {
        weight: 1,
        arbitrary: fc.record({
          op: fc.constant("m-resign"),
          key: fc.constantFrom("wrong" as const, "empty" as const, "upper" as const),
        }),
      },
    ),
    routers(options) {
      return { main: smsWebhook.router(mifumo({ secret }), options) };
    },
    render(fuzzCase, nowSec): Rendered {
      const template = templates[fuzzCase.template]!;
      const { offsetSec, form } = fuzzCase.signing;
      const body =
        form === "missing"
          ? template.body.replace(/,\s*"timestamp": ?%TIMESTAMP%/, "")
          : template.body.replace("%TIMESTAMP%", spell(nowSec + offsetSec, form));
      const headers = signMifumo(body, secret);
      const request: WireRequest = {
        method: "POST",
        path: "/",
        query: "",
        headers: [
          ["Content-Type", headers["content-type"]],
          ["X-Webhook-Signature", headers["x-webhook-signature"]],
          ["User-Agent", "python-requests/2.31.0"],
        ],
        body: Buffer.from(body, "utf8"),
        chunked: false,
      };
      const before = material(request);
      const traits = fuzzCase.steps.map((step) => {
        if (step.op.startsWith("m-")) return applyMifumoStep(step as MifumoStep, request);
        return applySharedStep(step as JsonStep | WireStep, request);
      });
      return { request, traits: voidIfRestored(traits, before, material(request)) };
    },
    expectedSignatures(request) {
      return [crypto.createHmac("sha256", secret).update(request.body).digest("hex")];
    },
  };
}
