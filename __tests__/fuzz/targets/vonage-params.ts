// __tests__/fuzz/targets/vonage-params.ts — a Vonage SMS webhook as a list of parameters, the
// mutations of that list (re-cut, re-encode, move between query, form and JSON…) and its bytes.

import fc from "fast-check";
import { vonageSig, type Method } from "../../helpers/vonage-sms-signer.js";
import {
  restyleSignature,
  sigStyleArbitrary,
  sigStyleTrait,
  type SigStyle,
  type Trait,
} from "../mutations.js";
import type { WireRequest } from "../wire.js";

export type Encoding = "query" | "form" | "json";
export type ParamStyle = "percent-all" | "percent-lower" | "pct20" | "minimal" | "unicode-escape";

export interface Param {
  key: string;
  value: string;
  /** How the key and value are spelled on the wire (decoding gives the same text). */
  style?: ParamStyle;
  /** Sent nested: `key[x]=v` in a query or form, `"key":{"x":v}` in JSON. */
  nest?: boolean;
}

/** The parameters and how they travel. */
export interface ParamDraft {
  path: string;
  encoding: Encoding;
  params: Param[];
}

/** Mutations of the parameter list, before it becomes bytes. */
export type ParamStep =
  | { op: "p-reorder"; seed: number }
  | { op: "p-reencode"; param: number; style: ParamStyle }
  | { op: "p-encoding"; to: Encoding }
  | { op: "p-dup"; param: number; value: string | null }
  | { op: "p-drop"; param: number }
  | { op: "p-value"; param: number; value: string }
  | { op: "p-long"; param: number; length: number }
  | { op: "p-recut"; mask: number[]; density: number }
  | { op: "p-merge"; param: number; other: number }
  | { op: "p-add"; key: string; value: string; style: ParamStyle | null }
  | { op: "p-nest"; param: number }
  | { op: "p-key"; param: number; how: KeyChange }
  | { op: "p-sig"; style: SigStyle }
  | { op: "p-resign"; secret: "wrong" | "empty" | "upper"; method: Method };

type KeyChange =
  "upper" | "lower" | "space" | "underscore" | "proto" | "constructor" | "cyrillic" | "dot";

const param = fc.nat({ max: 1000 });
const styles: ParamStyle[] = ["percent-all", "percent-lower", "pct20", "minimal", "unicode-escape"];
const addKeys = [
  "status",
  "err-code",
  "concat",
  "concat-ref",
  "concat-total",
  "concat-part",
  "text",
  "type",
  "data",
  "udh",
  "keyword",
  "sig",
  "timestamp",
  "messageId",
  "msisdn",
  "to",
  "price",
  "scts",
  "__proto__",
  "constructor",
  "zz",
];
const values = [
  "",
  " ",
  "0",
  "1",
  "2",
  "true",
  "delivered",
  "failed",
  "-1",
  "1e3",
  "null",
  "%",
  "&",
  "=",
  "a&b=c",
  "😀",
  "\u0000",
  "x".repeat(300),
];

/** The parameter steps, weighted towards the ones that find forgeries. */
export const paramStepArbitrary: fc.Arbitrary<ParamStep> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("p-reorder"), seed: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("p-reencode"),
      param,
      style: fc.constantFrom(...styles),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("p-encoding"),
      to: fc.constantFrom("query" as const, "form" as const, "json" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("p-dup"),
      param,
      value: fc.option(fc.constantFrom(...values), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("p-drop"), param }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("p-value"),
      param,
      value: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("p-long"),
      param,
      length: fc.constantFrom(200, 5000, 70_000),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant("p-recut"),
      mask: fc.array(fc.nat(99), { minLength: 24, maxLength: 24 }),
      density: fc.constantFrom(8, 15, 25, 40),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("p-merge"), param, other: param }) },
  {
    weight: 5,
    // Mostly empty values: a scheme that skips them when signing lets anyone add them.
    arbitrary: fc.record({
      op: fc.constant("p-add"),
      key: fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom("status", "err-code") },
        { weight: 3, arbitrary: fc.constantFrom(...addKeys) },
      ),
      value: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom("", " ") },
        { weight: 2, arbitrary: fc.constantFrom(...values) },
      ),
      style: fc.option(fc.constantFrom(...styles), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("p-nest"), param }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("p-key"),
      param,
      how: fc.constantFrom<KeyChange>(
        "upper",
        "lower",
        "space",
        "underscore",
        "proto",
        "constructor",
        "cyrillic",
        "dot",
      ),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("p-sig"), style: sigStyleArbitrary }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("p-resign"),
      secret: fc.constantFrom("wrong" as const, "empty" as const, "upper" as const),
      method: fc.constantFrom<Method>("md5hash", "md5hmac", "sha1hmac", "sha256hmac", "sha512hmac"),
    }),
  },
);

