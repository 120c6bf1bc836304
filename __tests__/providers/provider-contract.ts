// __tests__/providers/provider-contract.ts — what every provider must do over real HTTP.

import type { RequestHandler } from "express";
import {
  MemoryStore,
  smsWebhook,
  type Provider,
  type SmsEvent,
  type SmsWebhookOptions,
  type RawRequest,
  type WebhookErrorCode,
  smsEventOf,
} from "../../lib/index.js";
import { runProviderContract as runCoreProviderContract } from "../../lib/testing/index.js";
import { express } from "../helpers/app.js";
import { assertNothingLeaks, send, type TestRequest } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";

export interface ProviderCase {
  /** Suite title. */
  name: string;
  /** The provider under test, built with `secret` (a string or a rotation list). */
  provider(secret: string | readonly string[]): Provider<unknown, unknown>;
  secret: string;
  /** The time the requests are signed at (and the fake clock reads). */
  now: Date;
  /** A valid request for a fresh event, signed independently of lib/ with `secret`. */
  request(options?: { secret?: string; signedAt?: Date; eventId?: string }): TestRequest;
  /** The same request with one byte of signed content changed. */
  tamper(req: TestRequest): TestRequest;
  /** The same request without its signature. */
  unsign(req: TestRequest): TestRequest;
  /** A validly signed request whose payload the provider refuses (400 payload_invalid). */
  badPayload(): TestRequest;
  /** What an unsigned request gets (Vonage Messages: 503 unsigned_callback). */
  unsigned: { status: number; code: string };
  /** The default window when the provider signs a time; undefined when it signs none. */
  toleranceSec: number | undefined;
  /** The app-wide body parser that consumes this provider's body when mounted first. */
  bodyParser: RequestHandler;
}

/** The same request as the framework-free core sees it. */
export function rawRequestOf(req: TestRequest): RawRequest {
  const rawQuery = req.query ?? "";
  return {
    method: req.method,
    url: rawQuery === "" ? req.path : `${req.path}?${rawQuery}`,
    headers: Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    rawBody: Buffer.from(req.body ?? "", "utf8"),
    rawQuery,
  };
}

/**
 * Runs the library's own provider contract (sms-webhooks/testing, through `receive()`) and
 * this file's Express-level one on the same fixtures.
 */
export function runProviderContract(c: ProviderCase) {
  runCoreProviderContract(c.name, {
    provider: c.provider,
    secret: c.secret,
    now: c.now,
    request: (options) => rawRequestOf(c.request(options)),
    badPayload: () => rawRequestOf(c.badPayload()),
    unsign(raw) {
      const headers = Object.fromEntries(
        Object.entries(raw.headers).filter(
          (entry): entry is [string, string] => typeof entry[1] === "string",
        ),
      );
      const body = raw.rawBody.toString("utf8");
      const unsigned = c.unsign({
        method: raw.method as TestRequest["method"],
        path: raw.url.slice(
          0,
          raw.url.length - (raw.rawQuery === "" ? 0 : raw.rawQuery.length + 1),
        ),
        headers,
        ...(body === "" ? {} : { body }),
        ...(raw.rawQuery === "" ? {} : { query: raw.rawQuery }),
      });
      return rawRequestOf(unsigned);
    },
    unsignedCode: c.unsigned.code as WebhookErrorCode,
    signsTime: c.toleranceSec !== undefined,
  });
  runExpressProviderContract(c);
}

