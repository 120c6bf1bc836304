// __tests__/providers/messagebird/messagebird.test.ts — MessageBird-Signature-JWT end to end, against messagebird's own verifier and reference vectors.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import {
  createPipeline,
  MemoryStore,
  messageBird,
  silentLogger,
  smsWebhook,
  type RawRequest,
  type SmsEvent,
} from "../../../lib/index.js";
import {
  messageBirdInboundSample,
  messageBirdStatusSample,
  signMessageBird,
} from "../../../lib/testing/index.js";
import { messageBirdSingleUse } from "../../../lib/providers/messagebird/single-use.js";
import { express } from "../../helpers/app.js";
import { send, type TestRequest } from "../../helpers/http.js";
import { memoryLogger } from "../../helpers/logger.js";
import { sdkVerifies } from "../../helpers/messagebird-sdk.js";
import { messageBirdClaims, messageBirdJwt } from "../../helpers/messagebird-signer.js";
import { rawRequestOf, runProviderContract } from "../provider-contract.js";
import { j4, referenceVectors, secret } from "./fixtures.js";

const origin = "https://hooks.example.com";
const now = new Date("2025-01-01T12:00:00Z");
const nowSec = Math.floor(now.getTime() / 1000);

/**
 * A status report POSTed as JSON to `origin + path`, its token made with node:crypto; signed
 * "at" the middle of the token's 60 s life (what the provider answers as the signed time).
 */
function signedPost(
  body: string,
  options: {
    secret?: string;
    signedAt?: number;
    path?: string;
    changes?: Record<string, unknown>;
  } = {},
): TestRequest {
  const path = options.path ?? "/";
  const nbf = (options.signedAt ?? nowSec) - 30;
  const claims = messageBirdClaims(origin + path, body, nbf, options.changes);
  return {
    method: "POST",
    path,
    headers: {
      "content-type": "application/json",
      "messagebird-signature-jwt": messageBirdJwt(claims, options.secret ?? secret),
    },
    body,
  };
}

/** A GET with the report in its query, signed for `origin + path + ?query`. */
function signedGet(
  params: Record<string, string>,
  options: { path?: string; nbf?: number; jti?: string } = {},
): TestRequest {
  const path = options.path ?? "/";
  const query = new URLSearchParams(params).toString();
  const claims = messageBirdClaims(`${origin}${path}?${query}`, "", options.nbf ?? nowSec - 1, {
    ...(options.jti === undefined ? {} : { jti: options.jti }),
  });
  return {
    method: "GET",
    path,
    query,
    headers: { "messagebird-signature-jwt": messageBirdJwt(claims, secret) },
  };
}

const statusBody = (id = crypto.randomBytes(16).toString("hex")) =>
  JSON.stringify(messageBirdStatusSample("delivered", { messageId: id, at: now }));

runProviderContract({
  name: "messageBird",
  provider: (key) => messageBird({ secret: key, publicUrl: origin }),
  secret,
  now,
  request: (options = {}) =>
    signedPost(statusBody(options.eventId?.padStart(32, "0")), {
      ...(options.secret === undefined ? {} : { secret: options.secret }),
      ...(options.signedAt === undefined
        ? {}
        : { signedAt: Math.floor(options.signedAt.getTime() / 1000) }),
    }),
  tamper: (req) => ({ ...req, body: req.body!.replace("order-42", "order-43") }),
  unsign(req) {
    const { "messagebird-signature-jwt": _token, ...headers } = req.headers;
    return { ...req, headers };
  },
  badPayload: () => signedPost(JSON.stringify({ id: "x", status: "delivered" })),
  unsigned: { status: 401, code: "signature_missing" },
  toleranceSec: 35,
  bodyParser: express.json(),
});

