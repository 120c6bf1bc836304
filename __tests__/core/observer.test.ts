// __tests__/core/observer.test.ts — observers see every outcome, after the answer, and cannot break it.

import type { Response } from "express";
import request from "supertest";
import {
  androidSmsGateway,
  dedupe,
  normalize,
  rawBody,
  smsWebhook,
  timestampWindow,
  verifySignature,
  type OutcomeRecord,
  type SmsWebhookOptions,
  type WebhookObserver,
} from "../../lib/index.js";
import { express } from "../helpers/app.js";
import { signAndroid } from "../helpers/android-signer.js";
import { memoryLogger } from "../helpers/logger.js";

const key = "observer-key";
const now = new Date("2024-06-22T08:46:30Z");
const provider = androidSmsGateway({ secret: key });

function ping(id: string) {
  return JSON.stringify({
    id,
    event: "system:ping",
    deviceId: "d",
    payload: { health: { status: "pass", checks: {} } },
  });
}

/** An observer that remembers, and says whether the answer was already written when told. */
function recorder() {
  const records: OutcomeRecord[] = [];
  const answeredWhenTold: boolean[] = [];
  let lastResponse: Response | undefined;
  let waiting: (() => void)[] = [];
  const observer: WebhookObserver = {
    onOutcome(record) {
      records.push(record);
      answeredWhenTold.push(lastResponse?.writableEnded === true);
      for (const wake of waiting) wake();
      waiting = [];
    },
  };
  const track = (_req: unknown, res: Response, next: () => void) => {
    lastResponse = res;
    next();
  };
  const next = async (count: number) => {
    while (records.length < count) await new Promise<void>((wake) => waiting.push(wake));
    return records[count - 1]!;
  };
  return { observer, records, answeredWhenTold, track, next };
}

function appWith(
  options: SmsWebhookOptions,
  handler = (_req: unknown, res: Response) => {
    res.sendStatus(204);
  },
) {
  const rec = recorder();
  const app = express();
  app.use(rec.track);
  app.post(
    "/hook",
    smsWebhook(provider, {
      clock: () => now,
      logger: memoryLogger(),
      ...options,
      observers: [rec.observer, ...(options.observers ?? [])],
    }),
    handler,
  );
  return { app, rec };
}

function post(app: express.Express, body: string, signedAt = now, signature?: string) {
  const headers = signAndroid(body, key, Math.floor(signedAt.getTime() / 1000));
  if (signature !== undefined) headers["x-signature"] = signature;
  return request(app).post("/hook").set(headers).send(body);
}

