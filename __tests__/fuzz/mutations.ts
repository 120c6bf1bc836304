// __tests__/fuzz/mutations.ts — the provider-independent mutations: bytes, headers, encodings,
// lengths, JSON edits and signature spellings, as printable data with their fast-check arbitraries.

import zlib from "node:zlib";
import fc from "fast-check";
import { headerOf, setHeader, type WireRequest } from "./wire.js";

/**
 * How a step relates to the original request:
 * - `preserving`: the provider's docs (or HTTP) say the result means the same — it must be
 *   answered as the original is;
 * - `invalid`: the result certainly does not verify — it must never reach the handler;
 * - `tamper`: anything else — if it reaches the handler, it must be as the original's event.
 */
export type Trait = "preserving" | "tamper" | "invalid";

/** Changes to the bytes and headers of a request, whatever the provider. */
export type WireStep =
  | { op: "flip"; at: number; bit: number }
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "truncate"; at: number }
  | { op: "append"; text: string }
  | { op: "pad"; bytes: number; text: string }
  | { op: "empty-body" }
  | { op: "header-value"; header: number; value: string }
  | { op: "header-drop"; header: number }
  | { op: "header-dup"; header: number; value: string | null }
  | { op: "header-case"; header: number; style: "upper" | "lower" | "mixed" }
  | { op: "content-encoding"; value: string; compress: boolean }
  | { op: "content-type"; value: string }
  | { op: "chunked" }
  | { op: "method"; value: string }
  | { op: "query"; text: string }
  | { op: "path"; value: string };

/** Edits of a JSON body (without re-signing it). */
export type JsonStep =
  | { op: "json-edit"; leaf: number; value: unknown }
  | { op: "json-dup-key"; key: number; value: unknown }
  | { op: "json-reformat"; style: "pretty" | "compact" | "unicode-escape" | "bom" | "newline" };

/** Respellings of a hex signature. */
export type SigStyle =
  | "upper"
  | "mixed"
  | "truncate"
  | "extend"
  | "flip"
  | "whitespace"
  | "prefix"
  | "base64"
  | "empty"
  | "double";

const fragments = [
  '"',
  "\\",
  "\u0000",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  "&",
  "=",
  "%",
  "%zz",
  "%00",
  "+",
  "\r\n",
  "\uFEFF",
  "é",
  "👋",
  "\\u0000",
  "null",
  " ",
  "\t",
  '"__proto__":{},',
  '"a":1,',
  "&a=1",
  "&sig=",
  "a[b]=1&",
];

/** Header values worth trying (printable ASCII only: anything else never leaves node:http). */
export const headerValues = [
  "",
  " ",
  "x",
  "0",
  "-1",
  "null",
  "undefined",
  "9".repeat(20),
  "a".repeat(1500),
  "Bearer",
  "Bearer ",
  "sha256=",
  "application/json",
  "1735732800",
  "1735732800.5",
  "0x6774EB40",
  "\t1735732800 ",
  "%00",
  "ZZZZ",
  "=?utf-8?q?x?=",
];

const contentTypes = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=UTF-8",
  "text/plain",
  "text/html",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
  "application/json, text/plain",
  "application/*",
  "*/*",
  "application/jsonx",
  "json",
  "application/merge-patch+json",
];

const position = fc.nat({ max: 1_000_000 });
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...fragments) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: "binary" }) },
);

/** The generic wire steps, weighted; `paths` are other paths worth sending to. */
export function wireStepArbitrary(paths: readonly string[]): fc.Arbitrary<WireStep> {
  const header = fc.nat({ max: 1000 });
  return fc.oneof(
    { weight: 10, arbitrary: fc.record({ op: fc.constant("flip"), at: position, bit: fc.nat(7) }) },
    {
      weight: 6,
      arbitrary: fc.record({ op: fc.constant("insert"), at: position, text: fragment }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant("delete"),
        at: position,
        length: fc.integer({ min: 1, max: 40 }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("truncate"), at: position }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("append"), text: fragment }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("pad"),
        bytes: fc.constantFrom(1000, 65_000, 65_536, 66_000, 200_000),
        text: fc.constantFrom(" ", "a", "\n", "&x=1", "0"),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ op: "empty-body" as const }) },
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant("header-value"),
        header,
        value: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...headerValues) },
          {
            weight: 1,
            arbitrary: fc.string({
              maxLength: 40,
              unit: fc.constantFrom("a", "0", " ", "=", ",", ".", "-", "_"),
            }),
          },
        ),
      }),
    },
    { weight: 4, arbitrary: fc.record({ op: fc.constant("header-drop"), header }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant("header-dup"),
        header,
        value: fc.option(fc.constantFrom(...headerValues), { nil: null }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant("header-case"),
        header,
        style: fc.constantFrom("upper" as const, "lower" as const, "mixed" as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant("content-encoding"),
        value: fc.constantFrom(
          "gzip",
          "deflate",
          "br",
          "identity",
          "x-unknown",
          "gzip, gzip",
          "GZIP",
        ),
        compress: fc.boolean(),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant("content-type"),
        value: fc.constantFrom(...contentTypes),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ op: "chunked" as const }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("method"),
        value: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("query"),
        text: fc.constantFrom(
          "a=1",
          "sig=00",
          "timestamp=0",
          "%",
          "a[b]=1",
          "x=" + "y".repeat(3000),
          "status=delivered",
        ),
      }),
    },
    ...(paths.length === 0
      ? []
      : [
          {
            weight: 2,
            arbitrary: fc.record({ op: fc.constant("path"), value: fc.constantFrom(...paths) }),
          },
        ]),
  );
}

