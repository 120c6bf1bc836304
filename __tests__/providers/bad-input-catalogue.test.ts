// __tests__/providers/bad-input-catalogue.test.ts — every provider's bad requests, answered exactly.

import crypto from "node:crypto";
import zlib from "node:zlib";
import type { Express } from "express";
import {
  androidSmsGateway,
  bird,
  messageBird,
  mifumo,
  plivo,
  sinch,
  smsWebhook,
  telnyx,
  twilio,
  vonageMessages,
  vonageSms,
  type BirdOptions,
  type MessageBirdOptions,
  type MifumoOptions,
  type PlivoOptions,
  type SmsEvent,
  type TwilioOptions,
  type VonageMessagesOptions,
  type VonageSmsOptions,
  type WebhookErrorCode,
} from "../../lib/index.js";
import { birdStatusSample, messageBirdStatusSample } from "../../lib/testing/index.js";
import { recordingApp } from "../helpers/app.js";
import { birdSignature } from "../helpers/bird-signer.js";
import { messageBirdClaims, messageBirdJwt } from "../helpers/messagebird-signer.js";
import { signAndroid } from "../helpers/android-signer.js";
import {
  assertNothingLeaks,
  send,
  sendExact,
  type ExactRequest,
  type ExactResponse,
  type TestRequest,
} from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";
import {
  twilioBodyHash,
  twilioForm,
  twilioSignature,
  type TwilioParams,
} from "../helpers/twilio-signer.js";
import { signMifumo } from "../helpers/mifumo-signer.js";
import { sinchHeaders, sinchSignature } from "../helpers/sinch-signer.js";
import {
  freshNonce,
  plivoRequest,
  plivoV2Signature,
  plivoV3Signature,
  type PlivoParams,
} from "../helpers/plivo-signer.js";
import { hs256, vonageClaims } from "../helpers/vonage-jwt.js";
import {
  formEncode,
  signVonageParams,
  vonageSig,
  type Method,
} from "../helpers/vonage-sms-signer.js";
import { bodies } from "./android-sms-gateway/fixtures.js";
import { deliveredBody } from "./mifumo/fixtures.js";
import { inboundSms } from "./vonage-messages/fixtures.js";
import { seedInbound } from "./vonage-sms/fixtures.js";
import { w1, w2 } from "./twilio/fixtures.js";
import { s2 as sinchReport } from "./sinch/fixtures.js";
import { keyPairNamed, telnyxHeaders, telnyxSignature } from "../helpers/telnyx-signer.js";
import { finalized as telnyxFinalized } from "./telnyx/fixtures.js";
import { p1, p2 } from "./plivo/fixtures.js";
import { rsaPrivateKey } from "../helpers/rsa-key.js";

// ---------------------------------------------------------------------------------------------
// The catalogue's machinery: one table per provider, every row checked the same way.

/** A request through supertest, or byte for byte (binary bodies, no Content-Type added). */
type Sent = TestRequest | ExactRequest;

/** One bad request and the exact answer it must get. */
interface BadInput<Config> {
  /** A behaviour sentence: the test's title. */
  name: string;
  /** Provider options on top of the catalogue's own (a second scheme, a map of secrets…). */
  config?: Config;
  request: () => Sent;
  status: number;
  code: WebhookErrorCode;
}

interface Catalogue<Config> {
  title: string;
  /** A real Express app around the provider, and the events its handler saw. */
  app(config: Config | undefined): { app: Express; events: SmsEvent[] };
  /** A fresh, validly signed request: the app must still take it after a bad one. */
  valid(config: Config | undefined): TestRequest;
  /** A fresh, validly signed POST whose body is exactly `bytes` long. */
  sized(bytes: number): TestRequest;
  /** Everything secret the app was configured with: never in an answer. */
  secrets: readonly string[];
  /** The correct signature(s) for `req`, by the independent signer: never in an answer. */
  expected(req: Sent, config: Config | undefined): string[];
  cases: BadInput<Config>[];
}

const defaultLimit = 64 * 1024;

async function deliver(app: Express, req: Sent): Promise<ExactResponse> {
  if ("exact" in req) return sendExact(app, req);
  const res = await send(app, req);
  return {
    status: res.status,
    contentType: res.headers["content-type"],
    text: res.text,
  };
}

/** The answer is `{"error":{"code","message"}}` with `status` and `code`, and leaks nothing. */
function expectRejection(
  res: ExactResponse,
  status: number,
  code: WebhookErrorCode,
  secrets: readonly string[],
) {
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = res.text;
  }
  const answered = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  expect({ status: res.status, code: answered }).toEqual({ status, code });
  expect(res.contentType).toMatch(/^application\/json\b/);
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect((body as { error: { message: string } }).error.message).not.toBe("");
  // Nor a source position, as a stack frame or an error's message would give one.
  expect(res.text).not.toMatch(/\.[cm]?[jt]s:\d+:\d+/);
  assertNothingLeaks(
    res.text,
    secrets.flatMap((secret) => [secret, secret.toLowerCase(), secret.toUpperCase()]),
  );
}

function expect2xx(status: number) {
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(300);
}