describe("observers", () => {
  it("see a delivery with the handler's status, once the handler has answered", async () => {
    const { app, rec } = appWith({});
    expect((await post(app, ping("o1"))).status).toBe(204);
    const record = await rec.next(1);
    expect(record).toMatchObject({
      provider: "android-sms-gateway",
      route: { method: "POST", path: "/hook" },
      outcome: "delivered",
      status: 204,
      code: undefined,
      eventType: "system.ping",
      eventId: "o1",
      hint: undefined,
      part: undefined,
    });
    expect(record.event).toMatchObject({ type: "system.ping", id: "o1", verified: true });
    expect(record.at).toBeInstanceOf(Date);
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    expect(record.storeMs).toBeGreaterThanOrEqual(0);
    expect(record.storeMs).toBeLessThanOrEqual(record.durationMs);
    expect(rec.answeredWhenTold).toEqual([true]);
  });

  it("see a duplicate, a rejection with its hint, and both after the answer", async () => {
    const { app, rec } = appWith({});
    await post(app, ping("o2"));
    await rec.next(1);
    expect((await post(app, ping("o2"))).body).toEqual({ status: "duplicate" });
    const duplicate = await rec.next(2);
    expect(duplicate).toMatchObject({ outcome: "duplicate", status: 200, eventId: "o2" });
    expect(duplicate.hint).toMatch(
      /^A retry or replay of an event handled \d+ s ago; .* 2 d \(dedupeTtlMs\)/,
    );
    expect((await post(app, ping("o3"), now, "0".repeat(64))).status).toBe(401);
    const rejected = await rec.next(3);
    expect(rejected).toMatchObject({ outcome: "rejected", status: 401, code: "signature_invalid" });
    expect(rejected.hint).toMatch(/secret/);
    expect(rejected.hint).not.toContain(key);
    expect(rec.answeredWhenTold).toEqual([true, true, true]);
  });

  it("say how far the signed time is from the clock", async () => {
    const { app, rec } = appWith({});
    const old = new Date(now.getTime() - 412_000);
    expect((await post(app, ping("o4"), old)).status).toBe(401);
    expect((await rec.next(1)).hint).toMatch(/412 s behind this server's clock: check NTP/);
  });

  it("say that a parser mounted first consumed the body", async () => {
    const rec = recorder();
    const app = express();
    app.use(express.json());
    app.post("/hook", smsWebhook(provider, { logger: memoryLogger(), observers: [rec.observer] }));
    expect((await post(app, ping("o5"))).status).toBe(500);
    const record = await rec.next(1);
    expect(record).toMatchObject({ outcome: "rejected", code: "raw_body_unavailable" });
    expect(record.hint).toMatch(/parser mounted before this route/);
  });

  it("see an event in flight elsewhere as in_flight, and report mode's let-through", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let running = () => {};
    const firstRunning = new Promise<void>((resolve) => (running = resolve));
    const { app, rec } = appWith({ mode: "report" }, (_req, res) => {
      running();
      void held.then(() => res.sendStatus(204));
    });
    const first = post(app, ping("o6")).then((res) => res.status);
    await Promise.race([
      firstRunning,
      first.then((status) => {
        throw new Error(`the first delivery was answered ${status} without its handler`);
      }),
    ]);
    expect((await post(app, ping("o6"))).status).toBe(409);
    expect(await rec.next(1)).toMatchObject({
      outcome: "in_flight",
      status: 409,
      code: "duplicate_in_flight",
    });
    release();
    expect(await first).toBe(204);
    expect(await rec.next(2)).toMatchObject({ outcome: "delivered", status: 204 });
    expect((await post(app, ping("o7"), now, "0".repeat(64))).status).toBe(204);
    const letThrough = await rec.next(3);
    expect(letThrough).toMatchObject({
      outcome: "let_through",
      status: 204,
      code: "signature_invalid",
    });
    expect(letThrough.event?.verified).toBe(false);
    expect(letThrough.hint).toMatch(/secret/);
  });

  it("see a failed handler's 500, and the retry handled", async () => {
    let fail = true;
    const { app, rec } = appWith({}, (_req, res) => {
      res.sendStatus(fail ? 500 : 204);
    });
    await post(app, ping("o8"));
    expect(await rec.next(1)).toMatchObject({ outcome: "delivered", status: 500 });
    fail = false;
    await post(app, ping("o8"));
    expect(await rec.next(2)).toMatchObject({ outcome: "delivered", status: 204 });
  });

  it("cannot change or break an answer: throwing, rejecting and never-settling observers", async () => {
    const logger = memoryLogger();
    const throwing: WebhookObserver = {
      onOutcome() {
        throw new Error("observer bug");
      },
    };
    const rejecting: WebhookObserver = { onOutcome: () => Promise.reject(new Error("async bug")) };
    const hanging: WebhookObserver = { onOutcome: () => new Promise<void>(() => {}) };
    const { app, rec } = appWith({ logger, observers: [throwing, rejecting, hanging] });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      for (const id of ["o9", "o10"]) expect((await post(app, ping(id))).status).toBe(204);
      expect((await post(app, ping("o11"), now, "0".repeat(64))).status).toBe(401);
      await rec.next(3);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
    // Once per failing observer, however many requests.
    const complaints = logger.entries.filter((entry) => entry.message.includes("observer threw"));
    expect(complaints).toHaveLength(2);
  });

  it("see the single steps' outcomes too", async () => {
    const rec = recorder();
    const options = { clock: () => now, logger: memoryLogger(), observers: [rec.observer] };
    const app = express();
    app.use(rec.track);
    app.post(
      "/hook",
      rawBody(),
      verifySignature(provider, options),
      timestampWindow(provider, options),
      dedupe(provider, options),
      normalize(provider, options),
      (_req, res) => res.sendStatus(202),
    );
    app.use((error: { status?: number }, _req: unknown, res: Response, _next: () => void) => {
      res.status(error.status ?? 500).end();
    });
    await post(app, ping("s1"));
    expect(await rec.next(1)).toMatchObject({ outcome: "delivered", status: 202, eventId: "s1" });
    await post(app, ping("s1"));
    expect(await rec.next(2)).toMatchObject({ outcome: "duplicate", status: 200, eventId: "s1" });
    await post(app, ping("s2"), now, "0".repeat(64));
    expect(await rec.next(3)).toMatchObject({ outcome: "rejected", code: "signature_invalid" });
  });

  it("must be objects with onOutcome", () => {
    for (const observers of [{}, [() => {}], [{ onOutcome: 1 }]]) {
      expect(() => smsWebhook(provider, { observers } as never)).toThrow(
        expect.objectContaining({ code: "ERR_SMS_WEBHOOKS_INVALID_OPTION" }),
      );
    }
  });
});
