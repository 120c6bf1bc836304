// bench/http/load.ts — one autocannon run over precomputed traffic, checking every answer's status.

import autocannon, { type Request, type RequestContext, type Result } from "autocannon";
import { seededRandom } from "../random.js";
import type { PreparedRequest, Traffic } from "./traffic.js";

export interface LoadOptions {
  readonly port: number;
  readonly connections: number;
  readonly durationSec: number;
  readonly traffic: Traffic;
  /** Whether the server drops duplicates (200); `bare` answers 204 to everything. */
  readonly dedupes: boolean;
}

export interface LoadResult {
  /** Responses received. */
  readonly requests: number;
  readonly durationSec: number;
  readonly requestsPerSec: number;
  /** From every response's own time (autocannon's histogram rounds to whole ms). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Retries sent, as a share of all requests sent. */
  readonly retryShare: number;
  /** Answers with a status other than the expected one, by status. */
  readonly unexpected: ReadonlyMap<number, number>;
  /** A few of those answers, to say what went wrong. */
  readonly unexpectedSamples: readonly string[];
  /** Connection errors and timeouts (autocannon's count). */
  readonly errors: number;
  /** New events sent after the traffic ran out and started over (0 when sized right). */
  readonly wrapped: number;
}

/**
 * A retry re-sends an event answered at least this many answers ago: by then its claim is
 * committed (the library commits when the response closes; RedisStore takes a round trip), so
 * the retry meets `done`, not the `in-flight` claim of a delivery still running. A provider
 * retries seconds to hours later, never before its first attempt was answered.
 */
const retryLag = 200;
/** …and picks among this many answered events before that. */
const retrySpread = 4_000;

interface Sent extends RequestContext {
  /** The index of the new event sent, or -1 for a retry or a repeat. */
  event?: number;
  expected?: number;
  label?: string;
}

/** Sends `traffic` (new events in order, retries mixed in) for `durationSec`. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { traffic, dedupes } = options;
  const { events, retries } = traffic;
  const random = seededRandom(0x5eed);
  let nextEvent = 0;
  let sent = 0;
  let retriesSent = 0;
  // New events answered 204, in answer order: what a retry may repeat.
  const answered: number[] = [];
  const latencies: number[] = [];
  const unexpected = new Map<number, number>();
  const unexpectedSamples: string[] = [];

  // A fresh headers object: autocannon adds Content-Length to the one it is given.
  const build = (params: object, prepared: PreparedRequest) => ({
    ...params,
    path: prepared.path,
    headers: { ...prepared.headers },
    body: prepared.body,
  });

  const request: Request = {
    method: "POST",
    setupRequest(params, context: Sent) {
      sent++;
      // A retry whenever retries fall behind their share (once there are answered events to
      // retry): the share holds from the first requests on, spread evenly.
      if (answered.length > retryLag && retriesSent < traffic.duplicateShare * sent) {
        const newest = answered.length - 1 - retryLag;
        const event = answered[newest - Math.floor(random() * Math.min(retrySpread, newest + 1))]!;
        retriesSent++;
        context.event = -1;
        context.expected = dedupes ? 200 : 204;
        context.label = `retry of event #${event}`;
        return build(params, retries[event]!);
      }
      const index = nextEvent++;
      // Past the end every event has been handled once, so a deduping server says duplicate.
      const repeat = index >= events.length;
      context.event = repeat ? -1 : index;
      context.expected = dedupes && repeat ? 200 : 204;
      context.label = `${repeat ? "repeat of " : ""}event #${index % events.length}`;
      return build(params, events[index % events.length]!);
    },
    onResponse(status, body, context: Sent) {
      if (status === context.expected) {
        if (context.event !== undefined && context.event >= 0 && retries.length > 0) {
          answered.push(context.event);
        }
        return;
      }
      unexpected.set(status, (unexpected.get(status) ?? 0) + 1);
      if (unexpectedSamples.length < 5) {
        const answer = `${status} ${body.slice(0, 200)}`.trim();
        unexpectedSamples.push(`${context.label} expected ${context.expected}, got ${answer}`);
      }
    },
  };

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${options.port}`,
        connections: options.connections,
        duration: options.durationSec,
        pipelining: 1,
        timeout: 10,
        requests: [request],
      },
      (error, result: Result) => {
        if (error) return reject(error);
        resolve({
          ...throughput(result, latencies),
          retryShare: sent === 0 ? 0 : retriesSent / sent,
          unexpected,
          unexpectedSamples,
          errors: result.errors,
          wrapped: Math.max(0, nextEvent - events.length),
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
  });
}

function throughput(result: Result, latencies: number[]) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    durationSec: result.duration,
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