const at = (position: number, length: number) => position % (length + 1);

/** Applies a generic wire step to `request`, in place. */
export function applyWireStep(step: WireStep, request: WireRequest): void {
  const body = request.body;
  switch (step.op) {
    case "flip": {
      if (body.length === 0) return;
      const index = step.at % body.length;
      const copy = Buffer.from(body);
      copy[index] = copy[index]! ^ (1 << step.bit);
      request.body = copy;
      return;
    }
    case "insert": {
      const index = at(step.at, body.length);
      request.body = Buffer.concat([
        body.subarray(0, index),
        Buffer.from(step.text, "utf8"),
        body.subarray(index),
      ]);
      return;
    }
    case "delete": {
      const index = at(step.at, body.length);
      request.body = Buffer.concat([body.subarray(0, index), body.subarray(index + step.length)]);
      return;
    }
    case "truncate":
      request.body = body.subarray(0, at(step.at, body.length));
      return;
    case "append":
      request.body = Buffer.concat([body, Buffer.from(step.text, "utf8")]);
      return;
    case "pad": {
      const unit = Buffer.from(step.text, "utf8");
      const padding = Buffer.alloc(step.bytes, unit);
      request.body = Buffer.concat([body, padding]);
      return;
    }
    case "empty-body":
      request.body = Buffer.alloc(0);
      return;
    case "header-value": {
      const line = request.headers[step.header % Math.max(1, request.headers.length)];
      if (line !== undefined) line[1] = step.value;
      return;
    }
    case "header-drop":
      if (request.headers.length > 0)
        request.headers.splice(step.header % request.headers.length, 1);
      return;
    case "header-dup": {
      const line = request.headers[step.header % Math.max(1, request.headers.length)];
      if (line !== undefined) request.headers.push([line[0], step.value ?? line[1]]);
      return;
    }
    case "header-case": {
      const line = request.headers[step.header % Math.max(1, request.headers.length)];
      if (line === undefined) return;
      line[0] =
        step.style === "upper"
          ? line[0].toUpperCase()
          : step.style === "lower"
            ? line[0].toLowerCase()
            : [...line[0]].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join("");
      return;
    }
    case "content-encoding": {
      setHeader(request, "Content-Encoding", step.value);
      if (!step.compress) return;
      const coding = step.value.toLowerCase();
      if (coding === "gzip") request.body = zlib.gzipSync(body);
      else if (coding === "deflate") request.body = zlib.deflateSync(body);
      else if (coding === "br") request.body = zlib.brotliCompressSync(body);
      return;
    }
    case "content-type":
      setHeader(request, "Content-Type", step.value);
      return;
    case "chunked":
      request.chunked = true;
      return;
    case "method":
      request.method = step.value;
      return;
    case "query":
      request.query = request.query === "" ? step.text : `${request.query}&${step.text}`;
      return;
    case "path":
      request.path = step.value;
  }
}

const essence = (type: string | undefined) => (type ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * The generic steps' traits. Header-name case and chunked framing mean nothing to HTTP; a
 * content type that differs from the original's only in case or a charset parameter is the
 * same media type.
 */
export function wireStepTrait(step: WireStep, original: WireRequest): Trait {
  switch (step.op) {
    case "header-case":
    case "chunked":
      return "preserving";
    case "content-type": {
      const before = headerOf(original, "content-type");
      return before !== undefined &&
        essence(step.value) === essence(before) &&
        /^[^;]*(;\s*charset=utf-8)?$/i.test(step.value)
        ? "preserving"
        : "tamper";
    }
    default:
      return "tamper";
  }
}

// ---- JSON bodies -------------------------------------------------------------------------

const jsonValues: unknown[] = [
  "",
  " ",
  "x",
  0,
  -1,
  1e308,
  "1e-7",
  null,
  true,
  [],
  {},
  { a: 1 },
  "sms:received",
  "sms:delivered",
  "system:ping",
  "message.delivered",
  "message.failed",
  "delivered",
  "failed",
  "2099-01-01T00:00:00Z",
  "2024-06-22T15:46:11.000+07:00",
  "+15550000000",
  "__proto__",
  "a".repeat(5000),
];

/** JSON edits, weighted. */
export const jsonStepArbitrary: fc.Arbitrary<JsonStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("json-edit"),
      leaf: fc.nat({ max: 1000 }),
      value: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...jsonValues) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("json-dup-key"),
      key: fc.nat({ max: 1000 }),
      value: fc.constantFrom(...jsonValues),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("json-reformat"),
      style: fc.constantFrom(
        "pretty" as const,
        "compact" as const,
        "unicode-escape" as const,
        "bom" as const,
        "newline" as const,
      ),
    }),
  },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseJson(body: Buffer): Json | undefined {
  try {
    return JSON.parse(body.toString("utf8")) as Json;
  } catch {
    return undefined;
  }
}