const pick = <T>(list: readonly T[], index: number): number | undefined =>
  list.length === 0 ? undefined : index % list.length;

// A small deterministic shuffle (the step carries its own seed).
function shuffle<T>(list: T[], seed: number): T[] {
  let state = seed >>> 0 || 1;
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `a=1` merged with `b=2` into the key `a=1&b` with the value `2`. */
function merged(first: Param, rest: Param[]): Param {
  const all = [first, ...rest];
  const last = all[all.length - 1]!;
  const key = all
    .slice(0, -1)
    .map((p) => `${p.key}=${p.value}&`)
    .join("");
  return { key: key + last.key, value: last.value };
}

/**
 * Applies a parameter step in place and returns its trait. Order, spelling and transport are
 * the same parameters (Vonage signs the decoded, sorted set; README: GET, form and JSON all
 * work); a wrong secret, or a dropped `sig`, cannot verify.
 */
export function applyParamStep(
  step: ParamStep,
  draft: ParamDraft,
  signWith: { secret: string; method: Method },
): Trait {
  const params = draft.params;
  switch (step.op) {
    case "p-reorder":
      draft.params = shuffle(params, step.seed);
      return "preserving";
    case "p-reencode": {
      const at = pick(params, step.param);
      if (at !== undefined) params[at] = { ...params[at]!, style: step.style };
      return "preserving";
    }
    case "p-encoding":
      draft.encoding = step.to;
      return "preserving";
    case "p-dup": {
      const at = pick(params, step.param);
      if (at === undefined) return "tamper";
      const original = params[at]!;
      params.push({ key: original.key, value: step.value ?? original.value });
      return "tamper";
    }
    case "p-drop": {
      const at = pick(params, step.param);
      if (at === undefined) return "tamper";
      const [dropped] = params.splice(at, 1);
      return dropped!.key === "sig" ? "invalid" : "tamper";
    }
    case "p-value": {
      const at = pick(params, step.param);
      if (at !== undefined && params[at]!.value !== step.value) {
        params[at] = { ...params[at]!, value: step.value };
      }
      return "tamper";
    }
    case "p-long": {
      const at = pick(params, step.param);
      if (at !== undefined) {
        params[at] = { ...params[at]!, value: params[at]!.value + "x".repeat(step.length) };
      }
      return "tamper";
    }
    case "p-recut": {
      // Walk the signed order (sorted keys, sig aside) and fold each parameter whose mask entry
      // is under the density into the key of the one after it: the string Vonage signs stays
      // the same when neither value holds `&` or `=`.
      const signed = params.filter((p) => p.key !== "sig");
      const sorted = [...signed].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const groups: Param[][] = [];
      sorted.forEach((p, i) => {
        const joinPrevious = i > 0 && (step.mask[(i - 1) % step.mask.length] ?? 100) < step.density;
        if (joinPrevious) groups[groups.length - 1]!.push(p);
        else groups.push([p]);
      });
      const replacement = new Map<Param, Param | null>();
      for (const group of groups) {
        if (group.length < 2) continue;
        replacement.set(group[0]!, merged(group[0]!, group.slice(1)));
        for (const p of group.slice(1)) replacement.set(p, null);
      }
      draft.params = params.flatMap((p) => {
        const next = replacement.get(p);
        return next === undefined ? [p] : next === null ? [] : [next];
      });
      return "tamper";
    }
    case "p-merge": {
      const a = pick(params, step.param);
      const b = pick(params, step.other);
      if (a === undefined || b === undefined || a === b) return "tamper";
      const combined = merged(params[a]!, [params[b]!]);
      draft.params = params.flatMap((p, i) => (i === a ? [combined] : i === b ? [] : [p]));
      return "tamper";
    }
    case "p-add":
      params.push({
        key: step.key,
        value: step.value,
        ...(step.style ? { style: step.style } : {}),
      });
      return "tamper";
    case "p-nest": {
      const at = pick(params, step.param);
      if (at !== undefined) params[at] = { ...params[at]!, nest: true };
      return "tamper";
    }
    case "p-key": {
      const at = pick(params, step.param);
      if (at === undefined) return "tamper";
      const p = params[at]!;
      const key = {
        upper: () => p.key.toUpperCase(),
        lower: () => p.key.toLowerCase(),
        space: () => `${p.key} `,
        underscore: () => `_${p.key}`,
        proto: () => "__proto__",
        constructor: () => "constructor",
        cyrillic: () => p.key.replace(/e/, "\u0435"),
        dot: () => `${p.key}.`,
      }[step.how]();
      params[at] = { ...p, key };
      return "tamper";
    }
    case "p-sig": {
      const at = params.findIndex((p) => p.key === "sig");
      if (at === -1) return "tamper";
      params[at] = { ...params[at]!, value: restyleSignature(params[at]!.value, step.style) };
      return sigStyleTrait(step.style, false);
    }
    case "p-resign": {
      const secret = {
        wrong: "not-the-secret",
        empty: "",
        upper: signWith.secret.toUpperCase(),
      }[step.secret];
      if (secret === signWith.secret) return "tamper";
      const record: Record<string, string> = {};
      for (const p of params) if (p.key !== "sig") record[p.key] = p.value;
      const sig = vonageSig(record, secret, step.method);
      draft.params = [...params.filter((p) => p.key !== "sig"), { key: "sig", value: sig }];
      return "invalid";
    }
  }
}

// ---- bytes --------------------------------------------------------------------------------

const percentAll = (text: string, lower: boolean) =>
  [...Buffer.from(text, "utf8")]
    .map((byte) => {
      const hex = byte.toString(16).padStart(2, "0");
      return `%${lower ? hex : hex.toUpperCase()}`;
    })
    .join("");

const formSyntax = /[%&=+#\s\x7f]/;

function urlEncode(text: string, style: ParamStyle | undefined, encoding: Encoding): string {
  switch (style) {
    case "percent-all":
      return percentAll(text, false);
    case "percent-lower":
      return percentAll(text, true);
    case "pct20":
      return encodeURIComponent(text);
    case "minimal":
      // Only what the form syntax needs; a query also needs the rest escaped to be sent at all.
      return encoding === "form"
        ? [...text].map((c) => (formSyntax.test(c) || c < " " ? percentAll(c, false) : c)).join("")
        : encodeURIComponent(text).replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%40/g, "@");
    default:
      return encodeURIComponent(text).replace(/%20/g, "+");
  }
}

const jsonString = (text: string, style: ParamStyle | undefined) =>
  style === "unicode-escape"
    ? `"${Array.from({ length: text.length }, (_, i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`).join("")}"`
    : JSON.stringify(text);

