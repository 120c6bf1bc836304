// __tests__/express/steps.test.ts — the single-step middlewares composed by hand.

import type { RequestHandler } from "express";
import {
  androidSmsGateway,
  dedupe,
  MemoryStore,
  normalize,
  rawBody,
  smsWebhookErrorHandler,
  timestampWindow,
  verifySignature,
  type Logger,
  type SmsEvent,
  type StepOptions,
  vonageSms,
  smsEventOf,
} from "../../lib/index.js";
import { vonageInboundSample } from "../../lib/testing/index.js";
import { express } from "../helpers/app.js";
import { androidKey, androidRequest, signedNow } from "../helpers/android-app.js";
import { send } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";
import { formEncode, signVonageParams } from "../helpers/vonage-sms-signer.js";

const nowSec = () => Math.floor(Date.now() / 1000);

function composedApp(
  steps: (options: StepOptions) => RequestHandler[],
  mode?: "report",
  logger: Logger = memoryLogger(),
) {
  const events: SmsEvent[] = [];
  const options: StepOptions = {
    clock: () => signedNow,
    logger,
    store: new MemoryStore(),
    ...(mode === undefined ? {} : { mode }),
  };
  const app = express();
  app.post("/hook", ...steps(options), (req, res) => {
    events.push(smsEventOf(req));
    res.sendStatus(204);
  });
  app.use(smsWebhookErrorHandler);
  return { app, events };
}

const provider = androidSmsGateway({ secret: androidKey });
const allSteps = (options: StepOptions) => [
  rawBody(),
  verifySignature(provider, options),
  timestampWindow(provider, options),
  dedupe(provider, options),
  normalize(provider, options),
];

describe("the single steps composed by hand", () => {
  it("deliver the same event smsWebhook would", async () => {
    const { app, events } = composedApp(allSteps);
    expect((await send(app, androidRequest("composed_1"))).status).toBe(204);
    expect(events[0]).toMatchObject({
      type: "message.status",
      id: "composed_1",
      verified: true,
      status: "delivered",
    });
  });

  it("answer a bad signature through smsWebhookErrorHandler", async () => {
    const { app, events } = composedApp(allSteps);
    const req = androidRequest();
    req.headers["x-signature"] = "0".repeat(64);
    const res = await send(app, req);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { code: "signature_invalid", message: expect.any(String) },
    });
    expect(events).toHaveLength(0);
  });

  it("answer a bad signature the same when the logger throws, and leave nothing unhandled", async () => {
    const fail = () => {
      throw new Error("logger is down");
    };
    const emitWarning = jest.spyOn(process, "emitWarning").mockImplementation(() => {});
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const { app, events } = composedApp(allSteps, undefined, { warn: fail, error: fail });
      const req = androidRequest();
      req.headers["x-signature"] = "0".repeat(64);
      const res = await send(app, req);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("signature_invalid");
      expect(events).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      emitWarning.mockRestore();
    }
  });

  it("answer a stale timestamp with 401 timestamp_out_of_window", async () => {
    const { app } = composedApp(allSteps);
    const res = await send(
      app,
      androidRequest(undefined, new Date(signedNow.getTime() - 3_600_000)),
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("timestamp_out_of_window");
  });

  it("answer a repeat delivery with 200 duplicate", async () => {
    const { app, events } = composedApp(allSteps);
    const req = androidRequest();
    await send(app, req);
    expect((await send(app, req)).body).toEqual({ status: "duplicate" });
    expect(events).toHaveLength(1);
  });

  it("release the claim when normalize rejects the payload, so a fixed retry runs", async () => {
    const { app, events } = composedApp(allSteps);
    const req = androidRequest("fixme");
    const broken = { ...req, body: req.body!.replace('"m1"', "1") };
    const { signAndroid } = await import("../helpers/android-signer.js");
    broken.headers = signAndroid(broken.body, androidKey, Math.floor(signedNow.getTime() / 1000));
    expect((await send(app, broken)).status).toBe(400);
    expect((await send(app, req)).status).toBe(204);
    expect(events).toHaveLength(1);
  });

  it("let a bad signature through in report mode, unverified", async () => {
    const { app, events } = composedApp(allSteps, "report");
    const req = androidRequest();
    req.headers["x-signature"] = "0".repeat(64);
    expect((await send(app, req)).status).toBe(204);
    expect(events[0]?.verified).toBe(false);
  });

  it("keep a forged event in report mode from using up the genuine event's dedupe key", async () => {
    const { app, events } = composedApp(allSteps, "report");
    const genuine = androidRequest();
    const forged = { ...genuine, headers: { ...genuine.headers, "x-signature": "0".repeat(64) } };
    expect((await send(app, forged)).status).toBe(204);
    expect((await send(app, genuine)).status).toBe(204);
    expect(events.map((event) => event.verified)).toEqual([false, true]);
  });

  it("put a concatenated SMS together across instances that share only dedupe()'s store", async () => {
    const store = new MemoryStore();
    const secret = "vonage-secret";
    const vonage = vonageSms({ secret });
    const texts: string[] = [];
    const instance = () => {
      const app = express();
      app.get(
        "/inbound",
        rawBody(),
        verifySignature(vonage, { logger: memoryLogger() }),
        timestampWindow(vonage),
        dedupe(vonage, { store }),
        normalize(vonage),
        (req, res) => {
          const event = smsEventOf(req);
          if (event.type === "message.received") texts.push(event.text);
          res.sendStatus(204);
        },
      );
      app.use(smsWebhookErrorHandler);
      return app;
    };
    const apps = [instance(), instance()];
    const parts = vonageInboundSample("y".repeat(300));
    const answers = [];
    for (const [index, params] of parts.entries()) {
      const query = formEncode(signVonageParams(params, secret, "md5hash", nowSec()));
      const res = await send(apps[index % 2]!, {
        method: "GET",
        path: "/inbound",
        headers: {},
        query,
      });
      answers.push(res.status);
    }
    expect(answers).toEqual([200, 204]);
    expect(texts).toEqual(["y".repeat(300)]);
  });

  it("say verifySignature needs rawBody() mounted first", async () => {
    const { app } = composedApp((options) => [verifySignature(provider, options)]);
    const res = await send(app, androidRequest());
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("raw_body_unavailable");
    expect(res.body.error.message).toContain("rawBody()");
  });

  it("say a later step needs verifySignature mounted first", async () => {
    const { app } = composedApp((options) => [rawBody(), dedupe(provider, options)]);
    const res = await send(app, androidRequest());
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("internal_error");
    expect(res.body.error.message).toContain("verifySignature()");
  });

  it("are named after their step, for stack traces and router dumps", () => {
    expect(verifySignature(provider).name).toBe("verifySignature");
    expect(dedupe(provider).name).toBe("dedupe");
    expect(rawBody().name).toBe("rawBodyMiddleware");
  });
});

describe("smsWebhookErrorHandler", () => {
  it("passes errors that are not WebhookErrors on to the next error handler", async () => {
    const app = express();
    app.get("/boom", () => {
      throw new Error("not ours");
    });
    app.use(smsWebhookErrorHandler);
    app.use(((error, _req, res, _next) => {
      res.status(418).json({ passedOn: (error as Error).message });
    }) as express.ErrorRequestHandler);
    const res = await send(app, { method: "GET", path: "/boom", headers: {} });
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ passedOn: "not ours" });
  });
});