describe("messageBird: MessageBird's cross-SDK reference vectors", () => {
  it.each(referenceVectors.map((vector) => [vector.name, vector] as const))(
    "%s: answers as messagebird's own verifier does",
    async (_name, vector) => {
      const key = vector.secret ?? secret;
      const payload = vector.payload ?? "";
      const at = new Date(vector.timestamp);
      const pipeline = createPipeline(messageBird({ secret: key, publicUrl: () => vector.url }), {
        store: new MemoryStore(),
        clock: () => at,
        logger: silentLogger,
      });
      const raw: RawRequest = {
        method: vector.method,
        url: new URL(vector.url).pathname + new URL(vector.url).search,
        headers: { "messagebird-signature-jwt": vector.token },
        rawBody: Buffer.from(payload),
        rawQuery: new URL(vector.url).search.slice(1),
      };
      const outcome = await pipeline.receive(raw);
      // A valid token's "Hello, World!" is no JSON payload: 400 after the signature held.
      const verified = outcome.type !== "reject" || outcome.error.status !== 401;
      expect(verified).toBe(vector.valid);
      expect(await sdkVerifies(vector.url, payload, vector.token, key, at)).toBe(vector.valid);
    },
  );
});

describe("messageBird: J4 (providers-more.md §5)", () => {
  it("signs J4 as jose, the independent signer and messagebird's verifier agree", async () => {
    const claims = messageBirdClaims(j4.url, j4.body, j4.nbf, { jti: j4.jti });
    expect(messageBirdJwt(claims, secret)).toBe(j4.token);
    const signed = await signMessageBird(j4.url, j4.body, secret, {
      notBeforeSec: j4.nbf,
      jti: j4.jti,
    });
    expect(signed).toEqual({ "MessageBird-Signature-JWT": j4.token });
    expect(await sdkVerifies(j4.url, j4.body, j4.token, secret, new Date(1735732810_000))).toBe(
      true,
    );
  });

  it("delivers J4 (a JSON POST) as message.status delivered, final", async () => {
    const events: SmsEvent[] = [];
    const app = express();
    app.use(
      "/messagebird/status",
      smsWebhook.router(messageBird({ secret, publicUrl: "https://example.com" }), {
        clock: () => new Date(1735732810_000),
        logger: memoryLogger(),
        handler: (req, res) => {
          events.push(req.smsEvent);
          res.sendStatus(204);
        },
      }),
    );
    const res = await send(app, {
      method: "POST",
      path: "/messagebird/status",
      headers: { "content-type": "application/json", "messagebird-signature-jwt": j4.token },
      body: j4.body,
    });
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "messagebird",
        id: "e8077d803532c0b5937c639b60216938:delivered",
        verified: true,
        messageId: "e8077d803532c0b5937c639b60216938",
        to: "31612345678",
        recipients: ["31612345678"],
        status: "delivered",
        final: true,
        providerStatus: "delivered",
        occurredAt: new Date("2025-01-01T12:00:05Z"),
        clientRef: "order-42",
        channel: "sms",
        raw: JSON.parse(j4.body),
      },
    ]);
  });
});

/** An app with the router at `/hooks/messagebird`, GET and POST. */
function appWith(handler?: (event: SmsEvent) => void) {
  const events: SmsEvent[] = [];
  const logger = memoryLogger();
  const app = express();
  app.use(
    "/hooks/messagebird",
    smsWebhook.router(messageBird({ secret, publicUrl: origin }), {
      clock: () => now,
      logger,
      handler: (req, res) => {
        events.push(req.smsEvent);
        handler?.(req.smsEvent);
        res.sendStatus(204);
      },
    }),
  );
  return { app, events, logger };
}

