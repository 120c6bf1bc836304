// __tests__/fuzz/targets/vonage-messages.ts — Vonage Messages API: a JWT (HS256) in
// Authorization with payload_hash over the raw body; other algorithms, claims and secrets.

import crypto, { type KeyObject } from "node:crypto";
import fc from "fast-check";
import { smsWebhook, vonageMessages } from "../../../lib/index.js";
import { rsaPrivateKey } from "../../helpers/rsa-key.js";
import { hs256, vonageClaims } from "../../helpers/vonage-jwt.js";
import {
  applyJsonStep,
  applySharedStep,
  jsonStepArbitrary,
  wireStepArbitrary,
  type JsonStep,
  type Trait,
  type WireStep,
} from "../mutations.js";
import { voidIfRestored, type FuzzTarget, type Rendered, type Template } from "../target.js";
import { headerOf, setHeader, type WireRequest } from "../wire.js";

const secret = "fuzz-vonage-messages-signature-secret-0123456789";
const apiKey = "a1b2c3d";
const applicationId = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab";

interface MessagesTemplate extends Template {
  mount: "plain" | "keyed";
  path: "/inbound" | "/status";
  body: string;
}

const at = "2025-01-01T11:59:58Z";
const templates: MessagesTemplate[] = [
  {
    name: "inbound-sms",
    mount: "plain",
    path: "/inbound",
    body: JSON.stringify({
      channel: "sms",
      message_uuid: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
      to: "447700900000",
      from: "447700900001",
      timestamp: at,
      text: "Hello from Vonage! 👋",
      sms: { num_messages: "1", keyword: "HELLO" },
      usage: { currency: "EUR", price: "0.0057" },
      message_type: "text",
    }),
  },
  {
    name: "status-delivered",
    mount: "plain",
    path: "/status",
    body: JSON.stringify({
      message_uuid: "aaaaaaaa-bbbb-4ccc-8ddd-000000000001",
      to: "447700900000",
      from: "AcmeInc",
      timestamp: at,
      status: "delivered",
      usage: { currency: "EUR", price: "0.0333" },
      channel: "sms",
      destination: { network_code: "23410" },
      sms: { count_total: "1" },
    }),
  },
  {
    name: "status-rejected-keyed",
    mount: "keyed",
    path: "/status",
    body: JSON.stringify({
      message_uuid: "aaaaaaaa-bbbb-4ccc-8ddd-000000000002",
      to: "447700900000",
      from: "447700900001",
      timestamp: at,
      status: "rejected",
      error: {
        type: "https://developer.vonage.com/api-errors/messages#1000",
        title: "1000",
        detail: "Throttled",
        instance: "bf0ca0bf927b3b52e3cb03217e1a1ddf",
      },
      client_ref: "abc123",
      channel: "sms",
      sms: { count_total: "2" },
    }),
  },
  {
    name: "inbound-mms-keyed",
    mount: "keyed",
    path: "/inbound",
    body: JSON.stringify({
      channel: "mms",
      message_uuid: "52afe398-e31a-4362-8c42-beb0c3b1d099",
      to: "447700900000",
      from: "447700900001",
      timestamp: at,
      client_ref: "string",
      message_type: "image",
      image: { url: "https://example.com/image.jpg", name: "image.jpg" },
    }),
  },
  {
    name: "inbound-whatsapp",
    mount: "plain",
    path: "/inbound",
    body: JSON.stringify({
      channel: "whatsapp",
      message_uuid: "aaaaaaaa-bbbb-cccc-dddd-0123456789ff",
      to: "447700900000",
      from: "447700900001",
      timestamp: at,
      message_type: "text",
      text: "Hi on WhatsApp",
      profile: { name: "Jane Smith" },
    }),
  },
];

/** This provider's own steps: the token and the Authorization header. */
export type JwtStep =
  | { op: "jwt-alg"; alg: "none" | "None" | "HS384" | "HS512" | "RS256" | "hs256"; secret: Choice }
  | { op: "jwt-claim"; claim: Claim; value: unknown; secret: Choice }
  | {
      op: "jwt-forge";
      leaf: number;
      value: unknown;
      alg: "HS256" | "none";
      secret: "wrong" | "empty";
    }
  | { op: "jwt-token"; style: TokenStyle }
  | { op: "auth"; style: AuthStyle };

type Choice = "right" | "wrong";
type Claim = "iss" | "api_key" | "application_id" | "payload_hash" | "iat" | "exp" | "nbf" | "jti";
type TokenStyle =
  | "truncate"
  | "flip"
  | "drop-sig"
  | "extra-segment"
  | "padding"
  | "std-base64"
  | "lower"
  | "header-only"
  | "swap";
type AuthStyle =
  | "lower-scheme"
  | "upper-scheme"
  | "no-scheme"
  | "double-space"
  | "tab"
  | "basic"
  | "two-tokens"
  | "drop"
  | "empty";