/** The draft's bytes: a GET query string, a form body or a JSON body. */
export function draftToWire(draft: ParamDraft, userAgent: string): WireRequest {
  const headers: [string, string][] = [
    ["User-Agent", userAgent],
    ["Accept", "*/*"],
  ];
  if (draft.encoding === "json") {
    const members = draft.params.map((p) => {
      const value = jsonString(p.value, p.style);
      return `${jsonString(p.key, p.style)}:${p.nest ? `{"x":${value}}` : value}`;
    });
    headers.push(["Content-Type", "application/json"]);
    return {
      method: "POST",
      path: draft.path,
      query: "",
      headers,
      body: Buffer.from(`{${members.join(",")}}`, "utf8"),
      chunked: false,
    };
  }
  const text = draft.params
    .map((p) => {
      const key = urlEncode(p.key, p.style, draft.encoding) + (p.nest ? "[x]" : "");
      return `${key}=${urlEncode(p.value, p.style, draft.encoding)}`;
    })
    .join("&");
  if (draft.encoding === "query") {
    return {
      method: "GET",
      path: draft.path,
      query: text,
      headers,
      body: Buffer.alloc(0),
      chunked: false,
    };
  }
  headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
  return {
    method: "POST",
    path: draft.path,
    query: "",
    headers,
    body: Buffer.from(text, "utf8"),
    chunked: false,
  };
}

/** The parameters a request carries, read as Vonage's scheme reads them (best effort). */
export function paramsOf(request: WireRequest): Record<string, string> {
  const record: Record<string, string> = {};
  const text = request.method === "GET" ? request.query : request.body.toString("utf8");
  try {
    if (request.method !== "GET" && text.trimStart().startsWith("{")) {
      for (const [key, value] of Object.entries(JSON.parse(text) as object)) {
        if (typeof value === "string") record[key] = value;
      }
      return record;
    }
  } catch {
    return record;
  }
  for (const [key, value] of new URLSearchParams(text)) record[key] = value;
  return record;
}