describe("messageBird: GET status reports and inbound messages", () => {
  it.each([
    ["scheduled", "accepted", false],
    ["sent", "sent", false],
    ["buffered", "buffered", false],
    ["delivered", "delivered", true],
    ["expired", "expired", true],
    ["delivery_failed", "failed", true],
    ["something_new", "unknown", false],
  ])("maps a %s report (GET query) to %s (final: %s)", async (word, status, final) => {
    const { app, events } = appWith();
    const params = messageBirdStatusSample(word, { at: new Date("2025-01-01T11:59:30Z") });
    const res = await send(app, signedGet(params, { path: "/hooks/messagebird" }));
    expect(res.status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.status",
        provider: "messagebird",
        id: `${params["id"]}:${word}`,
        verified: true,
        messageId: params["id"],
        to: "31612345678",
        recipients: ["31612345678"],
        status,
        final,
        providerStatus: word,
        ...(word === "delivery_failed"
          ? { error: { code: "1", message: "unknown subscriber" } }
          : {}),
        occurredAt: new Date("2025-01-01T11:59:30Z"),
        clientRef: "order-42",
        channel: "sms",
        raw: { ...params },
      },
    ]);
  });

  it("delivers an inbound SMS (GET query) as message.received", async () => {
    const { app, events } = appWith();
    const params = messageBirdInboundSample("STOP", { at: new Date("2025-01-01T11:59:59Z") });
    expect((await send(app, signedGet(params, { path: "/hooks/messagebird" }))).status).toBe(204);
    expect(events).toEqual([
      {
        type: "message.received",
        provider: "messagebird",
        id: params["id"],
        verified: true,
        messageId: params["id"],
        from: "31612345678",
        to: "3197010203040",
        text: "STOP",
        receivedAt: new Date("2025-01-01T11:59:59Z"),
        channel: "sms",
        raw: { ...params },
      },
    ]);
  });

  it("answers MessageBird's re-signed retry (a fresh jti and nbf) as a duplicate", async () => {
    const { app, events } = appWith();
    const params = messageBirdStatusSample("delivered");
    const first = signedGet(params, { path: "/hooks/messagebird" });
    const retry = signedGet(params, { path: "/hooks/messagebird", nbf: nowSec - 20 });
    expect(retry.headers["messagebird-signature-jwt"]).not.toBe(
      first.headers["messagebird-signature-jwt"],
    );
    expect((await send(app, first)).status).toBe(204);
    expect((await send(app, retry)).body).toEqual({ status: "duplicate" });
    expect(events).toHaveLength(1);
  });

  it("refuses the query reordered: url_hash covers the URL as MessageBird called it", async () => {
    const { app, events, logger } = appWith();
    const req = signedGet(
      { id: "a".repeat(32), status: "sent", recipient: "31612345678" },
      {
        path: "/hooks/messagebird",
      },
    );
    const reordered = { ...req, query: req.query!.split("&").reverse().join("&") };
    const res = await send(app, reordered);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(events).toHaveLength(0);
    // The URL is named, its query (the numbers, the text) is not.
    expect(logger.entries[0]?.message).toContain(`${origin}/hooks/messagebird?… (query not shown)`);
    expect(logger.entries[0]?.message).not.toContain("recipient=");
  });

  it("refuses a body added to a GET signed without payload_hash", async () => {
    const { app } = appWith();
    const req = signedGet(messageBirdStatusSample("sent"), { path: "/hooks/messagebird" });
    const res = await send(app, { ...req, method: "POST", body: statusBody() });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
  });

  it("reads an empty POST's report from its query, as a GET's", async () => {
    const { app, events } = appWith();
    const req = signedGet(messageBirdStatusSample("sent"), { path: "/hooks/messagebird" });
    expect((await send(app, { ...req, method: "POST" })).status).toBe(204);
    expect(events[0]).toMatchObject({ type: "message.status", providerStatus: "sent" });
  });

  it("says in the log, not the answer, that a Bird signature belongs to bird()", async () => {
    const { app, logger } = appWith();
    const res = await send(app, {
      method: "POST",
      path: "/hooks/messagebird",
      headers: {
        "content-type": "application/json",
        "messagebird-signature": "erWm2fS9oaWrugGX1NkW+WvPZsHNUGznSojpeJ6UfVQ=",
        "messagebird-request-timestamp": String(nowSec),
      },
      body: statusBody(),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_missing");
    expect(res.text).not.toContain("bird()");
    expect(logger.entries[0]?.message).toContain("bird()");
  });
});

