// __tests__/express/sms-webhook.test.ts — the one-layer middleware: body, answers, dedupe, failures.

import http from "node:http";
import zlib from "node:zlib";
import request from "supertest";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import {
  captureRawBody,
  MemoryStore,
  smsWebhook,
  WebhookError,
  type DedupeStore,
  type Provider,
} from "../../lib/index.js";
import { express } from "../helpers/app.js";
import { androidApp, androidKey, androidRequest, signedNow } from "../helpers/android-app.js";
import { assertNothingLeaks, postRaw, send } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";

describe("smsWebhook reading the body", () => {
  it("rejects a body over the limit with 413 body_too_large", async () => {
    const { post, events } = androidApp({ limit: 100 });
    const res = await post(androidRequest());
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("body_too_large");
    expect(res.body.error.message).toContain("limit");
    expect(events).toHaveLength(0);
  });

  it("uses the bytes captureRawBody kept when express.json() runs first", async () => {
    const { post, events } = androidApp({}, undefined, [express.json({ verify: captureRawBody })]);
    expect((await post(androidRequest())).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("uses the bytes an upstream express.raw() read", async () => {
    const { post, events } = androidApp({}, undefined, [express.raw({ type: "*/*" })]);
    expect((await post(androidRequest())).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("reads the body itself when an app-wide JSON parser skipped it (other content type)", async () => {
    const { post, events } = androidApp({}, undefined, [express.json()]);
    const req = androidRequest();
    req.headers["content-type"] = "text/plain";
    expect((await post(req)).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("answers raw_body_unavailable when express.urlencoded() consumed a form body", async () => {
    const { post } = androidApp({}, undefined, [express.urlencoded({ extended: false })]);
    const req = androidRequest();
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await post(req);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("raw_body_unavailable");
    expect(res.body.error.message).toMatch(/before the body parser/);
  });

  it.each([
    ["gzip", zlib.gzipSync],
    ["deflate", zlib.deflateSync],
    ["br", zlib.brotliCompressSync],
  ] as const)("refuses a %s body with 415, without inflating it", async (encoding, compress) => {
    const { app, events } = androidApp();
    const req = androidRequest();
    const res = await request(app)
      .post("/hook")
      .set({ ...req.headers, "content-encoding": encoding })
      .send(compress(req.body!));
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
    expect(events).toHaveLength(0);
  });

  it("refuses a gzip body with 415 when an app-wide parser inflated it first", async () => {
    const { app, events } = androidApp({}, undefined, [express.json({ verify: captureRawBody })]);
    const req = androidRequest();
    const headers = { ...req.headers, "content-encoding": "gzip" };
    const res = await postRaw(app, "/hook", zlib.gzipSync(req.body!), headers);
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: "unsupported_media_type" } });
    expect(events).toHaveLength(0);
  });

  it("answers an unsupported Content-Encoding with 415", async () => {
    const { post } = androidApp();
    const req = androidRequest();
    req.headers["content-encoding"] = "compress";
    const res = await post(req);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });
});

describe("smsWebhook settling the claim", () => {
  it("treats a 4xx from the handler as handled: the retry is a duplicate", async () => {
    let calls = 0;
    const { post } = androidApp({}, (_req, res) => {
      calls++;
      res.status(422).json({ ignored: true });
    });
    const req = androidRequest();
    expect((await post(req)).status).toBe(422);
    expect((await post(req)).body).toEqual({ status: "duplicate" });
    expect(calls).toBe(1);
  });

  it("releases the claim when the handler answers 500: the retry runs the handler", async () => {
    let calls = 0;
    const { post } = androidApp({}, (_req, res) => {
      calls++;
      res.sendStatus(calls === 1 ? 503 : 204);
    });
    const req = androidRequest();
    expect((await post(req)).status).toBe(503);
    expect((await post(req)).status).toBe(204);
    expect(calls).toBe(2);
  });

  it("releases the claim when the handler passes an error to next()", async () => {
    let calls = 0;
    const { post } = androidApp({}, (_req, res, next) => {
      calls++;
      if (calls === 1) next(new Error("queue full"));
      else res.sendStatus(204);
    });
    const req = androidRequest();
    const failed = await post(req);
    expect(failed.status).toBe(500);
    expect((await post(req)).status).toBe(204);
  });

  it("answers 409 duplicate_in_flight with Retry-After while the first delivery runs", async () => {
    let release: (() => void) | undefined;
    const { post } = androidApp({}, (_req, res) => {
      release = () => res.sendStatus(204);
    });
    const req = androidRequest();
    const first = post(req).then((res) => res);
    await eventually(() => release);
    const second = await post(req);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("duplicate_in_flight");
    expect(second.headers["retry-after"]).toBe("5");
    release!();
    expect((await first).status).toBe(204);
    expect((await post(req)).body).toEqual({ status: "duplicate" });
  });

  it("releases the claim when the client disconnects before the answer", async () => {
    const { store, released } = watchedStore();
    const handlerRunning = signal();
    let calls = 0;
    const { app } = androidApp({ store }, (_req, res) => {
      calls++;
      if (calls > 1) {
        res.sendStatus(204);
        return;
      }
      handlerRunning.fire();
      // It answers only once the client has gone: too late to count as handled.
      res.once("close", () => res.sendStatus(204));
    });
    const req = androidRequest();
    await sendAndHangUp(app, req, handlerRunning.fired);
    await eventually(() => released() || undefined);
    const retry = await send(app, req);
    expect(retry.status).toBe(204);
    expect(calls).toBe(2);
  });

  it("releases the claim, and runs no handler, when the client left while the claim was awaited", async () => {
    const claimAwaited = signal();
    const clientGone = signal();
    const { store, released } = watchedStore((claim) => {
      claimAwaited.fire();
      // The claim lands only after the server has seen the client go.
      return clientGone.fired.then(claim);
    });
    const { app, events } = androidApp({ store, leaseMs: 30_000 }, undefined, [
      (_req, res, next) => {
        res.once("close", clientGone.fire);
        next();
      },
    ]);
    const req = androidRequest();
    await sendAndHangUp(app, req, claimAwaited.fired);
    await eventually(() => released() || undefined);
    expect(events).toHaveLength(0);
    // Not turned away with 409 for the whole 30 s lease: the retry is handled, once.
    expect((await send(app, req)).status).toBe(204);
    expect(events).toHaveLength(1);
  });
});

/** A promise and the function that resolves it. */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fired, fire };
}

/**
 * A MemoryStore that says whether it has released a claim yet; `delayClaim` may hold a claim back
 * (it is given the claim to make, and returns when it lands).
 */
function watchedStore(
  delayClaim: (
    claim: () => ReturnType<DedupeStore["claim"]>,
  ) => ReturnType<DedupeStore["claim"]> = (claim) => claim(),
): { store: DedupeStore; released: () => boolean } {
  const memory = new MemoryStore();
  let released = false;
  const store: DedupeStore = {
    claim: (key, leaseMs) => delayClaim(() => memory.claim(key, leaseMs)),
    commit: (key, token, ttlMs) => memory.commit(key, token, ttlMs),
    release: (key, token) => {
      memory.release(key, token);
      released = true;
    },
  };
  return { store, released: () => released };
}

// Sends the whole request to `app` on a real socket and hangs up, unanswered, once `when` resolves
// (or returns on an answer that came first: the test then fails on what it checks next).
async function sendAndHangUp(
  app: ReturnType<typeof express>,
  req: ReturnType<typeof androidRequest>,
  when: Promise<void>,
): Promise<void> {
  const server = app.listen(0);
  try {
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const outgoing = http.request({ port, method: "POST", path: "/hook", headers: req.headers });
      outgoing.on("error", () => resolve());
      outgoing.on("response", (answer) => answer.resume().once("end", () => resolve()));
      outgoing.end(req.body, () => void when.then(() => outgoing.destroy()));
      outgoing.on("close", () => resolve());
    });
  } finally {
    server.close();
  }
}

// A store that fails as a broken Redis would.
function failingStore(mode: "throw" | "reject" | "hang" | "commit"): DedupeStore {
  const memory = new MemoryStore();
  return {
    claim(key, leaseMs) {
      if (mode === "throw") throw new Error("ECONNREFUSED 127.0.0.1:6379");
      if (mode === "reject") return Promise.reject(new Error("ECONNREFUSED 127.0.0.1:6379"));
      if (mode === "hang") return new Promise(() => {});
      return memory.claim(key, leaseMs);
    },
    commit: () => Promise.reject(new Error("READONLY replica")),
    release: (key, token) => memory.release(key, token),
  };
}

describe("smsWebhook when the store fails", () => {
  it.each(["throw", "reject"] as const)(
    "answers 503 store_unavailable when a claim fails (%s), never running the handler",
    async (mode) => {
      const { post, events, logger } = androidApp({ store: failingStore(mode) });
      const res = await post(androidRequest());
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("store_unavailable");
      assertNothingLeaks(res.text, ["ECONNREFUSED", androidKey]);
      expect(events).toHaveLength(0);
      expect(logger.entries[0]?.level).toBe("error");
      expect(String(logger.entries[0]?.details["cause"])).toContain("ECONNREFUSED");
    },
  );

  it("answers 503 after storeTimeoutMs when the store hangs", async () => {
    const { post } = androidApp({ store: failingStore("hang"), storeTimeoutMs: 50 });
    const started = Date.now();
    const res = await post(androidRequest());
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("store_unavailable");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("runs the handler without dedupe, and logs it, with onStoreError: process", async () => {
    const { post, events, logger } = androidApp({
      store: failingStore("reject"),
      onStoreError: "process",
    });
    expect((await post(androidRequest())).status).toBe(204);
    expect(events).toHaveLength(1);
    expect(logger.entries.some((entry) => entry.message.includes("without dedupe"))).toBe(true);
  });

  it("lets go of a claim that lands after the timeout, so the provider's retry is handled", async () => {
    const answered = signal();
    let late = true;
    const { store, released } = watchedStore((claim) =>
      // The first claim lands only once the client has had its 503.
      late ? answered.fired.then(claim) : claim(),
    );
    const { post, events } = androidApp({ store, storeTimeoutMs: 30 });
    const req = androidRequest();
    expect((await post(req)).status).toBe(503);
    answered.fire();
    await eventually(() => released() || undefined);
    // The late claim was released: the retry is not turned away with 409 for a whole lease.
    late = false;
    expect((await post(req)).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("logs a failed commit without changing the answer", async () => {
    const { post, logger } = androidApp({ store: failingStore("commit") });
    expect((await post(androidRequest())).status).toBe(204);
    // The commit runs once the answer has gone: wait for its log line.
    const entry = await eventually(() => logger.entries.find((logged) => logged.level === "error"));
    expect(entry.message).toContain("could not record");
  });
});

// Polls `find` (each turn of the event loop, up to a second) until it finds something.
async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let turn = 0; turn < 1000; turn++) {
    const found = find();
    if (found !== undefined) return found;
    await sleep(1);
  }
  throw new Error("never happened");
}

// A provider whose parse step throws what it is given.
function failingProvider(parse: () => never): Provider<unknown> {
  return {
    name: "failing",
    defaults: { toleranceSec: 300, dedupeTtlMs: 3_600_000 },
    routes: [{ path: "/", methods: ["post"] }],
    parse,
    verify: () => undefined,
    dedupeKey: () => "k",
    normalize: parse,
  };
}

describe("smsWebhook in report mode", () => {
  it("keeps a forged event from using up the genuine event's dedupe key", async () => {
    const { post, events } = androidApp({ mode: "report" });
    const genuine = androidRequest();
    const forged = { ...genuine, headers: { ...genuine.headers, "x-signature": "0".repeat(64) } };
    expect((await post(forged)).status).toBe(204);
    expect((await post(genuine)).status).toBe(204);
    expect(events.map((event) => event.verified)).toEqual([false, true]);
    expect((await post(genuine)).body).toEqual({ status: "duplicate" });
    expect((await post(forged)).body).toEqual({ status: "duplicate" });
  });

  it("lets the request through when the logger throws on the let-through warning", async () => {
    const { post, events } = androidApp({ mode: "report", logger: throwingLogger() });
    const forged = androidRequest();
    forged.headers["x-signature"] = "0".repeat(64);
    expect((await post(forged)).status).toBe(204);
    expect(events).toMatchObject([{ verified: false }]);
    expect((await post(forged)).body).toEqual({ status: "duplicate" });
  });
});

/** A logger whose every call throws, as a misconfigured transport's would. */
function throwingLogger() {
  const fail = () => {
    throw new Error("logger is down");
  };
  return { warn: fail, error: fail };
}

describe("smsWebhook with a logger that throws", () => {
  // Made before this block's tests, not when the file is loaded: other suites in the same Jest
  // file spy on emitWarning too, and restoring theirs would take this one away.
  let emitWarning: jest.SpyInstance;
  beforeAll(() => {
    emitWarning = jest.spyOn(process, "emitWarning").mockImplementation(() => {});
  });
  afterAll(() => emitWarning.mockRestore());

  it("answers a rejection as it would with a working logger", async () => {
    const { post, events } = androidApp({ logger: throwingLogger() });
    const forged = androidRequest();
    forged.headers["x-signature"] = "0".repeat(64);
    const res = await post(forged);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("signature_invalid");
    assertNothingLeaks(res.text, [androidKey]);
    expect(events).toHaveLength(0);
  });

  it("answers a store failure with 503, and still runs the handler with onStoreError: process", async () => {
    const broken: DedupeStore = {
      claim: () => Promise.reject(new Error("down")),
      commit: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const rejecting = androidApp({ logger: throwingLogger(), store: broken });
    expect((await rejecting.post(androidRequest())).status).toBe(503);
    const processing = androidApp({
      logger: throwingLogger(),
      store: broken,
      onStoreError: "process",
    });
    expect((await processing.post(androidRequest())).status).toBe(204);
    expect(processing.events).toHaveLength(1);
  });

  it("says once per middleware, as a process warning, that the logger failed", async () => {
    emitWarning.mockClear();
    const { post } = androidApp({ logger: throwingLogger() });
    const forged = androidRequest();
    forged.headers["x-signature"] = "0".repeat(64);
    await post(forged);
    await post(forged);
    expect(emitWarning).toHaveBeenCalledTimes(1);
    expect(String(emitWarning.mock.calls[0]![0])).toContain("logger");
  });
});

describe("smsWebhook reporting", () => {
  it("calls onError with the WebhookError and the request", async () => {
    const seen: [string, string][] = [];
    const { post } = androidApp({
      onError: (error, req) => seen.push([error.code, req.path]),
    });
    const req = androidRequest();
    req.headers["x-signature"] = "0".repeat(64);
    await post(req);
    expect(seen).toEqual([["signature_invalid", "/hook"]]);
  });

  it("still answers when onError throws, and logs that it did", async () => {
    const { post, logger } = androidApp({
      onError: () => {
        throw new Error("metrics down");
      },
    });
    const req = androidRequest();
    req.headers["x-signature"] = "0".repeat(64);
    expect((await post(req)).status).toBe(401);
    expect(logger.entries.some((entry) => entry.message.includes("onError"))).toBe(true);
  });

  it("logs rejections with the code and path, never the signature or secret", async () => {
    const { post, logger } = androidApp();
    const req = androidRequest();
    req.headers["x-signature"] = "ab".repeat(32);
    await post(req);
    expect(logger.entries[0]).toMatchObject({
      level: "warn",
      details: { code: "signature_invalid", status: 401, path: "/hook" },
    });
    expect(JSON.stringify(logger.entries)).not.toContain(androidKey);
    expect(JSON.stringify(logger.entries)).not.toContain("ab".repeat(32));
  });

  it("answers 500 internal_error, without the cause, when a provider throws unexpectedly", async () => {
    const broken = failingProvider(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret-ish')");
    });
    const logger = memoryLogger();
    const app = express();
    app.post("/hook", smsWebhook(broken, { logger }), (_req, res) => res.sendStatus(204));
    const res = await send(app, { method: "POST", path: "/hook", headers: {}, body: "{}" });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: "internal_error", message: "The webhook could not be processed." },
    });
    expect(logger.entries[0]?.level).toBe("error");
    expect(String(logger.entries[0]?.details["cause"])).toContain("secret-ish");
  });

  it("answers a WebhookError thrown by a provider with its own code", async () => {
    const strict = failingProvider(() => {
      throw new WebhookError("unsupported_media_type", "Send JSON.");
    });
    const app = express();
    app.post("/hook", smsWebhook(strict, { logger: memoryLogger() }));
    const res = await send(app, { method: "POST", path: "/hook", headers: {}, body: "x" });
    expect(res.status).toBe(415);
    expect(res.body.error).toEqual({ code: "unsupported_media_type", message: "Send JSON." });
  });
});

describe("smsWebhook.router", () => {
  // An app with the Android router at /hooks/android, running `handler`.
  async function routerApp(handler: express.RequestHandler) {
    const { androidSmsGateway } = await import("../../lib/index.js");
    const app = express();
    app.use(
      "/hooks/android",
      smsWebhook.router(androidSmsGateway({ secret: androidKey }), {
        clock: () => signedNow,
        logger: memoryLogger(),
        handler,
      }),
    );
    return app;
  }

  it("mounts the provider's routes with the handler, and nothing else", async () => {
    const events: unknown[] = [];
    const app = await routerApp((req, res) => {
      events.push(req.smsEvent);
      res.sendStatus(204);
    });
    const req = androidRequest();
    expect((await send(app, { ...req, path: "/hooks/android" })).status).toBe(204);
    expect((await send(app, { ...req, method: "GET", path: "/hooks/android" })).status).toBe(404);
    expect((await send(app, { ...req, path: "/hooks/android/other" })).status).toBe(404);
    expect(events).toHaveLength(1);
  });

  it("passes an async handler's rejection to the error middleware, on Express 4 too", async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- the README's own style
    const app = await routerApp(async () => {
      throw new Error("handler failed");
    });
    app.use(
      (error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        res.status(500).json({ caught: error.message });
      },
    );
    const req = { ...androidRequest(), path: "/hooks/android" };
    const res = await send(app, req);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ caught: "handler failed" });
    // The claim went with the 500: the provider's retry runs the handler again.
    expect((await send(app, req)).body).toEqual({ caught: "handler failed" });
  });
});
