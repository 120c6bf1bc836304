// __tests__/fuzz/targets/vonage-sms.ts — Vonage SMS API: inbound SMS, receipts and concatenated
// parts as GET, form and JSON, `sig` by md5hash and sha256hmac, and a sign-or-skip mount.

import fc from "fast-check";
import { smsWebhook, vonageSms } from "../../../lib/index.js";
import { vonageSig, type Method } from "../../helpers/vonage-sms-signer.js";
import { seedInbound } from "../../providers/vonage-sms/fixtures.js";
import { applyWireStep, wireStepArbitrary, wireStepTrait, type WireStep } from "../mutations.js";
import { voidIfRestored, type FuzzTarget, type Rendered, type Template } from "../target.js";
import {
  applyParamStep,
  draftToWire,
  paramStepArbitrary,
  paramsOf,
  type Encoding,
  type ParamDraft,
  type ParamStep,
} from "./vonage-params.js";

const secret = "fuzz-vonage-sms-signature-secret-7Qx";
const mounts = {
  md5: { method: "md5hash", skip: false },
  sha256: { method: "sha256hmac", skip: false },
  skip: { method: "sha256hmac", skip: true },
} as const satisfies Record<string, { method: Method; skip: boolean }>;
type Mount = keyof typeof mounts;

interface SmsTemplate extends Template {
  mount: Mount;
  encoding: Encoding;
  path: "/inbound" | "/status";
  fields: Record<string, string>;
  /** Signed the Java SDK's way: empty values left out. */
  javaSigned?: boolean;
}

const at = "2025-01-01 11:59:58";
const inbound = { ...seedInbound, "message-timestamp": at };
const receipt = {
  msisdn: "447700900000",
  to: "AcmeInc",
  "network-code": "23410",
  messageId: "0A0000001234567B",
  price: "0.03330000",
  status: "delivered",
  scts: "2501011159",
  "err-code": "0",
  "api-key": "abcd1234",
  "client-ref": "my-reference",
  "message-timestamp": at,
};
const concat = (part: number, total: number, text: string) => ({
  ...inbound,
  messageId: `0A00000001${part}${total}ABCD`,
  text,
  concat: "true",
  "concat-ref": "42",
  "concat-total": String(total),
  "concat-part": String(part),
});

const templates: SmsTemplate[] = [
  { name: "inbound-get-md5", mount: "md5", encoding: "query", path: "/inbound", fields: inbound },
  {
    name: "inbound-form-sha256",
    mount: "sha256",
    encoding: "form",
    path: "/inbound",
    fields: { ...inbound, messageId: "0A0000000123ABCD2", text: "Hello & welcome=yes 👋 ünïcode" },
  },
  {
    name: "inbound-json-sha256",
    mount: "sha256",
    encoding: "json",
    path: "/inbound",
    fields: inbound,
  },
  { name: "dlr-get-md5", mount: "md5", encoding: "query", path: "/status", fields: receipt },
  { name: "dlr-json-sha256", mount: "sha256", encoding: "json", path: "/status", fields: receipt },
  {
    name: "dlr-failed-form-md5",
    mount: "md5",
    encoding: "form",
    path: "/status",
    fields: { ...receipt, status: "failed", "err-code": "6", price: "0.00000000" },
  },
  {
    name: "concat-1of2-get-md5",
    mount: "md5",
    encoding: "query",
    path: "/inbound",
    fields: concat(1, 2, "This is the first part of a long message, "),
  },
  {
    name: "concat-2of3-form-sha256",
    mount: "sha256",
    encoding: "form",
    path: "/inbound",
    fields: concat(2, 3, "the second part, "),
  },
  {
    name: "binary-get-sha256",
    mount: "sha256",
    encoding: "query",
    path: "/inbound",
    fields: {
      "api-key": "abcd1234",
      msisdn: "447700900001",
      to: "447700900000",
      messageId: "0A0000000123ABCD3",
      type: "binary",
      data: "0102030405",
      udh: "050003CC0201",
      "message-timestamp": at,
    },
  },
  { name: "inbound-get-skip", mount: "skip", encoding: "query", path: "/inbound", fields: inbound },
  {
    name: "concat-1of2-json-skip",
    mount: "skip",
    encoding: "json",
    path: "/inbound",
    fields: concat(1, 2, "First part, "),
  },
  { name: "dlr-form-skip", mount: "skip", encoding: "form", path: "/status", fields: receipt },
  {
    name: "inbound-java-signed-skip",
    mount: "skip",
    encoding: "form",
    path: "/inbound",
    fields: { ...inbound, keyword: "" },
    javaSigned: true,
  },
  {
    name: "inbound-empty-keyword-sha256",
    mount: "sha256",
    encoding: "query",
    path: "/inbound",
    fields: { ...inbound, keyword: "" },
  },
];