// In a child process: the middleware's dropped promise rejects unhandled, which Jest would
// count against this test file.
const failOpenScript = `
const { ExpressMiddlewareVerify } = require("messagebird/lib/webhook-signature-jwt");
let unhandled = 0;
process.on("unhandledRejection", () => { unhandled++; });
const req = { protocol: "https", hostname: "hooks.example.com", originalUrl: "/hooks/messagebird",
  headers: { "messagebird-signature-jwt": "x.y.z" }, body: Buffer.from("{}") };
ExpressMiddlewareVerify(process.argv[1])(req, {}, (error) => {
  setTimeout(() => console.log(JSON.stringify({ nextError: error ?? null, unhandled })), 50);
});
`;

describe("messageBird: the official Express middleware fails open, this library does not", () => {
  it("ExpressMiddlewareVerify lets a forged token through; smsWebhook answers it 401", async () => {
    const output = execFileSync(process.execPath, ["-e", failOpenScript, secret], {
      encoding: "utf8",
    });
    // next() with no error, before the check failed as an unhandled rejection.
    expect(JSON.parse(output)).toEqual({ nextError: null, unhandled: 1 });

    let handled = 0;
    const { app } = appWith(() => handled++);
    const res = await send(app, {
      method: "POST",
      path: "/hooks/messagebird",
      headers: { "content-type": "application/json", "messagebird-signature-jwt": "x.y.z" },
      body: "{}",
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    expect(handled).toBe(0);
  });
});

describe("messageBirdSingleUse", () => {
  const req = rawRequestOf(signedPost(statusBody(), { path: "/hooks/messagebird" }));
  const signed = messageBird({ secret, publicUrl: origin }).parse!(req);

  it("keys the token's jti, fingerprinted by what the token does not sign", () => {
    const jti = JSON.parse(
      Buffer.from(
        req.headers["messagebird-signature-jwt"]!.toString().split(".")[1]!,
        "base64url",
      ).toString(),
    ).jti as string;
    const once = messageBirdSingleUse(signed, req);
    expect(once).toEqual({ key: jti, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(messageBirdSingleUse(signed, { ...req })).toEqual(once);
  });

  it.each([
    ["the method", { method: "PUT" }],
    [
      "the media type",
      { headers: { ...req.headers, "content-type": "application/x-www-form-urlencoded" } },
    ],
    ["the body", { rawBody: Buffer.from(statusBody()) }],
  ])("fingerprints another %s differently", (_what, change) => {
    const other = messageBirdSingleUse(signed, { ...req, ...change });
    expect(other?.key).toBe(messageBirdSingleUse(signed, req)?.key);
    expect(other?.fingerprint).not.toBe(messageBirdSingleUse(signed, req)?.fingerprint);
  });

  it("binds the jti in the pipeline: the same token re-sent as a form is 401 signature_reused", async () => {
    const pipeline = createPipeline(messageBird({ secret, publicUrl: origin }), {
      store: new MemoryStore(),
      clock: () => now,
      logger: memoryLogger(),
    });
    const first = await pipeline.receive(req);
    if (first.type !== "deliver") throw new Error(`expected deliver, got ${first.type}`);
    await first.delivery.settle(true, 204);
    expect(await pipeline.receive({ ...req })).toEqual({
      type: "acknowledge",
      status: "duplicate",
    });
    const asForm = {
      ...req,
      headers: { ...req.headers, "content-type": "application/x-www-form-urlencoded" },
    };
    expect(await pipeline.receive(asForm)).toMatchObject({
      type: "reject",
      error: { code: "signature_reused", status: 401 },
    });
  });

  it("has nothing to bind without a jti", () => {
    const { "messagebird-signature-jwt": _token, ...headers } = req.headers;
    const unsigned = { ...req, headers };
    expect(
      messageBirdSingleUse(messageBird({ secret }).parse!(unsigned), unsigned),
    ).toBeUndefined();
  });
});