function runCatalogue<Config>(catalogue: Catalogue<Config>) {
  describe(`${catalogue.title}: bad input`, () => {
    it.each(catalogue.cases)("$name", async ({ config, request, status, code }) => {
      const { app, events } = catalogue.app(config);
      const bad = request();
      const res = await deliver(app, bad);
      expectRejection(res, status, code, [
        ...catalogue.secrets,
        ...catalogue.expected(bad, config),
      ]);
      expect(events).toHaveLength(0);

      expect2xx((await deliver(app, catalogue.valid(config))).status);
      expect(events).toHaveLength(1);
    });
  });

  describe(`${catalogue.title}: what still gets through`, () => {
    it("accepts a validly signed body of exactly 64 kb, the default limit", async () => {
      const { app, events } = catalogue.app(undefined);
      const req = catalogue.sized(defaultLimit);
      expect(Buffer.byteLength(req.body!)).toBe(defaultLimit);
      expect2xx((await deliver(app, req)).status);
      expect(events).toHaveLength(1);
    });

    it("accepts Content-Encoding: identity", async () => {
      const { app, events } = catalogue.app(undefined);
      const req = withHeaders(catalogue.valid(undefined), { "content-encoding": "identity" });
      expect2xx((await deliver(app, req)).status);
      expect(events).toHaveLength(1);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Small tools for building bad requests.

/** `req` with headers set (a string) or removed (`undefined`). */
function withHeaders(req: TestRequest, changes: Record<string, string | undefined>): TestRequest {
  const headers = { ...req.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...req, headers };
}

/** `req` with its body compressed and sent byte for byte, its signature headers unchanged. */
function encoded(req: TestRequest, encoding: "gzip" | "deflate" | "br"): ExactRequest {
  const plain = Buffer.from(req.body ?? "", "utf8");
  const compress = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync };
  return {
    exact: true,
    method: req.method,
    path: req.query === undefined ? req.path : `${req.path}?${req.query}`,
    headers: { ...req.headers, "content-encoding": encoding },
    body: compress[encoding](plain),
  };
}

/** A POST sent byte for byte with exactly `headers`. */
function exactPost(path: string, headers: Record<string, string>, body: string): ExactRequest {
  return { exact: true, method: "POST", path, headers, body: Buffer.from(body, "utf8") };
}

/** `build(pad)` with `pad` as long as it takes to make the body exactly `bytes` long. */
function padTo(bytes: number, build: (pad: string) => TestRequest): TestRequest {
  const unpadded = Buffer.byteLength(build("").body ?? "");
  const req = build("x".repeat(bytes - unpadded));
  if (Buffer.byteLength(req.body ?? "") !== bytes) throw new Error("padTo: the body length moved");
  return req;
}

function headerOf(req: Sent, name: string): string | undefined {
  return req.headers[name];
}

const decoders: Record<string, (body: Buffer) => Buffer> = {
  gzip: zlib.gunzipSync,
  deflate: zlib.inflateSync,
  br: zlib.brotliDecompressSync,
};

/** The body the provider meant: decompressed when the request says it was compressed. */
function plainBody(req: Sent): Buffer {
  if (!("exact" in req)) return Buffer.from(req.body ?? "", "utf8");
  const decompress = decoders[headerOf(req, "content-encoding") ?? ""];
  return decompress === undefined ? req.body : decompress(req.body);
}

/** The body's bytes as sent and, when compressed, as meant: a signature may cover either. */
function bodyReadings(req: Sent): Buffer[] {
  const sent = "exact" in req ? req.body : Buffer.from(req.body ?? "", "utf8");
  const meant = plainBody(req);
  return sent.equals(meant) ? [sent] : [sent, meant];
}

const hmacHex = (key: string, ...parts: (Buffer | string)[]) => {
  const mac = crypto.createHmac("sha256", key);
  for (const part of parts) mac.update(part);
  return mac.digest("hex");
};

/** A fresh id of fixed width, so padded bodies keep their length from one build to the next. */
let nextId = 0;
const freshId = () => String(++nextId).padStart(8, "0");

// ---------------------------------------------------------------------------------------------
// SMS Gateway for Android: X-Signature = hex HMAC-SHA256(key, body + X-Timestamp).

const androidKey = "catalogue-android-signing-key-5c1e7b";
const androidNow = new Date("2024-06-22T08:46:30Z");
const androidSec = Math.floor(androidNow.getTime() / 1000);
const androidPath = "/hooks/android";

/** The app's sms:sent envelope with a fresh id. */
const androidBody = () => bodies.sent.replace('"sent_1"', `"evt_${freshId()}"`);

function androidSigned(
  body = androidBody(),
  options: { key?: string; timestamp?: number | string } = {},
): TestRequest {
  const headers = signAndroid(body, options.key ?? androidKey, options.timestamp ?? androidSec);
  return { method: "POST", path: androidPath, headers, body };
}

/** The signed request with its X-Signature rewritten by `change`. */
function androidResigned(change: (signature: string) => string): TestRequest {
  const req = androidSigned();
  return withHeaders(req, { "x-signature": change(req.headers["x-signature"]!) });
}

/** A signed sms:sent whose payload carries `pad` (the schema ignores fields it does not know). */
const androidPadded = (pad: string) =>
  androidSigned(androidBody().replace('"partsCount":2', `"padding":"${pad}","partsCount":2`));

const androidGarbage = '{"id":"x","event":"sms:received","payload":';

runCatalogue<never>({
  title: "androidSmsGateway",
  app: () =>
    recordingApp((app, handler) =>
      app.use(
        androidPath,
        smsWebhook.router(androidSmsGateway({ secret: androidKey }), {
          clock: () => androidNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => androidSigned(),
  sized: (bytes) => padTo(bytes, androidPadded),
  secrets: [androidKey],
  expected: (req) =>
    bodyReadings(req).map((body) => hmacHex(androidKey, body, headerOf(req, "x-timestamp") ?? "")),
  cases: [
    {
      name: "rejects a request without X-Signature",
      request: () => withHeaders(androidSigned(), { "x-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a signature one hex digit short",
      request: () => androidResigned((signature) => signature.slice(0, -1)),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right HMAC behind a sha256= prefix the app never sends",
      request: () => androidResigned((signature) => `sha256=${signature}`),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with another key",
      request: () => androidSigned(androidBody(), { key: "another-android-signing-key" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a body with one byte changed after signing",
      request: () => {
        const req = androidSigned();
        return { ...req, body: req.body!.replace('"partsCount":2', '"partsCount":3') };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an X-Timestamp changed after signing",
      request: () => withHeaders(androidSigned(), { "x-timestamp": String(androidSec + 1) }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a repeated key appended after signing to override the signed event",
      request: () => {
        const req = androidSigned();
        return { ...req, body: req.body!.replace(/}$/, ',"event":"sms:failed"}') };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request without X-Timestamp",
      request: () => withHeaders(androidSigned(), { "x-timestamp": undefined }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed X-Timestamp that is not a number",
      request: () => androidSigned(androidBody(), { timestamp: "soon" }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed negative X-Timestamp",
      request: () => androidSigned(androidBody(), { timestamp: `-${androidSec}` }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed X-Timestamp 301 s old",
      request: () => androidSigned(androidBody(), { timestamp: androidSec - 301 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a signed X-Timestamp ten years ahead",
      request: () => androidSigned(androidBody(), { timestamp: androidSec + 10 * 365 * 86_400 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, androidPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded body, even one that unzips to a validly signed request",
      request: () => encoded(androidSigned(), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects JSON garbage without a signature with 401, before parsing it",
      request: () => withHeaders(androidSigned(androidGarbage), { "x-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects JSON garbage signed with another key with 401, before parsing it",
      request: () => androidSigned(androidGarbage, { key: "another-android-signing-key" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects validly signed JSON garbage with 400 payload_invalid",
      request: () => androidSigned(androidGarbage),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed JSON array of envelopes with 400 payload_invalid",
      request: () => androidSigned(`[${androidBody()}]`),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed envelope hidden under __proto__ with 400 payload_invalid",
      request: () => androidSigned(`{"__proto__":${androidBody()}}`),
      status: 400,
      code: "payload_invalid",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Mifumo: X-Webhook-Signature = hex HMAC-SHA256(secret, body); or a bearer API key.

type MifumoConfig = Partial<MifumoOptions>;

const mifumoSecret = "catalogue-mifumo-webhook-secret-8b4d";
const mifumoApiKey = "catalogue-mifumo-api-key-2e7a91";
const mifumoNow = new Date("2024-01-01T10:05:00Z");
const mifumoPath = "/hooks/mifumo";
const bearerScheme: MifumoConfig = { scheme: "bearer", secret: mifumoApiKey };

/** The seed's message.delivered, byte for byte, with a fresh message_id. */
const mifumoBody = () => deliveredBody.replace("msg_123456789", `msg_${freshId()}`);

function mifumoSigned(body = mifumoBody(), secret = mifumoSecret): TestRequest {
  return { method: "POST", path: mifumoPath, headers: signMifumo(body, secret), body };
}

function mifumoBearer(body = mifumoBody(), authorization = `Bearer ${mifumoApiKey}`) {
  const headers = { "content-type": "application/json", authorization };
  return { method: "POST", path: mifumoPath, headers, body } satisfies TestRequest;
}

function mifumoResigned(change: (signature: string) => string): TestRequest {
  const req = mifumoSigned();
  return withHeaders(req, { "x-webhook-signature": change(req.headers["x-webhook-signature"]!) });
}

/** A signed message.delivered carrying `pad` in a field Mifumo does not send. */
const mifumoPadded = (pad: string) =>
  mifumoSigned(
    mifumoBody().replace('"status": "delivered",', `"status": "delivered",\n  "x": "${pad}",`),
  );

const mifumoGarbage = "event=message.delivered&message_id=msg_1";

runCatalogue<MifumoConfig>({
  title: "mifumo",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        mifumoPath,
        smsWebhook.router(mifumo({ secret: mifumoSecret, ...config }), {
          clock: () => mifumoNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: (config) => (config?.scheme === "bearer" ? mifumoBearer() : mifumoSigned()),
  sized: (bytes) => padTo(bytes, mifumoPadded),
  secrets: [mifumoSecret, mifumoApiKey],
  expected: (req) => bodyReadings(req).map((body) => hmacHex(mifumoSecret, body)),
  cases: [
    {
      name: "rejects a request without X-Webhook-Signature",
      request: () => withHeaders(mifumoSigned(), { "x-webhook-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects an empty X-Webhook-Signature",
      request: () => mifumoResigned(() => ""),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right HMAC written in base64 instead of hex",
      request: () => mifumoResigned((hex) => Buffer.from(hex, "hex").toString("base64")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right HMAC behind a sha1= prefix",
      request: () => mifumoResigned((hex) => `sha1=${hex}`),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right HMAC behind sha256: instead of sha256=",
      request: () => mifumoResigned((hex) => `sha256:${hex}`),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with another secret",
      request: () => mifumoSigned(mifumoBody(), "another-mifumo-secret"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a recipient changed by one digit after signing",
      request: () => {
        const req = mifumoSigned();
        return { ...req, body: req.body!.replace("+255123456789", "+255123456780") };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a repeated key appended after signing to override the signed status",
      request: () => {
        const req = mifumoSigned();
        return { ...req, body: req.body!.replace(/\n}$/, ',\n  "status": "failed"\n}') };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a signed body whose timestamp is more than an hour old",
      request: () =>
        mifumoSigned(
          mifumoBody().replace(
            '"timestamp": "2024-01-01T10:05:00Z"',
            '"timestamp": "2024-01-01T09:04:59Z"',
          ),
        ),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a signed body whose timestamp is unix seconds, not ISO-8601",
      request: () =>
        mifumoSigned(
          mifumoBody().replace('"timestamp": "2024-01-01T10:05:00Z"', '"timestamp": 1704103500'),
        ),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, mifumoPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a deflate-encoded body, even one that inflates to a validly signed request",
      request: () => encoded(mifumoSigned(), "deflate"),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects non-JSON without a signature with 401, before parsing it",
      request: () => withHeaders(mifumoSigned(mifumoGarbage), { "x-webhook-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects non-JSON under a forged signature with 401, before parsing it",
      request: () => mifumoSigned(mifumoGarbage, "another-mifumo-secret"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects validly signed non-JSON with 400 payload_invalid",
      request: () => mifumoSigned(mifumoGarbage),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed event hidden under constructor.prototype with 400 payload_invalid",
      request: () => mifumoSigned(`{"constructor":{"prototype":${mifumoBody()}}}`),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects another API key (bearer scheme)",
      config: bearerScheme,
      request: () => mifumoBearer(mifumoBody(), "Bearer catalogue-mifumo-api-key-other"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an HMAC signature where the bearer key belongs (bearer scheme)",
      config: bearerScheme,
      request: () => mifumoSigned(),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects non-JSON without a bearer key with 401, before parsing it (bearer scheme)",
      config: bearerScheme,
      request: () => withHeaders(mifumoBearer(mifumoGarbage), { authorization: undefined }),
      status: 401,
      code: "signature_missing",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Vonage Messages: Authorization: Bearer <HS256 JWT> with iss, iat, api_key and payload_hash.

type MessagesConfig = Partial<VonageMessagesOptions>;

const messagesSecret = "catalogue-messages-signature-secret-93f0";
const messagesSubSecret = "catalogue-messages-sub-account-secret-77aa";
const messagesNow = new Date("2025-01-01T12:00:10Z");
const messagesSec = Math.floor(messagesNow.getTime() / 1000);
const messagesPath = "/hooks/vonage-messages";
const applicationId = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab";
const bySubAccount: MessagesConfig = {
  secret: { a1b2c3d: messagesSecret, sub1: messagesSubSecret },
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Vonage's inbound SMS with a fresh message_uuid (and `extra` fields). */
const messagesBody = (extra: object = {}) =>
  JSON.stringify({ ...inboundSms, message_uuid: `uuid-${freshId()}`, ...extra });

/** The claims Vonage signs for `body`; `changes` overrides or (with `undefined`) drops some. */
const claimsFor = (body: string, changes: Record<string, unknown> = {}) => ({
  ...vonageClaims(body, { iat: messagesSec, applicationId }),
  ...changes,
});

function withAuthorization(authorization: string | undefined, body: string): TestRequest {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization !== undefined) headers["authorization"] = authorization;
  return { method: "POST", path: `${messagesPath}/inbound`, headers, body };
}

function messagesSigned(
  body = messagesBody(),
  changes: Record<string, unknown> = {},
  secret = messagesSecret,
): TestRequest {
  return withAuthorization(`Bearer ${hs256(claimsFor(body, changes), secret)}`, body);
}

/** A token whose header says `alg`, signed by `sign` over `header.claims`. */
function tokenWithAlg(alg: string, body: string, sign: (input: string) => string): string {
  const input = `${base64url({ alg, typ: "JWT" })}.${base64url(claimsFor(body))}`;
  return `${input}.${sign(input)}`;
}

const messagesPadded = (pad: string) => messagesSigned(messagesBody({ padding: pad }));

const messagesGarbage = '{"channel":"sms","message_uuid":';

runCatalogue<MessagesConfig>({
  title: "vonageMessages",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        messagesPath,
        smsWebhook.router(vonageMessages({ secret: messagesSecret, ...config }), {
          clock: () => messagesNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  // Signed for the application the app expects, when it expects one.
  valid: (config) =>
    messagesSigned(
      messagesBody(),
      typeof config?.applicationId === "string" ? { application_id: config.applicationId } : {},
    ),
  sized: (bytes) => padTo(bytes, messagesPadded),
  secrets: [messagesSecret, messagesSubSecret],
  expected(req) {
    const expected = bodyReadings(req).map((body) =>
      crypto.createHash("sha256").update(body).digest("hex"),
    );
    const token = /^Bearer\s+(\S+)$/i.exec(headerOf(req, "authorization") ?? "")?.[1];
    const [header, claims] = token?.split(".") ?? [];
    if (header !== undefined && claims !== undefined) {
      for (const secret of [messagesSecret, messagesSubSecret]) {
        const input = `${header}.${claims}`;
        expected.push(crypto.createHmac("sha256", secret).update(input).digest("base64url"));
      }
    }
    return expected;
  },
  cases: [
    {
      name: "answers a callback without Authorization with 503 unsigned_callback",
      request: () => withAuthorization(undefined, messagesBody()),
      status: 503,
      code: "unsigned_callback",
    },
    {
      name: "rejects Basic credentials: not a Bearer token",
      request: () => withAuthorization("Basic dm9uYWdlOnBhc3N3b3Jk", messagesBody()),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a bearer token that is not a JWT",
      request: () => withAuthorization("Bearer not-a-jwt", messagesBody()),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token whose three segments are not base64url",
      request: () => withAuthorization("Bearer %%%.!!!.***", messagesBody()),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an alg none token",
      request: () => {
        const body = messagesBody();
        return withAuthorization(`Bearer ${tokenWithAlg("none", body, () => "")}`, body);
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an HS512 token signed with the right secret",
      request: () => {
        const body = messagesBody();
        const token = tokenWithAlg("HS512", body, (input) =>
          crypto.createHmac("sha512", messagesSecret).update(input).digest("base64url"),
        );
        return withAuthorization(`Bearer ${token}`, body);
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an RS256 token signed with a real RSA key",
      request: () => {
        const body = messagesBody();
        const privateKey = rsaPrivateKey();
        const token = tokenWithAlg("RS256", body, (input) =>
          crypto.sign("sha256", Buffer.from(input), privateKey).toString("base64url"),
        );
        return withAuthorization(`Bearer ${token}`, body);
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token signed with another secret",
      request: () => messagesSigned(messagesBody(), {}, "another-messages-signature-secret"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token whose issuer is not Vonage",
      request: () => messagesSigned(messagesBody(), { iss: "Mallory" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a body changed after signing: payload_hash no longer matches",
      request: () => {
        const req = messagesSigned();
        return { ...req, body: req.body!.replace("Hello From Vonage!", "Hello From Mallory") };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token without payload_hash",
      request: () => messagesSigned(messagesBody(), { payload_hash: undefined }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a payload_hash over the re-serialized JSON rather than the bytes sent",
      request: () => {
        const compact = messagesBody();
        const pretty = JSON.stringify(JSON.parse(compact), null, 2);
        return withAuthorization(`Bearer ${hs256(claimsFor(compact), messagesSecret)}`, pretty);
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token whose exp has passed",
      request: () => messagesSigned(messagesBody(), { exp: messagesSec - 60 }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token without iat",
      request: () => messagesSigned(messagesBody(), { iat: undefined }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects an iat 301 s old",
      request: () => messagesSigned(messagesBody(), { iat: messagesSec - 301 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "answers an api_key no secret is configured for with 401 secret_unknown",
      config: bySubAccount,
      request: () => messagesSigned(messagesBody(), { api_key: "stranger" }),
      status: 401,
      code: "secret_unknown",
    },
    {
      name: "rejects a sub-account's token signed with the main account's secret",
      config: bySubAccount,
      request: () => messagesSigned(messagesBody(), { api_key: "sub1" }, messagesSecret),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token issued for another application",
      config: { applicationId: "ffffffff-0000-1111-2222-333333333333" },
      request: () => messagesSigned(),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, messagesPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a br-encoded body, even one that decodes to a validly signed request",
      request: () => encoded(messagesSigned(), "br"),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "answers JSON garbage without Authorization with 503, before parsing it",
      request: () => withAuthorization(undefined, messagesGarbage),
      status: 503,
      code: "unsigned_callback",
    },
    {
      name: "rejects JSON garbage under a token signed with another secret with 401, before parsing it",
      request: () => messagesSigned(messagesGarbage, {}, "another-messages-signature-secret"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects validly signed JSON garbage with 400 payload_invalid",
      request: () => messagesSigned(messagesGarbage),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed message hidden under __proto__ with 400 payload_invalid",
      request: () => messagesSigned(`{"__proto__":${messagesBody()}}`),
      status: 400,
      code: "payload_invalid",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Vonage SMS: the sig parameter over every other parameter, sorted, `&key=value`.

type SmsConfig = Partial<VonageSmsOptions>;
type Params = Record<string, string>;

const smsSecret = "catalogue-vonage-sms-secret-4a6b0d";
const smsNow = new Date("2020-01-01T12:00:05Z");
const smsSec = Math.floor(smsNow.getTime() / 1000);
const smsPath = "/hooks/vonage";

/** A delivery receipt for a fresh message, before signing. */
const receipt = (): Params => ({
  messageId: `0C${freshId()}`,
  msisdn: "447700900000",
  to: "AcmeInc",
  "network-code": "23430",
  price: "0.03330000",
  status: "delivered",
  scts: "2501011400",
  "err-code": "0",
  "api-key": "abcd1234",
  "client-ref": "order-77",
  "message-timestamp": "2020-01-01 12:00:00",
});

/** The seed's inbound SMS with a fresh messageId, before signing. */
const inbound = (): Params => ({ ...seedInbound, messageId: `0D${freshId()}` });

const smsSigned = (
  params: Params,
  options: { method?: Method; at?: number; secret?: string } = {},
) =>
  signVonageParams(
    params,
    options.secret ?? smsSecret,
    options.method ?? "md5hash",
    options.at ?? smsSec,
  );

const viaGet = (query: string, path = "/status"): TestRequest => ({
  method: "GET",
  path: `${smsPath}${path}`,
  headers: {},
  query,
});

const viaPost = (body: string, contentType: string, path = "/status"): TestRequest => ({
  method: "POST",
  path: `${smsPath}${path}`,
  headers: { "content-type": contentType },
  body,
});

const form = "application/x-www-form-urlencoded";

/** Asserts a re-cut set of parameters still has the original's string to sign: a forgery. */
function sameStringToSign(entries: [string, string][], sig: string): [string, string][] {
  const recut = Object.fromEntries(entries);
  if (vonageSig(recut, smsSecret, "md5hash") !== sig) {
    throw new Error("the re-cut parameters do not sign the same string");
  }
  return entries;
}

/**
 * A signed DLR re-cut: `scts` and `status` merged into the key `scts=2501011400&status`, and
 * `api-key`, `client-ref`, `err-code` into one key. The string to sign is unchanged, so the sig
 * verifies, but the request no longer carries a status.
 */
function recutReceipt(): [string, string][] {
  const signed = smsSigned(receipt());
  const { scts, status, "api-key": apiKey, "client-ref": clientRef, ...rest } = signed;
  const { "err-code": errCode, ...others } = rest;
  return sameStringToSign(
    [
      [`api-key=${apiKey}&client-ref=${clientRef}&err-code`, errCode!],
      ...Object.entries(others),
      [`scts=${scts}&status`, status!],
    ],
    signed["sig"]!,
  );
}

/** Part 1 of 2 of a concatenated SMS with its concat keys merged: it would pass as whole. */
function recutPart(): [string, string][] {
  const signed = smsSigned({
    ...inbound(),
    text: "Transfer approved for ",
    concat: "true",
    "concat-ref": "7",
    "concat-total": "2",
    "concat-part": "1",
  });
  const { concat, "concat-part": part, "concat-ref": ref, ...rest } = signed;
  const { "concat-total": total, ...others } = rest;
  return sameStringToSign(
    [
      [`concat=${concat}&concat-part=${part}&concat-ref=${ref}&concat-total`, total!],
      ...Object.entries(others),
    ],
    signed["sig"]!,
  );
}

/** The parameters as the request carries them (best effort: undefined when unreadable). */
function smsParamsOf(req: Sent): Params | undefined {
  try {
    if (req.method === "GET") {
      const query = "exact" in req ? (req.path.split("?")[1] ?? "") : (req.query ?? "");
      return Object.fromEntries(new URLSearchParams(query));
    }
    const text = plainBody(req).toString("utf8");
    if (!(headerOf(req, "content-type") ?? "").includes("json")) {
      return Object.fromEntries(new URLSearchParams(text));
    }
    const entries = Object.entries(JSON.parse(text) as object);
    return Object.fromEntries(
      entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return undefined;
  }
}

/** A signed inbound SMS whose text carries `pad`. */
const smsPadded = (pad: string) =>
  viaPost(formEncode(smsSigned({ ...inbound(), text: `Hello ${pad}` })), form, "/inbound");

const forgedGarbageSig = "0".repeat(32);

runCatalogue<SmsConfig>({
  title: "vonageSms",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        smsPath,
        smsWebhook.router(vonageSms({ secret: smsSecret, ...config }), {
          clock: () => smsNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: (config) =>
    viaPost(
      formEncode(smsSigned(inbound(), { method: config?.signatureMethod ?? "md5hash" })),
      form,
      "/inbound",
    ),
  sized: (bytes) => padTo(bytes, smsPadded),
  secrets: [smsSecret],
  expected(req, config) {
    const params = smsParamsOf(req);
    if (params === undefined) return [];
    const method = config?.signatureMethod ?? "md5hash";
    const nonEmpty = Object.entries(params).filter(([, value]) => value.trim() !== "");
    return [
      vonageSig(params, smsSecret, method),
      vonageSig(Object.fromEntries(nonEmpty), smsSecret, method),
    ];
  },
  cases: [
    {
      name: "rejects an unsigned receipt with 401 signature_missing",
      request: () => viaGet(formEncode(receipt())),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "treats an empty sig as a missing one",
      request: () => viaPost(formEncode({ ...smsSigned(receipt()), sig: "" }), form),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a sha256hmac sig where md5hash is configured",
      request: () => viaGet(formEncode(smsSigned(receipt(), { method: "sha256hmac" }))),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a receipt signed with another secret",
      request: () => viaGet(formEncode(smsSigned(receipt(), { secret: "another-sms-secret" }))),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a receipt whose price changed after signing",
      request: () => viaGet(formEncode({ ...smsSigned(receipt()), price: "0.00000000" })),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a JSON body whose repeated key overrides a signed value",
      request: () =>
        viaPost(
          JSON.stringify(smsSigned(receipt())).replace(/}$/, ',"status":"failed"}'),
          "application/json",
        ),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a __proto__ parameter added after signing",
      request: () => viaPost(`${formEncode(smsSigned(inbound()))}&__proto__=x`, form, "/inbound"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a captured SMS with an empty status= added (emptyValues: sign)",
      request: () => viaPost(formEncode({ ...smsSigned(inbound()), status: "" }), form, "/inbound"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a captured SMS with status=delivered added, even with emptyValues: sign-or-skip",
      config: { emptyValues: "sign-or-skip" },
      request: () =>
        viaPost(formEncode({ ...smsSigned(inbound()), status: "delivered" }), form, "/inbound"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a signed request without a timestamp",
      request: () => {
        const params = { ...receipt(), nonce: crypto.randomUUID() };
        return viaGet(formEncode({ ...params, sig: vonageSig(params, smsSecret, "md5hash") }));
      },
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed negative timestamp",
      request: () => viaGet(formEncode(smsSigned(receipt(), { at: -smsSec }))),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed timestamp of twenty-one digits",
      request: () => viaGet(formEncode(smsSigned(receipt(), { at: 1e20 }))),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed timestamp 301 s old",
      request: () => viaGet(formEncode(smsSigned(receipt(), { at: smsSec - 301 }))),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a nested-looking key a[b] in a form",
      request: () => viaPost(`${formEncode(smsSigned(receipt()))}&to%5Bx%5D=1`, form),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a nested-looking key in a GET query, whatever the query parser makes of it",
      request: () =>
        viaGet(`${formEncode(smsSigned(receipt()))}&constructor[prototype][polluted]=yes`),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a repeated key in a form",
      request: () => viaPost(`${formEncode(smsSigned(receipt()))}&status=failed`, form),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a repeated sig in a GET query",
      request: () => {
        const signed = smsSigned(receipt());
        return viaGet(`${formEncode(signed)}&sig=${signed["sig"]!}`);
      },
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a signed key with a character outside [A-Za-z0-9_-]",
      request: () => viaPost(formEncode(smsSigned({ ...receipt(), "client.ref": "x" })), form),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a DLR re-cut by moving = into a key (form)",
      request: () => viaPost(new URLSearchParams(recutReceipt()).toString(), form),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a DLR re-cut by moving = into a key (GET query)",
      request: () => viaGet(new URLSearchParams(recutReceipt()).toString()),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects part 1 of 2 re-cut into a whole SMS by merging its concat keys",
      request: () => viaPost(new URLSearchParams(recutPart()).toString(), form, "/inbound"),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a signed query string moved into a text/plain POST body",
      request: () => viaPost(formEncode(smsSigned(receipt())), "text/plain"),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects a signed JSON body labelled as a form",
      request: () => viaPost(JSON.stringify(smsSigned(receipt())), form),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "ignores a signed query string on a POST: the empty body is unsigned",
      request: () => ({ ...viaPost("", form), query: formEncode(smsSigned(receipt())) }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a validly signed form one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, smsPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded form, even one that unzips to a validly signed request",
      request: () => encoded(viaPost(formEncode(smsSigned(receipt())), form), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects a JSON body that is not JSON with 400 payload_invalid (its sig is inside)",
      request: () => viaPost(`{"messageId":"0C1","sig":"${forgedGarbageSig}"`, "application/json"),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "reads an untyped body that looks like JSON as JSON, and refuses it when it is not",
      request: () =>
        exactPost(`${smsPath}/status`, {}, `{"messageId":"0C1","sig":"${forgedGarbageSig}",`),
      status: 400,
      code: "payload_invalid",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// The third forgery: with emptyValues "sign-or-skip", a captured inbound SMS plus empty
// parameters verifies by the skip form. The skipped parameters must then not exist, or the SMS
// turns into a message.status the attacker chose.

describe("vonageSms with emptyValues: sign-or-skip, against empty parameters added to a captured SMS", () => {
  function skipApp() {
    return recordingApp((app, handler) =>
      app.use(
        smsPath,
        smsWebhook.router(vonageSms({ secret: smsSecret, emptyValues: "sign-or-skip" }), {
          clock: () => smsNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    );
  }

  it("answers the re-posted SMS with status= and err-code= as a duplicate, never as a status", async () => {
    const { app, events } = skipApp();
    const captured = smsSigned(inbound());
    expect((await send(app, viaPost(formEncode(captured), form, "/inbound"))).status).toBe(204);
    const forged = viaPost(
      formEncode({ ...captured, status: "", "err-code": "" }),
      form,
      "/status",
    );
    const res = await send(app, forged);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 200,
      body: { status: "duplicate" },
    });
    expect(events.map((event) => event.type)).toEqual(["message.received"]);
  });

  it("delivers a first-seen SMS with status=%20 added as the SMS it was signed as", async () => {
    const { app, events } = skipApp();
    const captured = smsSigned(inbound());
    const res = await send(app, viaGet(`${formEncode(captured)}&status=%20`, "/inbound"));
    expect2xx(res.status);
    expect(events.map((event) => event.type)).toEqual(["message.received"]);
    expect(events[0]).toMatchObject({ id: `in:${captured["messageId"]!}`, text: "Hello world" });
    expect(Object.hasOwn(events[0]!.raw as object, "status")).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Twilio: X-Twilio-Signature = base64 HMAC-SHA1(Auth Token, URL + sorted key+value params).

type TwilioConfig = Partial<TwilioOptions>;

const twilioToken = "catalogue0twilio0auth0token00a1b2";
const twilioOrigin = "https://hooks.example.com";
const twilioPath = "/hooks/twilio";

/** W1 with a fresh MessageSid of fixed width. */
const twilioInbound = (): TwilioParams => {
  const messageSid = `SM${freshId().padStart(32, "0")}`;
  return { ...w1.params, MessageSid: messageSid, SmsSid: messageSid, SmsMessageSid: messageSid };
};

/** A form POST Twilio signed for `signedUrl` (default: where it is sent, at the public origin). */
function twilioSigned(
  params: TwilioParams = twilioInbound(),
  options: { path?: string; query?: string; signedUrl?: string; token?: string } = {},
): TestRequest {
  const path = `${twilioPath}${options.path ?? "/inbound"}`;
  const query = options.query === undefined ? "" : `?${options.query}`;
  const url = options.signedUrl ?? `${twilioOrigin}${path}${query}`;
  return {
    method: "POST",
    path,
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: {
      "content-type": form,
      "x-twilio-signature": twilioSignature(options.token ?? twilioToken, url, params),
    },
    body: twilioForm(params),
  };
}

/** A JSON POST signed the Twilio way: bodySHA256 of `signedBody` in the URL, no parameters. */
function twilioJson(
  body: string,
  signedBody = body,
  query = `bodySHA256=${twilioBodyHash(signedBody)}`,
) {
  const path = `${twilioPath}/status`;
  return {
    method: "POST" as const,
    path,
    query,
    headers: {
      "content-type": "application/json",
      "x-twilio-signature": twilioSignature(twilioToken, `${twilioOrigin}${path}?${query}`),
    },
    body,
  };
}

const twilioResigned = (change: (signature: string) => string): TestRequest => {
  const req = twilioSigned();
  return withHeaders(req, { "x-twilio-signature": change(req.headers["x-twilio-signature"]!) });
};

const twilioPadded = (pad: string) => twilioSigned({ ...twilioInbound(), Body: `Hi ${pad}` });

runCatalogue<TwilioConfig>({
  title: "twilio",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        twilioPath,
        smsWebhook.router(twilio({ secret: twilioToken, publicUrl: twilioOrigin, ...config }), {
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => twilioSigned(),
  sized: (bytes) => padTo(bytes, twilioPadded),
  secrets: [twilioToken],
  expected(req) {
    const query = "exact" in req ? (req.path.split("?")[1] ?? "") : (req.query ?? "");
    const path = "exact" in req ? (req.path.split("?")[0] ?? "") : req.path;
    const url = `${twilioOrigin}${path}${query === "" ? "" : `?${query}`}`;
    const params: TwilioParams = {};
    for (const [key, value] of new URLSearchParams(plainBody(req).toString("utf8"))) {
      const before = params[key];
      params[key] = before === undefined ? value : [before, value].flat();
    }
    return [twilioSignature(twilioToken, url, params), twilioSignature(twilioToken, url)];
  },
  cases: [
    {
      name: "rejects an unsigned inbound SMS with 401 signature_missing",
      request: () => withHeaders(twilioSigned(), { "x-twilio-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "treats an empty X-Twilio-Signature as a missing one",
      request: () => twilioResigned(() => ""),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a signature that is not 20 bytes of base64",
      request: () => twilioResigned((signature) => signature.slice(0, -4)),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a non-canonical base64 spelling of the right signature",
      request: () => twilioResigned((signature) => signature.replace(/=$/, "")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with another Auth Token",
      request: () => twilioSigned(twilioInbound(), { token: "another-twilio-auth-token" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed for http:// where Twilio called https://",
      request: () =>
        twilioSigned(twilioInbound(), {
          signedUrl: `http://hooks.example.com${twilioPath}/inbound`,
        }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed for another path (status, replayed to inbound)",
      request: () =>
        twilioSigned(twilioInbound(), { signedUrl: `${twilioOrigin}${twilioPath}/status` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with a trailing slash the request lacks",
      request: () =>
        twilioSigned(twilioInbound(), { signedUrl: `${twilioOrigin}${twilioPath}/inbound/` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a query string reordered after signing",
      request: () => {
        const req = twilioSigned(twilioInbound(), { query: "tenant=acme&x=1" });
        return { ...req, query: "x=1&tenant=acme" };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a parameter added after signing",
      request: () => {
        const req = twilioSigned();
        return { ...req, body: `${req.body}&NumMedia=1` };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an unsigned form with a nested key with 401, before reading it",
      request: () => ({
        ...withHeaders(twilioSigned(), { "x-twilio-signature": undefined }),
        body: "a[b]=1",
      }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "refuses a validly signed lower-case parameter name with 400 payload_invalid",
      request: () => twilioSigned({ ...twilioInbound(), tenant: "acme" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed nested key (a[b]) with 400 payload_invalid",
      request: () => twilioSigned({ ...twilioInbound(), "Media[0]": "x" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed repeated From (which sender?) with 400 payload_invalid",
      request: () => twilioSigned({ ...twilioInbound(), From: ["+14155550100", "+14155550199"] }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed MessageSid that is not a sid, before the store",
      request: () => twilioSigned({ ...twilioInbound(), MessageSid: "SM1" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed NumMedia its MediaUrlN do not match",
      request: () =>
        twilioSigned({
          ...twilioInbound(),
          NumMedia: "2",
          MediaContentType0: "image/jpeg",
          MediaUrl0: "https://api.twilio.com/m/ME1",
        }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed status callback with a status word of another shape",
      request: () =>
        twilioSigned({ ...w2.params, MessageStatus: "Delivered" }, { path: "/status" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a JSON body whose bytes changed after signing (bodySHA256)",
      request: () =>
        twilioJson(
          JSON.stringify({ MessageSid: w2.params["MessageSid"], MessageStatus: "failed" }),
          JSON.stringify({ MessageSid: w2.params["MessageSid"], MessageStatus: "delivered" }),
        ),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a bodySHA256 that is not hex SHA-256",
      request: () => twilioJson("{}", "{}", "bodySHA256=abc"),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "refuses a repeated bodySHA256 with 400 payload_invalid",
      request: () => {
        const hash = twilioBodyHash("{}");
        return twilioJson("{}", "{}", `bodySHA256=${hash}&bodySHA256=${hash}`);
      },
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses validly signed JSON garbage with 400 payload_invalid",
      request: () => twilioJson('{"MessageSid":'),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a JSON POST without bodySHA256 with 415",
      request: () => withHeaders(twilioSigned(), { "content-type": "application/json" }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "refuses a text/plain POST with 415",
      request: () => withHeaders(twilioSigned(), { "content-type": "text/plain" }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, twilioPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded body, even one that decodes to a validly signed request",
      request: () => encoded(twilioSigned(), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Sinch: x-sinch-webhook-signature = base64 HMAC(secret, body + "." + nonce + "." + timestamp),
// HMAC-SHA256 or HMAC-SHA512 as x-sinch-webhook-signature-algorithm says.

const sinchSecret = "catalogue-sinch-callback-secret-61d3";
const sinchNow = new Date("2025-01-01T12:00:05Z");
const sinchSec = Math.floor(sinchNow.getTime() / 1000);
const sinchPath = "/hooks/sinch";
const sinchNonce = "01JGPX5A1B2C3D4E5F6G7H8J9K";

/** S2 (a recipient delivery report) with a fresh batch id of fixed width. */
const sinchBody = () =>
  sinchReport.body.replace("01JGPX4Y5ZQ3W2V1U0T9S8R7Q6", `01JGPX4Y5ZQ3W2V1U0${freshId()}`);

function sinchSigned(
  body = sinchBody(),
  options: {
    secret?: string;
    nonce?: string;
    timestamp?: number | string;
    algorithm?: "HmacSHA256" | "HmacSHA512";
  } = {},
): TestRequest {
  const headers = sinchHeaders(
    options.secret ?? sinchSecret,
    body,
    options.nonce ?? sinchNonce,
    options.timestamp ?? sinchSec,
    options.algorithm,
  );
  return { method: "POST", path: sinchPath, headers, body };
}

const sinchResigned = (change: (signature: string) => string): TestRequest => {
  const req = sinchSigned();
  const signature = req.headers["x-sinch-webhook-signature"]!;
  return withHeaders(req, { "x-sinch-webhook-signature": change(signature) });
};

/** A signed report carrying `pad` in a field Sinch does not send. */
const sinchPadded = (pad: string) =>
  sinchSigned(sinchBody().replace('{"at"', `{"padding":"${pad}","at"`));

const sinchGarbage = '{"type":"mo_text","id":';

runCatalogue<never>({
  title: "sinch",
  app: () =>
    recordingApp((app, handler) =>
      app.use(
        sinchPath,
        smsWebhook.router(sinch({ secret: sinchSecret }), {
          clock: () => sinchNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => sinchSigned(),
  sized: (bytes) => padTo(bytes, sinchPadded),
  secrets: [sinchSecret],
  expected: (req) =>
    bodyReadings(req).flatMap((body) =>
      (["sha256", "sha512"] as const).map((hash) =>
        sinchSignature(
          sinchSecret,
          body.toString("utf8"),
          headerOf(req, "x-sinch-webhook-signature-nonce") ?? "",
          headerOf(req, "x-sinch-webhook-signature-timestamp") ?? "",
          hash,
        ),
      ),
    ),
  cases: [
    {
      name: "rejects a request without x-sinch-webhook-signature",
      request: () => withHeaders(sinchSigned(), { "x-sinch-webhook-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "treats an empty x-sinch-webhook-signature as a missing one",
      request: () => sinchResigned(() => ""),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a signature that is not 32 bytes of base64",
      request: () => sinchResigned((signature) => signature.slice(0, -4)),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a non-canonical base64 spelling of the right signature",
      request: () => sinchResigned((signature) => signature.replace(/=$/, "")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right HMAC written in hex instead of base64",
      request: () => sinchResigned((signature) => Buffer.from(signature, "base64").toString("hex")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with another secret",
      request: () => sinchSigned(sinchBody(), { secret: "another-sinch-secret" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a status changed after signing",
      request: () => {
        const req = sinchSigned();
        return { ...req, body: req.body!.replace('"Delivered"', '"Failed"') };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a repeated key appended after signing to override the signed status",
      request: () => {
        const req = sinchSigned();
        return { ...req, body: req.body!.replace(/}$/, ',"status":"Failed"}') };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a nonce changed after signing",
      request: () =>
        withHeaders(sinchSigned(), { "x-sinch-webhook-signature-nonce": `${sinchNonce}0` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a timestamp changed after signing",
      request: () =>
        withHeaders(sinchSigned(), { "x-sinch-webhook-signature-timestamp": String(sinchSec + 1) }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request without the nonce the signature covers",
      request: () => withHeaders(sinchSigned(), { "x-sinch-webhook-signature-nonce": undefined }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request without x-sinch-webhook-signature-timestamp",
      request: () =>
        withHeaders(sinchSigned(), { "x-sinch-webhook-signature-timestamp": undefined }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed timestamp that is not unix seconds (a '.' would move the nonce's end)",
      request: () => sinchSigned(sinchBody(), { nonce: "n", timestamp: `1.${sinchSec}` }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed timestamp 25 hours old",
      request: () => sinchSigned(sinchBody(), { timestamp: sinchSec - 25 * 3600 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a signed timestamp ten years ahead",
      request: () => sinchSigned(sinchBody(), { timestamp: sinchSec + 10 * 365 * 86_400 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects an algorithm other than HmacSHA256 and HmacSHA512 (HmacSHA1)",
      request: () =>
        withHeaders(sinchSigned(), { "x-sinch-webhook-signature-algorithm": "HmacSHA1" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a SHA-256 signature relabelled HmacSHA512",
      request: () =>
        withHeaders(sinchSigned(), { "x-sinch-webhook-signature-algorithm": "HmacSHA512" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a SHA-512 signature whose algorithm header was dropped (read as SHA-256)",
      request: () =>
        withHeaders(sinchSigned(sinchBody(), { algorithm: "HmacSHA512" }), {
          "x-sinch-webhook-signature-algorithm": undefined,
        }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "refuses a captured request re-cut at a '.' of its nonce (the nonce's head moved into the body) with 400",
      request: () => {
        const req = sinchSigned(sinchBody(), { nonce: "head.tail" });
        return {
          ...withHeaders(req, { "x-sinch-webhook-signature-nonce": "tail" }),
          body: `${req.body!}.head`,
        };
      },
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a captured request re-cut at a '.' of its body (the body's tail moved into the nonce) with 400",
      request: () => {
        const body = sinchBody().replace('"order-42"', '"order.42"');
        const req = sinchSigned(body);
        const cut = body.indexOf(".");
        return {
          ...withHeaders(req, {
            "x-sinch-webhook-signature-nonce": `${body.slice(cut + 1)}.${sinchNonce}`,
          }),
          body: body.slice(0, cut),
        };
      },
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed report whose code is a string, before the store",
      request: () => sinchSigned(sinchBody().replace('"code":0', '"code":"0"')),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed mo_binary whose body is not base64",
      request: () =>
        sinchSigned(
          JSON.stringify({
            body: "not base64!",
            from: "46700000001",
            id: `01JGPX6MOBIN${freshId()}`,
            received_at: "2025-01-01T12:00:00.000Z",
            to: "12345",
            type: "mo_binary",
            udh: "050003CC0201",
          }),
        ),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed report whose time is not a date",
      request: () => sinchSigned(sinchBody().replace("2025-01-01T12:00:05.123Z", "yesterday")),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, sinchPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded body, even one that unzips to a validly signed request",
      request: () => encoded(sinchSigned(), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects JSON garbage without a signature with 401, before parsing it",
      request: () =>
        withHeaders(sinchSigned(sinchGarbage), { "x-sinch-webhook-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects JSON garbage signed with another secret with 401, before parsing it",
      request: () => sinchSigned(sinchGarbage, { secret: "another-sinch-secret" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "refuses validly signed JSON garbage with 400 payload_invalid",
      request: () => sinchSigned(sinchGarbage),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed JSON array of callbacks with 400 payload_invalid",
      request: () => sinchSigned(`[${sinchBody()}]`),
      status: 400,
      code: "payload_invalid",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Telnyx: telnyx-signature-ed25519 = base64 Ed25519 over `${telnyx-timestamp}|` + the raw body.

const telnyxPair = keyPairNamed("catalogue-telnyx-account");
const telnyxNow = new Date("2025-01-01T12:01:10Z");
const telnyxSec = Math.floor(telnyxNow.getTime() / 1000);
const telnyxPath = "/hooks/telnyx";

/** The §2 vector's message.finalized, byte for byte, with a fresh data.id. */
const telnyxBody = () =>
  telnyxFinalized.body.replace(
    "4ee8c3a6-4995-4309-a3c6-38e3db9ea4be",
    `4ee8c3a6-4995-4309-a3c6-${freshId().padStart(12, "0")}`,
  );

function telnyxSigned(
  body = telnyxBody(),
  options: { key?: crypto.KeyObject; timestamp?: number | string } = {},
): TestRequest {
  const headers = telnyxHeaders(
    options.key ?? telnyxPair.privateKey,
    options.timestamp ?? telnyxSec,
    body,
  );
  return { method: "POST", path: telnyxPath, headers, body };
}

const telnyxResigned = (change: (signature: string) => string): TestRequest => {
  const req = telnyxSigned();
  return withHeaders(req, {
    "telnyx-signature-ed25519": change(req.headers["telnyx-signature-ed25519"]!),
  });
};

/** A validly signed body whose data.payload is changed by `change`. */
function telnyxWithPayload(change: (payload: Record<string, unknown>) => unknown): TestRequest {
  const parsed = JSON.parse(telnyxBody()) as { data: { payload: Record<string, unknown> } };
  parsed.data.payload = change(parsed.data.payload) as Record<string, unknown>;
  return telnyxSigned(JSON.stringify(parsed));
}

const telnyxPadded = (pad: string) =>
  telnyxSigned(telnyxBody().replace('"text":"Your code', `"padding":"${pad}","text":"Your code`));

const telnyxGarbage = '{"data":{"event_type":"message.finalized","id":';

runCatalogue<never>({
  title: "telnyx",
  app: () =>
    recordingApp((app, handler) =>
      app.use(
        telnyxPath,
        smsWebhook.router(telnyx({ publicKey: telnyxPair.publicKey }), {
          clock: () => telnyxNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => telnyxSigned(),
  sized: (bytes) => padTo(bytes, telnyxPadded),
  secrets: [],
  expected: (req) =>
    bodyReadings(req).map((body) =>
      telnyxSignature(telnyxPair.privateKey, headerOf(req, "telnyx-timestamp") ?? "", body),
    ),
  cases: [
    {
      name: "rejects a request without telnyx-signature-ed25519",
      request: () => withHeaders(telnyxSigned(), { "telnyx-signature-ed25519": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "treats an empty telnyx-signature-ed25519 as a missing one",
      request: () => telnyxResigned(() => ""),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects the right signature under the old telnyx-signature header name alone",
      request: () => {
        const req = telnyxSigned();
        return withHeaders(req, {
          "telnyx-signature": req.headers["telnyx-signature-ed25519"],
          "telnyx-signature-ed25519": undefined,
        });
      },
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a signature that is not 64 bytes of base64",
      request: () => telnyxResigned((signature) => signature.slice(0, -4)),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a non-canonical base64 spelling of the right signature (padding dropped)",
      request: () => telnyxResigned((signature) => signature.replace(/=+$/, "")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right signature written as hex",
      request: () =>
        telnyxResigned((signature) => Buffer.from(signature, "base64").toString("hex")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an all-zero signature (the small-order forgery a weak key would accept)",
      request: () => telnyxResigned(() => Buffer.alloc(64).toString("base64")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with another account's key",
      request: () =>
        telnyxSigned(telnyxBody(), { key: keyPairNamed("another-account").privateKey }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects another event's captured signature and timestamp on this body",
      request: () => {
        const captured = telnyxSigned();
        return { ...telnyxSigned(), headers: captured.headers };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a body pretty-printed after signing (the signature covers the bytes)",
      request: () => {
        const req = telnyxSigned();
        return { ...req, body: JSON.stringify(JSON.parse(req.body!), null, 2) };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a repeated key appended after signing to override the event type",
      request: () => {
        const req = telnyxSigned();
        return {
          ...req,
          body: req.body!.replace(/}$/, ',"data":{"event_type":"message.received"}}'),
        };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a telnyx-timestamp moved one second after signing",
      request: () => withHeaders(telnyxSigned(), { "telnyx-timestamp": String(telnyxSec + 1) }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the signed `|` moved into the timestamp (a re-cut of timestamp and body)",
      request: () => {
        // `${ts}|` + body splits one way only because the timestamp is digits: one holding a
        // `|` (bytes moved over from the body) is refused before the signature is checked.
        const req = telnyxSigned();
        return withHeaders(req, { "telnyx-timestamp": `${telnyxSec}|` });
      },
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a request without telnyx-timestamp",
      request: () => withHeaders(telnyxSigned(), { "telnyx-timestamp": undefined }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed telnyx-timestamp that is not a number",
      request: () => telnyxSigned(telnyxBody(), { timestamp: "soon" }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed negative telnyx-timestamp",
      request: () => telnyxSigned(telnyxBody(), { timestamp: `-${telnyxSec}` }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed telnyx-timestamp with a fraction",
      request: () => telnyxSigned(telnyxBody(), { timestamp: `${telnyxSec}.5` }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a signed telnyx-timestamp 301 s old",
      request: () => telnyxSigned(telnyxBody(), { timestamp: telnyxSec - 301 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a signed telnyx-timestamp 301 s ahead",
      request: () => telnyxSigned(telnyxBody(), { timestamp: telnyxSec + 301 }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a signed telnyx-timestamp in milliseconds as not unix seconds",
      request: () => telnyxSigned(telnyxBody(), { timestamp: telnyxSec * 1000 }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects JSON garbage without a signature with 401, before parsing it",
      request: () =>
        withHeaders(telnyxSigned(telnyxGarbage), { "telnyx-signature-ed25519": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects JSON garbage signed with another key with 401, before parsing it",
      request: () =>
        telnyxSigned(telnyxGarbage, { key: keyPairNamed("another-account").privateKey }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects validly signed JSON garbage with 400 payload_invalid",
      request: () => telnyxSigned(telnyxGarbage),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed JSON array of events with 400 payload_invalid",
      request: () => telnyxSigned(`[${telnyxBody()}]`),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed event hidden under __proto__ with 400 payload_invalid",
      request: () => telnyxSigned(`{"__proto__":${telnyxBody()}}`),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed event without data.id, before the store",
      request: () => telnyxSigned(telnyxBody().replace(/"id":"4ee8c3a6-[^"]*",/, "")),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed numeric data.id, before the store",
      request: () => telnyxSigned(telnyxBody().replace(/"id":"4ee8c3a6-[^"]*"/, '"id":42')),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed data.id of 257 characters, before the store",
      request: () =>
        telnyxSigned(telnyxBody().replace(/"id":"4ee8c3a6-[^"]*"/, `"id":"${"a".repeat(257)}"`)),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed message.finalized with no recipients",
      request: () => telnyxWithPayload((payload) => ({ ...payload, to: [] })),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed recipient without a status",
      request: () =>
        telnyxWithPayload((payload) => ({ ...payload, to: [{ phone_number: "+13125550001" }] })),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed cost whose amount is a JSON number (its digits are lost)",
      request: () =>
        telnyxWithPayload((payload) => ({ ...payload, cost: { amount: 0.004, currency: "USD" } })),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed payload that is not an object",
      request: () => telnyxWithPayload(() => "delivered"),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, telnyxPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded body, even one that unzips to a validly signed request",
      request: () => encoded(telnyxSigned(), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Bird: messagebird-signature = base64 HMAC-SHA256(key, ts \n URL \n SHA-256(body) raw), ±300 s.

type BirdConfig = Partial<BirdOptions>;

const birdKey = "catalogue-bird-signing-key-6d1f0a";
const birdOrigin = "https://hooks.example.com";
const birdPath = "/hooks/bird";
const birdNow = new Date("2025-01-01T12:00:00Z");
const birdSec = Math.floor(birdNow.getTime() / 1000);

/** An sms.outbound event with a fresh message id of fixed width (and `extra` text). */
const birdBody = (status = "delivered", text = "Your code is 1234") =>
  birdStatusSample(status, { messageId: `m-${freshId()}` }).replace("Your code is 1234", text);

/** A POST Bird signed for `signedUrl` (default: where it is sent) at `ts`. */
function birdSigned(
  body = birdBody(),
  options: { ts?: string; signedUrl?: string; key?: string; query?: string } = {},
): TestRequest {
  const ts = options.ts ?? String(birdSec);
  const query = options.query === undefined ? "" : `?${options.query}`;
  return {
    method: "POST",
    path: birdPath,
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: {
      "content-type": "application/json",
      "messagebird-signature": birdSignature(
        options.key ?? birdKey,
        ts,
        options.signedUrl ?? `${birdOrigin}${birdPath}${query}`,
        body,
      ),
      "messagebird-request-timestamp": ts,
    },
    body,
  };
}

const birdResigned = (change: (signature: string) => string): TestRequest => {
  const req = birdSigned();
  return withHeaders(req, {
    "messagebird-signature": change(req.headers["messagebird-signature"]!),
  });
};

const birdPadded = (pad: string) => birdSigned(birdBody("delivered", `Hi ${pad}`));

runCatalogue<BirdConfig>({
  title: "bird",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        birdPath,
        smsWebhook.router(bird({ secret: birdKey, publicUrl: birdOrigin, ...config }), {
          clock: () => birdNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => birdSigned(),
  sized: (bytes) => padTo(bytes, birdPadded),
  secrets: [birdKey],
  expected(req) {
    const ts = headerOf(req, "messagebird-request-timestamp") ?? "";
    const path = "exact" in req ? req.path : `${req.path}${req.query ? `?${req.query}` : ""}`;
    return bodyReadings(req).map((body) =>
      birdSignature(birdKey, ts, `${birdOrigin}${path}`, body.toString("utf8")),
    );
  },
  cases: [
    {
      name: "rejects an unsigned event with 401 signature_missing",
      request: () => withHeaders(birdSigned(), { "messagebird-signature": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "treats an empty messagebird-signature as a missing one",
      request: () => birdResigned(() => ""),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "answers a MessageBird JWT (the other scheme) with 401 signature_missing",
      request: () => {
        const body = birdBody();
        const token = messageBirdJwt(
          messageBirdClaims(`${birdOrigin}${birdPath}`, body, birdSec),
          birdKey,
        );
        return {
          ...withHeaders(birdSigned(body), { "messagebird-signature": undefined }),
          headers: { "content-type": "application/json", "messagebird-signature-jwt": token },
        };
      },
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a signature without its timestamp with 401 timestamp_missing",
      request: () => withHeaders(birdSigned(), { "messagebird-request-timestamp": undefined }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a timestamp in milliseconds (signed as such) with 401 timestamp_missing",
      request: () => birdSigned(birdBody(), { ts: `${birdSec}000` }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a timestamp that is not digits with 401 timestamp_missing",
      request: () => birdSigned(birdBody(), { ts: `${birdSec}.5` }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects the timestamp moved without re-signing (a replay made fresh)",
      request: () =>
        withHeaders(birdSigned(birdBody(), { ts: String(birdSec - 600) }), {
          "messagebird-request-timestamp": String(birdSec),
        }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a validly signed event 301 s old",
      request: () => birdSigned(birdBody(), { ts: String(birdSec - 301) }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a validly signed event 301 s in the future",
      request: () => birdSigned(birdBody(), { ts: String(birdSec + 301) }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a signature that is not 32 bytes of base64",
      request: () => birdResigned((signature) => signature.slice(0, -4)),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a non-canonical base64 spelling of the right signature",
      request: () => birdResigned((signature) => signature.replace(/=$/, "")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the right signature in hex",
      request: () => birdResigned((signature) => Buffer.from(signature, "base64").toString("hex")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an event signed with another key",
      request: () => birdSigned(birdBody(), { key: "another-bird-signing-key" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an event signed for http:// where Bird called https://",
      request: () => birdSigned(birdBody(), { signedUrl: `http://hooks.example.com${birdPath}` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an event signed for another route (moved to this one)",
      request: () => birdSigned(birdBody(), { signedUrl: `${birdOrigin}/hooks/other-tenant` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a query added after signing",
      request: () => ({ ...birdSigned(), query: "tenant=mallory" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a body changed after signing (status rewritten)",
      request: () => {
        const req = birdSigned(birdBody("sending_failed"));
        return { ...req, body: req.body!.replace('"sending_failed"', '"delivered"') };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects the body re-serialized (pretty-printed) after signing",
      request: () => {
        const req = birdSigned();
        return { ...req, body: JSON.stringify(JSON.parse(req.body!), null, 2) };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects JSON garbage under another key with 401, before parsing it",
      request: () => birdSigned('{"service":', { key: "another-bird-signing-key" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects validly signed JSON garbage with 400 payload_invalid",
      request: () => birdSigned('{"service":'),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed JSON array with 400 payload_invalid",
      request: () => birdSigned("[]"),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed sms.outbound whose id carries a colon (a forged dedupe key)",
      request: () =>
        birdSigned(birdStatusSample("sent", { messageId: `m-${freshId()}:delivered` })),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed sms.outbound without a status with 400",
      request: () => birdSigned(birdBody().replace('"status":"delivered",', "")),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed sms.inbound without a sender with 400",
      request: () =>
        birdSigned(
          JSON.stringify({
            service: "channels",
            event: "sms.inbound",
            payload: { id: `m-${freshId()}`, status: "delivered" },
          }),
        ),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed event hidden under __proto__ with 400",
      request: () =>
        birdSigned(`{"service":"channels","event":"sms.outbound","__proto__":${birdBody()}}`),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, birdPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded body, even one that decodes to a validly signed request",
      request: () => encoded(birdSigned(), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// MessageBird: MessageBird-Signature-JWT, HS256/384/512, iss, nbf/exp, url_hash, payload_hash.

type MessageBirdConfig = Partial<MessageBirdOptions>;

const mbKey = "catalogue-messagebird-signing-key-3e9c";
const mbOrigin = "https://hooks.example.com";
const mbPath = "/hooks/messagebird";
const mbNow = new Date("2025-01-01T12:00:00Z");
const mbSec = Math.floor(mbNow.getTime() / 1000);

/** A status report body with a fresh id of fixed width (32 characters, as MessageBird's). */
const mbBody = (status = "delivered", reference = "order-42") =>
  JSON.stringify(
    messageBirdStatusSample(status, { messageId: freshId().padStart(32, "0"), reference }),
  );

/** A JSON POST whose token covers `signedBody` at `signedUrl`; `changes` edit its claims. */
function mbSigned(
  body = mbBody(),
  options: {
    changes?: Record<string, unknown>;
    key?: string;
    alg?: "HS256" | "HS384" | "HS512";
    signedUrl?: string;
    signedBody?: string;
  } = {},
): TestRequest {
  const claims = messageBirdClaims(
    options.signedUrl ?? `${mbOrigin}${mbPath}`,
    options.signedBody ?? body,
    mbSec - 1,
    options.changes,
  );
  return mbWithToken(messageBirdJwt(claims, options.key ?? mbKey, options.alg), body);
}

function mbWithToken(token: string | undefined, body: string): TestRequest {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== undefined) headers["messagebird-signature-jwt"] = token;
  return { method: "POST", path: mbPath, headers, body };
}

/** A token whose header says `alg`, over MessageBird's claims for `body`, signed by `sign`. */
function mbTokenWithAlg(alg: string, body: string, sign: (input: string) => string): string {
  const claims = messageBirdClaims(`${mbOrigin}${mbPath}`, body, mbSec - 1);
  const input = `${base64url({ alg, typ: "JWT" })}.${base64url(claims)}`;
  return `${input}.${sign(input)}`;
}

const mbPadded = (pad: string) => mbSigned(mbBody("delivered", `order-${pad}`));

runCatalogue<MessageBirdConfig>({
  title: "messageBird",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        mbPath,
        smsWebhook.router(messageBird({ secret: mbKey, publicUrl: mbOrigin, ...config }), {
          clock: () => mbNow,
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => mbSigned(),
  sized: (bytes) => padTo(bytes, mbPadded),
  secrets: [mbKey],
  expected(req) {
    const expected = bodyReadings(req).map((body) =>
      crypto.createHash("sha256").update(body).digest("hex"),
    );
    const [header, claims] = headerOf(req, "messagebird-signature-jwt")?.split(".") ?? [];
    if (header !== undefined && claims !== undefined) {
      for (const hash of ["sha256", "sha384", "sha512"]) {
        expected.push(
          crypto.createHmac(hash, mbKey).update(`${header}.${claims}`).digest("base64url"),
        );
      }
    }
    return expected;
  },
  cases: [
    {
      name: "rejects an unsigned report with 401 signature_missing",
      request: () => mbWithToken(undefined, mbBody()),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "answers a Bird signature (the other scheme) with 401 signature_missing",
      request: () => {
        const body = mbBody();
        return withHeaders(mbWithToken(undefined, body), {
          "messagebird-signature": birdSignature(
            mbKey,
            String(mbSec),
            `${mbOrigin}${mbPath}`,
            body,
          ),
          "messagebird-request-timestamp": String(mbSec),
        });
      },
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a token that is not a JWT",
      request: () => mbWithToken("not-a-jwt", mbBody()),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token whose three segments are not base64url",
      request: () => mbWithToken("%%%.!!!.***", mbBody()),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an alg none token",
      request: () => {
        const body = mbBody();
        return mbWithToken(
          mbTokenWithAlg("none", body, () => ""),
          body,
        );
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an RS256 token signed with a real RSA key",
      request: () => {
        const body = mbBody();
        const privateKey = rsaPrivateKey();
        const token = mbTokenWithAlg("RS256", body, (input) =>
          crypto.sign("sha256", Buffer.from(input), privateKey).toString("base64url"),
        );
        return mbWithToken(token, body);
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an HS256 header over an HS512 signature (alg swapped)",
      request: () => {
        const body = mbBody();
        const token = mbTokenWithAlg("HS256", body, (input) =>
          crypto.createHmac("sha512", mbKey).update(input).digest("base64url"),
        );
        return mbWithToken(token, body);
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token signed with another key",
      request: () => mbSigned(mbBody(), { key: "another-messagebird-signing-key" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token whose issuer is not MessageBird",
      request: () => mbSigned(mbBody(), { changes: { iss: "Bird" } }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token without jti",
      request: () => mbSigned(mbBody(), { changes: { jti: undefined } }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token without url_hash",
      request: () => mbSigned(mbBody(), { changes: { url_hash: undefined } }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token signed for another route (moved to this one)",
      request: () => mbSigned(mbBody(), { signedUrl: `${mbOrigin}/hooks/other-tenant` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a query added after signing",
      request: () => ({ ...mbSigned(), query: "tenant=mallory" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a body changed after signing: payload_hash no longer matches",
      request: () => {
        const body = mbBody("delivery_failed");
        return mbSigned(body.replace('"delivery_failed"', '"delivered"'), { signedBody: body });
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a body under a token signed for an empty one (no payload_hash)",
      request: () => mbSigned(mbBody(), { signedBody: "" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a payload_hash in upper-case hex spelled with a bad digit",
      request: () => {
        const body = mbBody();
        const hash = crypto.createHash("sha256").update(body).digest("hex");
        return mbSigned(body, { changes: { payload_hash: `${hash.slice(0, 63)}g` } });
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a token whose exp has passed (nbf 66 s ago)",
      request: () => mbSigned(mbBody(), { changes: { nbf: mbSec - 66, exp: mbSec - 6 } }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a token not yet valid (nbf 6 s ahead)",
      request: () => mbSigned(mbBody(), { changes: { nbf: mbSec + 6, exp: mbSec + 66 } }),
      status: 401,
      code: "timestamp_out_of_window",
    },
    {
      name: "rejects a token without exp with 401 timestamp_missing",
      request: () => mbSigned(mbBody(), { changes: { exp: undefined } }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a token whose exp is before its nbf",
      request: () => mbSigned(mbBody(), { changes: { exp: mbSec - 10 } }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects a token whose nbf is a string",
      request: () => mbSigned(mbBody(), { changes: { nbf: String(mbSec) } }),
      status: 401,
      code: "timestamp_missing",
    },
    {
      name: "rejects JSON garbage under another key with 401, before parsing it",
      request: () => mbSigned('{"id":', { key: "another-messagebird-signing-key" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects validly signed JSON garbage with 400 payload_invalid",
      request: () => mbSigned('{"id":'),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed report whose id carries a colon (a forged dedupe key)",
      request: () =>
        mbSigned(JSON.stringify({ ...JSON.parse(mbBody()), id: `${freshId()}:delivered` })),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed report whose recipient is an object",
      request: () => mbSigned(JSON.stringify({ ...JSON.parse(mbBody()), recipient: { a: 1 } })),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, mbPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a deflate-encoded body, even one that decodes to a validly signed request",
      request: () => encoded(mbSigned(), "deflate"),
      status: 415,
      code: "unsupported_media_type",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Plivo: X-Plivo-Signature-V3 = base64 HMAC-SHA256(Auth Token, URL + params + "." + nonce),
// else X-Plivo-Signature-V2 (URL + nonce only).

type PlivoConfig = Partial<PlivoOptions>;

const plivoToken = "catalogue0plivo0auth0token0000a1b2c3";
const plivoOrigin = "https://hooks.example.com";
const plivoPath = "/hooks/plivo";

/** P1 with a fresh MessageUUID (fixed width). */
const plivoInbound = (): PlivoParams => ({
  ...p1.params,
  MessageUUID: `2a3e5e2c-1c1a-11f0-9c4f-${freshId().padStart(12, "0")}`,
});

/** A V3 form POST Plivo signed for `signedUrl` (default: where it is sent, at the public origin). */
function plivoSigned(
  params: PlivoParams = plivoInbound(),
  options: { path?: string; query?: string; signedUrl?: string; token?: string } = {},
): TestRequest {
  return plivoRequest(
    plivoOrigin,
    "POST",
    `${plivoPath}${options.path ?? "/inbound"}`,
    params,
    options.token ?? plivoToken,
    {
      ...(options.query === undefined ? {} : { query: options.query }),
      ...(options.signedUrl === undefined ? {} : { signedUrl: options.signedUrl }),
    },
  );
}

const plivoResigned = (change: (signature: string) => string): TestRequest => {
  const req = plivoSigned();
  return withHeaders(req, { "x-plivo-signature-v3": change(req.headers["x-plivo-signature-v3"]!) });
};

const plivoPadded = (pad: string) => plivoSigned({ ...plivoInbound(), Text: `Hi ${pad}` });

runCatalogue<PlivoConfig>({
  title: "plivo",
  app: (config) =>
    recordingApp((app, handler) =>
      app.use(
        plivoPath,
        smsWebhook.router(plivo({ secret: plivoToken, publicUrl: plivoOrigin, ...config }), {
          logger: memoryLogger(),
          handler,
        }),
      ),
    ),
  valid: () => plivoSigned(),
  sized: (bytes) => padTo(bytes, plivoPadded),
  secrets: [plivoToken],
  expected(req) {
    const query = "exact" in req ? (req.path.split("?")[1] ?? "") : (req.query ?? "");
    const path = "exact" in req ? (req.path.split("?")[0] ?? "") : req.path;
    const url = `${plivoOrigin}${path}${query === "" ? "" : `?${query}`}`;
    const params: PlivoParams = {};
    for (const [key, value] of new URLSearchParams(plainBody(req).toString("utf8"))) {
      const before = params[key];
      params[key] = before === undefined ? value : [before, value].flat();
    }
    const nonces = [
      headerOf(req, "x-plivo-signature-v3-nonce"),
      headerOf(req, "x-plivo-signature-v2-nonce"),
    ];
    return nonces
      .filter((nonce): nonce is string => nonce !== undefined)
      .flatMap((nonce) => [
        plivoV3Signature(plivoToken, req.method, url, nonce, params),
        plivoV2Signature(plivoToken, url, nonce),
      ]);
  },
  cases: [
    {
      name: "rejects an unsigned inbound SMS with 401 signature_missing",
      request: () =>
        withHeaders(plivoSigned(), {
          "x-plivo-signature-v3": undefined,
          "x-plivo-signature-v3-nonce": undefined,
        }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "treats an empty X-Plivo-Signature-V3 as a missing one",
      request: () => plivoResigned(() => ""),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a V3 signature without its nonce",
      request: () => withHeaders(plivoSigned(), { "x-plivo-signature-v3-nonce": undefined }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "rejects a signature that is not 32 bytes of base64",
      request: () => plivoResigned((signature) => signature.slice(0, -4)),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a non-canonical base64 spelling of the right signature",
      request: () => plivoResigned((signature) => signature.replace(/=$/, "")),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a list of more than 8 signatures, the right one last",
      request: () => plivoResigned((signature) => `${"AAAA,".repeat(8)}${signature}`),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with another Auth Token",
      request: () => plivoSigned(plivoInbound(), { token: "another-plivo-auth-token" }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a V3 failure even beside a valid V2 signature (no downgrade)",
      request: () => {
        const req = plivoSigned();
        const nonce = freshNonce();
        return withHeaders(
          { ...req, body: req.body!.replace("Text=Hello", "Text=Jello") },
          {
            "x-plivo-signature-v2": plivoV2Signature(
              plivoToken,
              `${plivoOrigin}${plivoPath}/inbound`,
              nonce,
            ),
            "x-plivo-signature-v2-nonce": nonce,
          },
        );
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed for http:// where Plivo called https://",
      request: () =>
        plivoSigned(plivoInbound(), { signedUrl: `http://hooks.example.com${plivoPath}/inbound` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with :443 where Plivo called https:// without a port",
      request: () =>
        plivoSigned(plivoInbound(), {
          signedUrl: `https://hooks.example.com:443${plivoPath}/inbound`,
        }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed for another path (status, replayed to inbound)",
      request: () =>
        plivoSigned(plivoInbound(), { signedUrl: `${plivoOrigin}${plivoPath}/status` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a request signed with a trailing slash the request lacks",
      request: () =>
        plivoSigned(plivoInbound(), { signedUrl: `${plivoOrigin}${plivoPath}/inbound/` }),
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a query value changed after signing",
      request: () => {
        const req = plivoSigned(plivoInbound(), { query: "tenant=acme" });
        return { ...req, query: "tenant=other" };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects a parameter added after signing",
      request: () => {
        const req = plivoSigned();
        return { ...req, body: `${req.body}&MediaCount=1` };
      },
      status: 401,
      code: "signature_invalid",
    },
    {
      name: "rejects an unsigned form with a nested key with 401, before reading it",
      request: () => ({
        ...withHeaders(plivoSigned(), { "x-plivo-signature-v3": undefined }),
        body: "a[b]=1",
      }),
      status: 401,
      code: "signature_missing",
    },
    {
      name: "refuses a validly signed lower-case parameter name with 400 payload_invalid",
      request: () => plivoSigned({ ...plivoInbound(), tenant: "acme" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed nested key (a[b]) with 400 payload_invalid",
      request: () => plivoSigned({ ...plivoInbound(), "Media[0]": "x" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed repeated From (which sender?) with 400 payload_invalid",
      request: () => plivoSigned({ ...plivoInbound(), From: ["14155550100", "14155550101"] }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed MessageUUID that is not a UUID, before the store",
      request: () => plivoSigned({ ...plivoInbound(), MessageUUID: "abc" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed To that is not a number (free text swallowed it)",
      request: () => plivoSigned({ ...plivoInbound(), To: "14155550199TotalAmount0" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed MediaCount its Media<n> do not match",
      request: () =>
        plivoSigned({
          ...plivoInbound(),
          Type: "mms",
          MediaCount: "2",
          Media1: "https://media.plivo.com/m/1",
        }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed Media<n> that is not an http(s) URL",
      request: () =>
        plivoSigned({
          ...plivoInbound(),
          Type: "mms",
          MediaCount: "1",
          Media1: "javascript:alert(1)",
        }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a validly signed status callback with a status word of another shape",
      request: () => plivoSigned({ ...p2.params, Status: "Delivered" }, { path: "/status" }),
      status: 400,
      code: "payload_invalid",
    },
    {
      name: "refuses a JSON POST with 415",
      request: () => withHeaders(plivoSigned(), { "content-type": "application/json" }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "refuses a text/plain POST with 415",
      request: () => withHeaders(plivoSigned(), { "content-type": "text/plain" }),
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "rejects a validly signed body one byte over the default 64 kb limit",
      request: () => padTo(defaultLimit + 1, plivoPadded),
      status: 413,
      code: "body_too_large",
    },
    {
      name: "rejects a gzip-encoded body, even one that decodes to a validly signed request",
      request: () => encoded(plivoSigned(), "gzip"),
      status: 415,
      code: "unsupported_media_type",
    },
  ],
});