type Step = JwtStep | WireStep | JsonStep;

const claimValues: unknown[] = [
  "Mallory",
  "",
  null,
  0,
  -1,
  "Vonage",
  "vonage",
  apiKey,
  "zzzzzzz",
  "00000000-0000-0000-0000-000000000000",
  1e12,
  "1735732800",
  "<delete>",
  {},
];

const choice = fc.constantFrom<Choice>("right", "wrong");
const jwtStepArbitrary: fc.Arbitrary<JwtStep> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("jwt-alg" as const),
      alg: fc.constantFrom(
        "none" as const,
        "None" as const,
        "HS384" as const,
        "HS512" as const,
        "RS256" as const,
        "hs256" as const,
      ),
      secret: choice,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("jwt-claim" as const),
      claim: fc.constantFrom<Claim>(
        "iss",
        "api_key",
        "application_id",
        "payload_hash",
        "iat",
        "exp",
        "nbf",
        "jti",
      ),
      value: fc.constantFrom(...claimValues),
      secret: choice,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("jwt-forge" as const),
      leaf: fc.nat({ max: 1000 }),
      value: fc.constantFrom<unknown>(
        "delivered",
        "rejected",
        "Forged text",
        "447700900666",
        "mms",
        null,
      ),
      alg: fc.constantFrom("HS256" as const, "none" as const),
      secret: fc.constantFrom("wrong" as const, "empty" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("jwt-token" as const),
      style: fc.constantFrom<TokenStyle>(
        "truncate",
        "flip",
        "drop-sig",
        "extra-segment",
        "padding",
        "std-base64",
        "lower",
        "header-only",
        "swap",
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("auth" as const),
      style: fc.constantFrom<AuthStyle>(
        "lower-scheme",
        "upper-scheme",
        "no-scheme",
        "double-space",
        "tab",
        "basic",
        "two-tokens",
        "drop",
        "empty",
      ),
    }),
  },
);

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
let rsaKey: KeyObject | undefined;

/** A token over `claims` with header `alg`, signed with `key` the way `alg` says. */
function token(claims: object, alg: string, key: string): string {
  const input = `${base64url({ alg, typ: "JWT" })}.${base64url(claims)}`;
  if (alg.toLowerCase() === "none") return `${input}.`;
  if (alg === "RS256" && key !== secret && rsaKey !== undefined) {
    return `${input}.${crypto.sign("sha256", Buffer.from(input), rsaKey).toString("base64url")}`;
  }
  const bits = { HS384: "sha384", HS512: "sha512" }[alg] ?? "sha256";
  return `${input}.${crypto.createHmac(bits, key).update(input).digest("base64url")}`;
}

const tokenOf = (request: WireRequest) =>
  /^Bearer\s+(\S+)/i.exec(headerOf(request, "authorization") ?? "")?.[1] ?? "";
const claimsOf = (jwt: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
};
const bearer = (request: WireRequest, jwt: string) =>
  setHeader(request, "Authorization", `Bearer ${jwt}`);

/**
 * Applies a token step. A step signing with the right secret signs the original's claims (with
 * its one change): the secret's holder never signs what a forger made up.
 */
