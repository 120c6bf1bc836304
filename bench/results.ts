// bench/results.ts — what each part of the bench measures, as the report reads it.

/** One HTTP scenario: a server under one kind of traffic. */
export interface HttpRow {
  readonly server: string;
  /** "unique" (every event new) or "duplicates" (30 % retries of earlier events). */
  readonly traffic: "unique" | "duplicates";
  /** With `--compare`: which build the server loaded ("baseline" or "this build"). */
  readonly build?: Build;
  /** Why the row was not measured; the figures below are then absent. */
  readonly skipped?: string;
  /** Measured runs; each figure is their median. */
  readonly rounds?: number;
  readonly requests?: number;
  readonly requestsPerSec?: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  /** Server process CPU (user + system) over the measured run, per response, in µs. */
  readonly cpuMicrosPerRequest?: number;
  /** redis-server's own CPU per response, in µs (Redis rows only; not in the figure above). */
  readonly redisCpuMicrosPerRequest?: number;
  /** Every measured run's req/s and CPU µs/request, in round order (the figures above are medians). */
  readonly runs?: { readonly requestsPerSec: number[]; readonly cpuMicrosPerRequest: number[] };
}

/** `--compare=<dir>`: the build under `<dir>` (the baseline) or this repository's. */
export type Build = "baseline" | "this build";

/** One verify microbenchmark. */
export interface VerifyRow {
  readonly name: string;
  /** What is timed, e.g. "parse + verify + timestamp". */
  readonly what: string;
  /** `baseline`: standardwebhooks, the ratios' divisor; `ours`: held to the target. */
  readonly role: "baseline" | "ours" | "other";
  readonly bodyBytes: number;
  readonly nsPerOp: number;
  readonly opsPerSec: number;
}

/** MemoryStore's heap for `keys` committed keys. */
export interface MemoryResult {
  readonly keys: number;
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  readonly storeSize: number;
  readonly seconds: number;
}
