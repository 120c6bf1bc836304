// __tests__/fuzz/harness.ts — one real Express app per provider on 127.0.0.1:0, in lanes: each
// lane has its own mount, handler and store (swapped for a fresh one per case), so cases run
// side by side without sharing dedupe state.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setImmediate as nextTurn } from "node:timers/promises";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import {
  MemoryPartStore,
  MemoryStore,
  type Claim,
  type DedupeStore,
  type Logger,
  type PartProgress,
  type PartStore,
  type SmsEvent,
  smsEventOf,
} from "../../lib/index.js";
import type { Answer } from "./oracle.js";
import type { FuzzTarget } from "./target.js";
import { WireClient, type WireRequest } from "./wire.js";

/**
 * The lane's store: a `MemoryStore` (and a `MemoryPartStore` for concatenated parts, as
 * `MemoryStore` keeps them) swapped for fresh, small ones per case. Commits and releases go to
 * the store that issued the claim, whenever they come, so a late settle cannot leak into the
 * next case; `open` counts claims not yet settled.
 */
export class LaneStore implements DedupeStore, PartStore {
  current = new MemoryStore({ max: 64, maxInFlight: 64 });
  #parts: MemoryPartStore | undefined;
  // Most requests are rejected before the store: an untouched store is as good as a fresh one.
  #touched = false;
  open = 0;
  readonly #issuers = new Map<string, MemoryStore>();

  reset(): void {
    if (this.#touched) this.current = new MemoryStore({ max: 64, maxInFlight: 64 });
    this.#parts = undefined;
    this.#touched = false;
  }

  claim(key: string, leaseMs: number): Claim {
    this.#touched = true;
    const claim = this.current.claim(key, leaseMs);
    if (claim.state === "claimed") {
      this.#issuers.set(`${key}\u0000${claim.token}`, this.current);
      this.open++;
    }
    return claim;
  }

  commit(key: string, token: string, ttlMs: number): void {
    this.#issuer(key, token).commit(key, token, ttlMs);
  }

  release(key: string, token: string): void {
    this.#issuer(key, token).release(key, token);
  }

  addPart(group: string, index: number, total: number, value: string, ttlMs: number): PartProgress {
    this.#touched = true;
    return (this.#parts ??= new MemoryPartStore(64)).addPart(group, index, total, value, ttlMs);
  }

  deleteGroup(group: string): void {
    this.#parts?.deleteGroup(group);
  }

  #issuer(key: string, token: string): MemoryStore {
    const id = `${key}\u0000${token}`;
    const issuer = this.#issuers.get(id);
    if (issuer === undefined) return this.current;
    this.#issuers.delete(id);
    this.open--;
    return issuer;
  }
}

/** A logger that counts, keeps the first few lines, and notes any line holding a secret. */
export class RecordingLogger implements Logger {
  readonly counts = { warn: 0, error: 0 };
  readonly first: string[] = [];
  readonly leaks: string[] = [];
  readonly #secrets: readonly string[];

  constructor(secrets: readonly string[]) {
    this.#secrets = secrets;
  }

  warn = (details: Record<string, unknown>, message: string) =>
    this.#record("warn", details, message);
  error = (details: Record<string, unknown>, message: string) =>
    this.#record("error", details, message);

  #record(level: "warn" | "error", details: Record<string, unknown>, message: string): void {
    this.counts[level]++;
    let line: string;
    try {
      line = `${level}: ${message} ${JSON.stringify(details)}`;
    } catch {
      line = `${level}: ${message}`;
    }
    if (this.first.length < 5 && level === "error") this.first.push(line.slice(0, 500));
    if (this.leaks.length < 5 && this.#secrets.some((secret) => line.includes(secret))) {
      this.leaks.push(line.slice(0, 500));
    }
  }
}

/** One lane: a mount point, its store and what its handler saw. */
export interface Lane {
  prefix: string;
  store: LaneStore;
  events: SmsEvent[];
}

/** The running app. */
export class FuzzServer {
  readonly lanes: Lane[];
  readonly logger: RecordingLogger;
  readonly #server: Server;
  readonly #client: WireClient;
  readonly #settleMs: number;

  private constructor(server: Server, lanes: Lane[], logger: RecordingLogger, timeBoundMs: number) {
    this.#server = server;
    this.lanes = lanes;
    this.logger = logger;
    this.#settleMs = timeBoundMs;
    const port = (server.address() as AddressInfo).port;
    this.#client = new WireClient(port, { sockets: lanes.length, timeoutMs: timeBoundMs * 2 });
  }

  /** Starts the app for `target` with `lanes` lanes, its clock fixed at `now`. */
  static async start(
    target: FuzzTarget,
    options: { lanes: number; now: Date; timeBoundMs: number },
  ): Promise<FuzzServer> {
    const logger = new RecordingLogger(target.secrets);
    const app = express();
    const lanes: Lane[] = [];
    for (let i = 0; i < options.lanes; i++) {
      const lane: Lane = { prefix: `/lane${i}`, store: new LaneStore(), events: [] };
      const handler: RequestHandler = (req, res) => {
        lane.events.push(smsEventOf(req));
        res.sendStatus(204);
      };
      const routers = target.routers({
        store: lane.store,
        clock: () => options.now,
        logger,
        toleranceSec: target.toleranceSec,
        handler,
      });
      for (const [mount, router] of Object.entries(routers))
        app.use(`${lane.prefix}/${mount}`, router);
      lanes.push(lane);
    }
    // Requests no route takes (another method, another path): not the library's to answer.
    app.use((_req, res) => void res.status(404).json({ fuzz: "not_routed" }));
    // The library answers its own rejections; an error reaching here is a finding.
    const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      res.status(500).json({ fuzz: "next_error", message });
    };
    app.use(onError);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    return new FuzzServer(server, lanes, logger, options.timeBoundMs);
  }

  /** Gives the lane a fresh, empty dedupe store. */
  fresh(lane: Lane): void {
    lane.store.reset();
  }

  /**
   * Sends `request` on `lane` (under mount `mount`) and waits for its claim to be settled, so
   * the next request on the lane starts clean.
   */
  async send(lane: Lane, mount: string, request: WireRequest): Promise<Answer> {
    lane.events = [];
    // Claims a case before this one never settled stay counted: only this request's matter.
    const before = lane.store.open;
    const response = await this.#client.send(`${lane.prefix}/${mount}`, request);
    const deadline = Date.now() + this.#settleMs;
    while (lane.store.open > before && Date.now() < deadline) await nextTurn();
    return { response, events: lane.events, unsettled: lane.store.open > before };
  }

  async close(): Promise<void> {
    this.#client.close();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
