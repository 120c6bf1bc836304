// bench/types/autocannon.d.ts — the part of autocannon's API the bench uses (autocannon ships no types).

declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  /** What one request is made of; `setupRequest` may change it per request. */
  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  /** Per-connection scratch space, passed to `setupRequest` and `onResponse`. */
  export type RequestContext = Record<string, unknown>;

  export interface Request extends RequestParams {
    /** Called right before each request is sent; a falsy answer resets the request list. */
    setupRequest?: (request: RequestParams, context: RequestContext) => RequestParams | null;
    /** Called with each response to this request. */
    onResponse?: (
      status: number,
      body: string,
      context: RequestContext,
      headers: Record<string, string | string[]>,
    ) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    pipelining?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    requests?: Request[];
  }

  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p99: number;
  }

  export interface Result {
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { sent: number };
    throughput: Histogram;
  }

  /** The running instance; emits `response` (client, status, bytes, responseTimeMs) per answer. */
  export interface Instance extends EventEmitter {
    stop(): void;
  }

  function autocannon(
    options: Options,
    done: (error: Error | null, result: Result) => void,
  ): Instance;
  export default autocannon;
}