// Every leaf (string, number, boolean, null) as [container, key].
function leaves(value: Json, out: [Record<string, Json> | Json[], string | number][] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item !== null && typeof item === "object") leaves(item, out);
      else out.push([value, index]);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (item !== null && typeof item === "object") leaves(item, out);
      else out.push([value, key]);
    }
  }
  return out;
}

/** Applies a JSON step to a JSON body, in place; a body that is not JSON is left alone. */
export function applyJsonStep(step: JsonStep, request: WireRequest): void {
  const text = request.body.toString("utf8");
  const parsed = parseJson(request.body);
  if (parsed === undefined || parsed === null || typeof parsed !== "object") return;
  switch (step.op) {
    case "json-edit": {
      const all = leaves(parsed);
      const leaf = all[step.leaf % Math.max(1, all.length)];
      if (leaf === undefined) return;
      const [container, key] = leaf;
      (container as Record<string | number, unknown>)[key] = step.value;
      request.body = Buffer.from(JSON.stringify(parsed));
      return;
    }
    case "json-dup-key": {
      // A repeated key, written after the last one: JSON.parse keeps the later value.
      const keys = Object.keys(parsed);
      const key = keys[step.key % Math.max(1, keys.length)];
      const end = text.lastIndexOf("}");
      if (key === undefined || end === -1) return;
      const extra = `,${JSON.stringify(key)}:${JSON.stringify(step.value)}`;
      request.body = Buffer.from(text.slice(0, end) + extra + text.slice(end));
      return;
    }
    case "json-reformat": {
      const reformatted = {
        pretty: () => JSON.stringify(parsed, null, 2),
        compact: () => JSON.stringify(parsed),
        "unicode-escape": () =>
          text.replace(/[a-zA-Z]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
        bom: () => `\uFEFF${text}`,
        newline: () => `${text}\n`,
      }[step.style]();
      request.body = Buffer.from(reformatted, "utf8");
    }
  }
}

// ---- signatures ---------------------------------------------------------------------------

/** Signature respellings, weighted. */
export const sigStyleArbitrary: fc.Arbitrary<SigStyle> = fc.constantFrom(
  "upper",
  "mixed",
  "truncate",
  "extend",
  "flip",
  "whitespace",
  "prefix",
  "base64",
  "empty",
  "double",
);

/** `signature` (hex) respelled in `style`. */
export function restyleSignature(signature: string, style: SigStyle): string {
  switch (style) {
    case "upper":
      return signature.toUpperCase();
    case "mixed":
      return [...signature].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join("");
    case "truncate":
      return signature.slice(0, Math.max(0, signature.length - 2));
    case "extend":
      return `${signature}00`;
    case "flip": {
      // A different hex digit, not the same digit in another case.
      const digit = parseInt(signature[0] ?? "0", 16);
      return ((digit + 1) % 16).toString(16) + signature.slice(1);
    }
    case "whitespace":
      return ` ${signature}\t`;
    case "prefix":
      return signature.startsWith("sha256=") ? signature : `sha256=${signature}`;
    case "base64":
      return Buffer.from(signature, "hex").toString("base64");
    case "empty":
      return "";
    case "double":
      return `${signature},${signature}`;
  }
}

/**
 * The trait of a respelling: upper-case hex is documented for every provider here, Mifumo also
 * documents the `sha256=` prefix; a cut, extended, changed or empty signature cannot verify.
 */
export function sigStyleTrait(style: SigStyle, prefixDocumented: boolean): Trait {
  if (style === "upper") return "preserving";
  if (style === "prefix") return prefixDocumented ? "preserving" : "tamper";
  if (style === "truncate" || style === "extend" || style === "flip" || style === "empty") {
    return "invalid";
  }
  return "tamper";
}

/** Applies a step every JSON provider shares (a JSON edit, or a wire step) and says what it did. */
export function applySharedStep(step: JsonStep | WireStep, request: WireRequest): Trait {
  if (step.op.startsWith("json-")) {
    applyJsonStep(step as JsonStep, request);
    return "tamper";
  }
  const trait = wireStepTrait(step as WireStep, request);
  applyWireStep(step as WireStep, request);
  return trait;
}