const timestampForms = [
  "ms",
  "padded",
  "decimal",
  "spaced",
  "exponent",
  "hex",
  "negative",
  "empty",
];

function spell(ts: number, form: string): string {
  switch (form) {
    case "ms":
      return String(ts * 1000);
    case "padded":
      return `0${ts}`;
    case "decimal":
      return `${ts}.0`;
    case "spaced":
      return ` ${ts}`;
    case "exponent":
      return (ts / 1e9).toFixed(9) + "e9";
    case "hex":
      return `0x${ts.toString(16)}`;
    case "negative":
      return `-${ts}`;
    case "empty":
      return "";
    default:
      return String(ts);
  }
}

const originals = new Map<string, ParamDraft>();

// The original (a copy: steps change it in place), made once per template and signing.
function signed(template: SmsTemplate, index: number, ts: number, form: string): ParamDraft {
  const key = `${index}|${ts}|${form}`;
  let original = originals.get(key);
  if (original === undefined) {
    original = sign(template, index, ts, form);
    originals.set(key, original);
  }
  return { ...original, params: original.params.map((p) => ({ ...p })) };
}

// The original, signed by the independent signer: fields, timestamp, nonce, sig.
function sign(template: SmsTemplate, index: number, ts: number, form: string): ParamDraft {
  const record: Record<string, string> = {
    ...template.fields,
    timestamp: spell(ts, form),
    nonce: `aaaaaaaa-bbbb-cccc-dddd-${String(index).padStart(12, "0")}`,
  };
  const covered = template.javaSigned
    ? Object.fromEntries(Object.entries(record).filter(([, value]) => value.trim() !== ""))
    : record;
  const sig = vonageSig(covered, secret, mounts[template.mount].method);
  return {
    path: template.path,
    encoding: template.encoding,
    params: [...Object.entries(record), ["sig", sig]].map(([key, value]) => ({
      key: key!,
      value: value!,
    })),
  };
}

type Step = ParamStep | WireStep;
const isParamStep = (step: Step): step is ParamStep => step.op.startsWith("p-");

/** The Vonage SMS fuzz target. */
export function vonageSmsTarget(): FuzzTarget<Step> {
  return {
    name: "vonage-sms",
    toleranceSec: 300,
    templates,
    secrets: [secret],
    allowed5xx: [],
    timestampForms,
    step: fc.oneof(
      { weight: 3, arbitrary: paramStepArbitrary },
      { weight: 1, arbitrary: wireStepArbitrary(["/inbound", "/status", "/", "/inbound/x"]) },
    ),
    routers(options) {
      return {
        md5: smsWebhook.router(vonageSms({ secret, signatureMethod: "md5hash" }), options),
        sha256: smsWebhook.router(vonageSms({ secret, signatureMethod: "sha256hmac" }), options),
        skip: smsWebhook.router(
          vonageSms({ secret, signatureMethod: "sha256hmac", emptyValues: "sign-or-skip" }),
          options,
        ),
      };
    },
    render(fuzzCase, nowSec): Rendered {
      const template = templates[fuzzCase.template]!;
      const { offsetSec, form } = fuzzCase.signing;
      const draft = signed(template, fuzzCase.template, nowSec + offsetSec, form);
      const signWith = { secret, method: mounts[template.mount].method };
      const sigOf = () =>
        draft.params
          .filter((p) => p.key === "sig")
          .map((p) => p.value.trim().toLowerCase())
          .join(",");
      const before = sigOf();
      const traits = voidIfRestored(
        fuzzCase.steps.map((step) =>
          isParamStep(step) ? applyParamStep(step, draft, signWith) : "tamper",
        ),
        before,
        sigOf(),
      );
      const request = draftToWire(draft, "Vonage-Webhooks/1.0");
      fuzzCase.steps.forEach((step, i) => {
        if (isParamStep(step)) return;
        // README: either path accepts either kind of webhook.
        traits[i] =
          step.op === "path"
            ? step.value === "/inbound" || step.value === "/status"
              ? "preserving"
              : "tamper"
            : wireStepTrait(step, request);
        applyWireStep(step, request);
      });
      return { request, traits };
    },
    expectedSignatures(request, template) {
      const params = paramsOf(request);
      delete params["sig"];
      const method = mounts[(template as SmsTemplate).mount].method;
      const nonEmpty = Object.fromEntries(
        Object.entries(params).filter(([, value]) => value.trim() !== ""),
      );
      return [vonageSig(params, secret, method), vonageSig(nonEmpty, secret, method)];
    },
  };
}
