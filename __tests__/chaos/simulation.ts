// __tests__/chaos/simulation.ts — two instances on one Redis, a provider that duplicates and
// retries, handlers that fail: is every event handled exactly once?

import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import express, { type ErrorRequestHandler } from "express";
import {
  androidSmsGateway,
  silentLogger,
  smsWebhook,
  type SmsEvent,
  smsEventOf,
} from "../../lib/index.js";
import { signAndroid } from "../helpers/android-signer.js";
import { connectionPool, type ClientKind } from "../helpers/redis-clients.js";

/** What to simulate. */
export interface ChaosOptions {
  /** Distinct events the provider sends. */
  events: number;
  /** Port of the redis-server both instances share. */
  redisPort: number;
  /** Share of events delivered twice (half concurrently, half as a later retry). Default 0.3. */
  duplicateRate?: number;
  /** Share of handler runs that fail (throw, or answer 500). Default 0.1. */
  failureRate?: number;
  /** Requests in flight at once. Default 64. */
  concurrency?: number;
  /** Give up (and count what is left as lost) after this long. Default 5 minutes. */
  deadlineMs?: number;
}

/** What happened. */
export interface ChaosReport {
  events: number;
  processedOnce: number;
  processedTwice: number;
  lost: number;
  requests: number;
  answers: Record<string, number>;
  handlerFailures: number;
  durationMs: number;
  timedOut: boolean;
}

const key = "chaos-signing-key";

// One instance of the library: its own Express app, Redis client and store.
async function startInstance(
  kind: ClientKind,
  redisPort: number,
  pool: ReturnType<typeof connectionPool>,
  handle: (event: SmsEvent) => "ok" | "throw" | "500",
): Promise<{ url: string; server: Server }> {
  const { store } = await pool.store(kind, redisPort);
  const app = express();
  app.post(
    "/hooks/android",
    smsWebhook(androidSmsGateway({ secret: key }), { store, logger: silentLogger, leaseMs: 5000 }),
    async (req, res) => {
      await sleep(Math.random() * 3); // the handler does some work
      const outcome = handle(smsEventOf(req));
      if (outcome === "throw") throw new Error("handler failed");
      res.sendStatus(outcome === "500" ? 500 : 204);
    },
  );
  // Express 4 does not catch a rejected async handler by itself.
  const onError: ErrorRequestHandler = (_error, _req, res, _next) => void res.sendStatus(500);
  app.use(onError);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/android`,
    server,
  };
}

function eventBody(id: string): string {
  return JSON.stringify({
    id,
    webhookId: "chaos",
    event: "sms:received",
    deviceId: "chaos-device",
    payload: {
      messageId: id,
      message: `chaos message ${id}`,
      sender: "+15550001111",
      phoneNumber: "+15550001111",
      receivedAt: new Date().toISOString(),
    },
  });
}

/** Runs the simulation and reports how many events were handled once, twice, or never. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const duplicateRate = options.duplicateRate ?? 0.3;
  const failureRate = options.failureRate ?? 0.1;
  const concurrency = options.concurrency ?? 64;
  const deadline = Date.now() + (options.deadlineMs ?? 5 * 60_000);
  const started = Date.now();

  const handledCount = new Map<string, number>();
  let handlerFailures = 0;
  const handle = (event: SmsEvent): "ok" | "throw" | "500" => {
    const roll = Math.random();
    if (roll < failureRate) {
      handlerFailures++;
      return roll < failureRate / 2 ? "throw" : "500";
    }
    handledCount.set(event.id, (handledCount.get(event.id) ?? 0) + 1);
    return "ok";
  };

  const pool = connectionPool();
  const instances = [
    await startInstance("ioredis", options.redisPort, pool, handle),
    await startInstance("node-redis", options.redisPort, pool, handle),
  ];

  // The provider: every non-2xx is retried with backoff; requests go round-robin, over
  // keep-alive sockets with node:http (fetch cost this run about 0.5 s more CPU).
  const agent = new http.Agent({ keepAlive: true });
  const post = (url: string, headers: Record<string, string>, body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(url, { method: "POST", headers, agent }, (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
        response.once("error", reject);
      });
      request.once("error", reject);
      request.end(body);
    });
  let next = 0;
  let requests = 0;
  let timedOut = false;
  const answers: Record<string, number> = {};
  async function deliver(id: string): Promise<void> {
    const body = eventBody(id);
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) {
        timedOut = true;
        return;
      }
      const { url } = instances[next++ % instances.length]!;
      requests++;
      let status: number;
      try {
        const headers = signAndroid(body, key, Math.floor(Date.now() / 1000));
        status = await post(url, headers, body);
      } catch {
        status = 0;
      }
      answers[status] = (answers[status] ?? 0) + 1;
      if (status >= 200 && status < 300) return;
      await sleep(Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }

  // Each event is one job; a duplicated one either delivers twice at once, or again later.
  const jobs = Array.from({ length: options.events }, (_, i) => async () => {
    const id = `chaos-${i}`;
    const roll = Math.random();
    if (roll < duplicateRate / 2) {
      await Promise.all([deliver(id), deliver(id)]);
    } else if (roll < duplicateRate) {
      await deliver(id);
      await sleep(Math.random() * 20);
      await deliver(id);
    } else {
      await deliver(id);
    }
  });
  let cursor = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < jobs.length) await jobs[cursor++]!();
    }),
  );

  agent.destroy();
  for (const { server } of instances) {
    server.closeAllConnections();
    server.close();
  }
  await pool.closeAll();

  const counts = Array.from(
    { length: options.events },
    (_, i) => handledCount.get(`chaos-${i}`) ?? 0,
  );
  return {
    events: options.events,
    processedOnce: counts.filter((count) => count === 1).length,
    processedTwice: counts.filter((count) => count > 1).length,
    lost: counts.filter((count) => count === 0).length,
    requests,
    answers,
    handlerFailures,
    durationMs: Date.now() - started,
    timedOut,
  };
}

/** The report as a few readable lines. */
export function formatReport(report: ChaosReport): string {
  const answers = Object.entries(report.answers)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  return [
    `events:                  ${report.events}`,
    `processed exactly once:  ${report.processedOnce}`,
    `lost:                    ${report.lost}`,
    `processed twice or more: ${report.processedTwice}`,
    `requests sent:           ${report.requests} (answers ${answers})`,
    `handler failures:        ${report.handlerFailures}`,
    `duration:                ${(report.durationMs / 1000).toFixed(1)} s${report.timedOut ? " (hit the deadline)" : ""}`,
  ].join("\n");
}