function runExpressProviderContract(c: ProviderCase) {
  describe(`${c.name} (provider contract)`, () => {
    const clock = () => c.now;

    function appWith(
      options: SmsWebhookOptions = {},
      handler?: RequestHandler,
      provider: Provider<unknown, unknown> = c.provider(c.secret),
    ) {
      const calls: SmsEvent[] = [];
      const app = express();
      const store = options.store ?? new MemoryStore();
      const logger = memoryLogger();
      const onEvent: RequestHandler =
        handler ??
        ((req, res) => {
          calls.push(smsEventOf(req));
          res.sendStatus(204);
        });
      app.use(smsWebhook.router(provider, { clock, logger, store, ...options, handler: onEvent }));
      return { app, calls, logger };
    }

    it("delivers a validly signed event to the handler, verified", async () => {
      const { app, calls } = appWith();
      const res = await send(app, c.request());
      expect(res.status).toBe(204);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ verified: true, provider: c.provider(c.secret).name });
      expect(typeof calls[0]?.id).toBe("string");
    });

    it("rejects an altered body with 401 signature_invalid", async () => {
      const { app, calls } = appWith();
      const res = await send(app, c.tamper(c.request()));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("signature_invalid");
      expect(calls).toHaveLength(0);
      assertNothingLeaks(res.text, [c.secret]);
    });

    it("rejects a request signed with another secret", async () => {
      const { app, calls } = appWith();
      const res = await send(app, c.request({ secret: "not-the-configured-secret" }));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("signature_invalid");
      expect(calls).toHaveLength(0);
      assertNothingLeaks(res.text, [c.secret, "not-the-configured-secret"]);
    });

    it("rejects an unsigned request", async () => {
      const { app, calls } = appWith();
      const res = await send(app, c.unsign(c.request()));
      expect(res.status).toBe(c.unsigned.status);
      expect(res.body.error.code).toBe(c.unsigned.code);
      expect(calls).toHaveLength(0);
    });

    it("accepts any secret of a rotation list", async () => {
      const rotating = c.provider(["the-next-secret-0123456789", c.secret]);
      const { app, calls } = appWith({}, undefined, rotating);
      expect((await send(app, c.request())).status).toBe(204);
      expect(calls).toHaveLength(1);
    });

    it("answers the same delivery again with 200 duplicate, without the handler", async () => {
      const { app, calls } = appWith();
      const req = c.request();
      expect((await send(app, req)).status).toBe(204);
      const again = await send(app, req);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ status: "duplicate" });
      expect(calls).toHaveLength(1);
    });

    it("runs the handler once for ten concurrent identical deliveries", async () => {
      let running = 0;
      let othersAnswered!: () => void;
      const others = new Promise<void>((resolve) => (othersAnswered = resolve));
      const { app } = appWith({}, (_req, res) => {
        running++;
        // It holds the claim until the other nine have their answers (or a second has passed,
        // should a second run of the handler be holding one of them).
        const bound = setTimeout(othersAnswered, 1000);
        void others.then(() => {
          clearTimeout(bound);
          res.sendStatus(204);
        });
      });
      const req = c.request();
      let answered = 0;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          send(app, req).then((answer) => {
            if (++answered === 9) othersAnswered();
            return answer;
          }),
        ),
      );
      expect(running).toBe(1);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses.filter((status) => status === 204)).toHaveLength(1);
      for (const answer of answers) {
        if (answer.status === 409) {
          expect(answer.body.error.code).toBe("duplicate_in_flight");
          expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
        } else if (answer.status !== 204) {
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual({ status: "duplicate" });
        }
      }
    });

    it("answers 500 when the handler throws, and handles the provider's retry", async () => {
      let attempts = 0;
      const { app } = appWith({}, (_req, res) => {
        attempts++;
        if (attempts === 1) throw new Error("database down");
        res.sendStatus(204);
      });
      const req = c.request();
      const first = await send(app, req);
      expect(first.status).toBe(500);
      expect((await send(app, req)).status).toBe(204);
      expect(attempts).toBe(2);
    });

    const toleranceSec = c.toleranceSec;
    if (toleranceSec !== undefined) {
      it("rejects a stale signed time with 401 timestamp_out_of_window", async () => {
        const { app, calls } = appWith();
        const stale = new Date(c.now.getTime() - (toleranceSec + 1) * 1000);
        const res = await send(app, c.request({ signedAt: stale }));
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe("timestamp_out_of_window");
        expect(calls).toHaveLength(0);
      });

      it("accepts a signed time inside a wider toleranceSec", async () => {
        const wider = toleranceSec + 600;
        const { app, calls } = appWith({ toleranceSec: wider, dedupeTtlMs: 2 * wider * 1000 });
        const late = new Date(c.now.getTime() - (toleranceSec + 300) * 1000);
        expect((await send(app, c.request({ signedAt: late }))).status).toBe(204);
        expect(calls).toHaveLength(1);
      });
    }

    it("lets a bad signature through in report mode, marked unverified and logged", async () => {
      const { app, calls, logger } = appWith({ mode: "report" });
      const res = await send(app, c.tamper(c.request()));
      expect(res.status).toBe(204);
      expect(calls[0]?.verified).toBe(false);
      expect(logger.entries.map((entry) => entry.details["code"])).toContain("signature_invalid");
    });

    it("says how to fix it when an app-wide body parser consumed the body", async () => {
      const app = express();
      app.use(c.bodyParser);
      app.use(smsWebhook.router(c.provider(c.secret), { clock, logger: memoryLogger() }));
      const res = await send(app, c.request());
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe("raw_body_unavailable");
      expect(res.body.error.message).toContain("captureRawBody");
      assertNothingLeaks(res.text, [c.secret]);
    });
  });
}