function applyJwtStep(
  step: JwtStep,
  request: WireRequest,
  template: MessagesTemplate,
  original: Record<string, unknown>,
): Trait {
  const jwt = tokenOf(request);
  const current = claimsOf(jwt);
  const claimsFor = (which: Choice) => (which === "right" ? { ...original } : current);
  const keyFor = (which: Choice | "empty") =>
    which === "right" ? secret : which === "wrong" ? "not-the-signature-secret" : "";
  switch (step.op) {
    case "jwt-alg":
      bearer(request, token(claimsFor(step.secret), step.alg, keyFor(step.secret)));
      // README: HS256 only — none, RS256 and every other algorithm are refused.
      return "invalid";
    case "jwt-claim": {
      const claims = claimsFor(step.secret);
      if (step.value === "<delete>") delete claims[step.claim];
      else claims[step.claim] = step.value;
      bearer(request, token(claims, "HS256", keyFor(step.secret)));
      if (step.secret === "wrong") return "invalid";
      const refused =
        (step.claim === "iss" && step.value !== "Vonage") ||
        (step.claim === "payload_hash" && step.value !== original["payload_hash"]) ||
        (step.claim === "application_id" &&
          template.mount === "keyed" &&
          step.value !== applicationId);
      return refused ? "invalid" : "tamper";
    }
    case "jwt-forge": {
      // Another body, its own payload_hash, signed without the secret.
      const edited = { ...request, headers: [] as [string, string][] };
      applyJsonStep({ op: "json-edit", leaf: step.leaf, value: step.value }, edited);
      request.body = edited.body;
      current["payload_hash"] = crypto.createHash("sha256").update(request.body).digest("hex");
      bearer(request, token(current, step.alg, keyFor(step.secret)));
      return "invalid";
    }
    case "jwt-token": {
      const [header = "", payload = "", signature = ""] = jwt.split(".");
      const swapped =
        signature.length === 0 ? "A" : (signature[0] === "A" ? "B" : "A") + signature.slice(1);
      const changed = {
        truncate: () => jwt.slice(0, -2),
        flip: () => `${header}.${payload}.${swapped}`,
        "drop-sig": () => `${header}.${payload}.`,
        "extra-segment": () => `${jwt}.e30`,
        padding: () => `${jwt}=`,
        "std-base64": () => jwt.replace(/-/g, "+").replace(/_/g, "/"),
        lower: () => jwt.toLowerCase(),
        "header-only": () => header,
        swap: () => `${payload}.${header}.${signature}`,
      }[step.style]();
      bearer(request, changed);
      return step.style === "padding" || step.style === "std-base64" ? "tamper" : "invalid";
    }
    case "auth": {
      const value = {
        "lower-scheme": `bearer ${jwt}`,
        "upper-scheme": `BEARER ${jwt}`,
        "no-scheme": jwt,
        "double-space": `Bearer  ${jwt}`,
        tab: `Bearer\t${jwt}`,
        basic: `Basic ${jwt}`,
        "two-tokens": `Bearer ${jwt} ${jwt}`,
        drop: undefined,
        empty: "",
      }[step.style];
      setHeader(request, "Authorization", value);
      // RFC 9110: the auth-scheme is case-insensitive.
      if (step.style === "lower-scheme" || step.style === "upper-scheme") return "preserving";
      return step.style === "basic" || step.style === "drop" || step.style === "empty"
        ? "invalid"
        : "tamper";
    }
  }
}

const iatForms = ["string", "float", "ms", "missing", "negative"];

/** The Vonage Messages fuzz target. */
export function vonageMessagesTarget(): FuzzTarget<Step> {
  // Read here, before any request is timed.
  rsaKey ??= rsaPrivateKey();
  return {
    name: "vonage-messages",
    toleranceSec: 300,
    templates,
    secrets: [secret],
    // README: a request without Authorization is answered 503 unsigned_callback.
    allowed5xx: ["unsigned_callback"],
    timestampForms: iatForms,
    step: fc.oneof(
      { weight: 3, arbitrary: wireStepArbitrary(["/inbound", "/status", "/"]) },
      { weight: 1, arbitrary: jsonStepArbitrary },
      { weight: 3, arbitrary: jwtStepArbitrary },
    ),
    routers(options) {
      return {
        plain: smsWebhook.router(vonageMessages({ secret }), options),
        keyed: smsWebhook.router(
          vonageMessages({ secret: { [apiKey]: secret }, applicationId }),
          options,
        ),
      };
    },
    render(fuzzCase, nowSec): Rendered {
      const template = templates[fuzzCase.template]!;
      const { offsetSec, form } = fuzzCase.signing;
      const ts = nowSec + offsetSec;
      const claims: Record<string, unknown> = vonageClaims(template.body, {
        iat: ts,
        apiKey,
        applicationId,
        jti: `c5ba8f24-1a14-4c10-bfdf-${String(fuzzCase.template).padStart(12, "0")}`,
      });
      if (form === "missing") delete claims["iat"];
      else if (form !== "plain") {
        claims["iat"] = { string: String(ts), float: ts + 0.5, ms: ts * 1000, negative: -ts }[form];
      }
      const request: WireRequest = {
        method: "POST",
        path: template.path,
        query: "",
        headers: [
          ["Content-Type", "application/json"],
          ["Authorization", `Bearer ${hs256(claims, secret)}`],
          ["User-Agent", "Vonage-Messages/1.0"],
        ],
        body: Buffer.from(template.body, "utf8"),
        chunked: false,
      };
      const original = headerOf(request, "authorization");
      const traits: Trait[] = [];
      for (const step of fuzzCase.steps) traits.push(applyStep(step));
      function applyStep(step: Step): Trait {
        if (step.op.startsWith("jwt-") || step.op === "auth") {
          const resigned = "secret" in step && step.secret === "right";
          // A fresh token from the right secret undoes what earlier steps did to the token.
          if (resigned)
            traits.forEach((trait, i) => (traits[i] = trait === "invalid" ? "tamper" : trait));
          return applyJwtStep(step as JwtStep, request, template, claims);
        }
        return applySharedStep(step as JsonStep | WireStep, request);
      }
      return {
        request,
        traits: voidIfRestored(traits, original, headerOf(request, "authorization")),
      };
    },
    expectedSignatures(request) {
      const [header, payload] = tokenOf(request).split(".");
      if (header === undefined || payload === undefined) return [];
      return [
        crypto.createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url"),
      ];
    },
  };
}
