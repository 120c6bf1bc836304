// bench/http/run-http.ts — runs every HTTP scenario: start server, warm up, reset CPU, measure, stop.

import { join } from "node:path";
import type { BenchConfig } from "../config.js";
import { libraryRootEnv } from "../paths.js";
import type { HttpRow } from "../results.js";
import { startRedisServer, type RedisServer } from "../redis-server.js";
import { runLoad, type LoadResult } from "./load.js";
import { redisPortEnv } from "./protocol.js";
import { scenarios, type Scenario } from "./scenarios.js";
import { startServer } from "./server-process.js";
import { buildTraffic } from "./traffic.js";

export interface HttpOutcome {
  readonly rows: HttpRow[];
  /** Skips, wrap-arounds and unexpected answers, for the report's notes. */
  readonly notes: string[];
  /** Unexpected statuses plus connection errors, over every run (warm-ups included). */
  readonly failures: number;
}

/**
 * `compare`: the root of another build of the package (with `dist/esm`). Each library scenario
 * (or each of `only`) then runs twice, on a server loading that build (the baseline) and one
 * loading this repository's, side by side in the same rounds.
 */
export async function runHttp(
  config: BenchConfig,
  log: (line: string) => void,
  only?: readonly string[],
  compare?: string,
): Promise<HttpOutcome> {
  const notes: string[] = [];
  const chosen = scenarios
    .filter((scenario) =>
      only === undefined
        ? compare === undefined || scenario.server.startsWith("library-")
        : only.includes(scenario.server),
    )
    .flatMap((scenario): Scenario[] =>
      compare === undefined
        ? [scenario]
        : [
            { ...scenario, build: "baseline", libraryRoot: compare },
            { ...scenario, build: "this build" },
          ],
    );
  const redis = await startRedisIfUseful(chosen, notes);
  const running: Running[] = [];
  const rows: HttpRow[] = [];
  try {
    // Every server starts and warms up first, then the measured runs take turns, round after
    // round: a slower minute on a shared machine then weighs on every server alike, and the
    // median of the rounds is what the table shows.
    for (const scenario of chosen) {
      const label = labelOf(scenario);
      if (scenario.redis && !("port" in redis)) {
        rows.push({ ...rowKey(scenario), skipped: redis.skip });
        log(`skip ${label}: ${redis.skip}`);
        continue;
      }
      log(`warm up ${label}`);
      const started = await startScenario(scenario, config, "port" in redis ? redis : undefined);
      if ("skip" in started) {
        rows.push({ ...rowKey(scenario), skipped: started.skip });
        notes.push(`${label}: skipped: ${started.skip}`);
      } else {
        running.push(started);
      }
    }
    for (let round = 1; round <= config.rounds; round++) {
      // Comparing builds, every other round runs in reverse order: each build of a scenario goes
      // first as often as second (A B B A …), so a drift within a round favours neither.
      const turns = compare !== undefined && round % 2 === 0 ? [...running].reverse() : running;
      for (const scenario of turns) {
        log(`round ${round}/${config.rounds}: ${scenario.label}`);
        await scenario.measure();
      }
    }
    for (const scenario of running) {
      rows.push(scenario.row());
      for (const note of scenario.notes) notes.push(`${scenario.label}: ${note}`);
    }
  } finally {
    await Promise.all(running.map((scenario) => scenario.stop()));
    if ("port" in redis) await redis.stop();
  }
  const failures = running.reduce((sum, scenario) => sum + scenario.failures(), 0);
  return { rows: ordered(rows), notes, failures };
}

function labelOf(scenario: Scenario): string {
  const build = scenario.build === undefined ? "" : `, ${scenario.build}`;
  return `${scenario.server} (${scenario.kind}${build})`;
}

function rowKey(scenario: Scenario): Pick<HttpRow, "server" | "traffic" | "build"> {
  return {
    server: scenario.server,
    traffic: scenario.kind,
    ...(scenario.build === undefined ? {} : { build: scenario.build }),
  };
}

// Rows in the scenarios' order (a baseline before this build), whatever order they finished in.
function ordered(rows: HttpRow[]): HttpRow[] {
  const rank = (row: HttpRow) =>
    2 *
      scenarios.findIndex(
        (scenario) => scenario.server === row.server && scenario.kind === row.traffic,
      ) +
    (row.build === "this build" ? 1 : 0);
  return rows.sort((a, b) => rank(a) - rank(b));
}

// redis-server only when some scenario needs it.
async function startRedisIfUseful(
  chosen: readonly Scenario[],
  notes: string[],
): Promise<RedisServer | { skip: string }> {
  if (!chosen.some((scenario) => scenario.redis)) return { skip: "no Redis scenario" };
  const redis = await startRedisServer();
  if (!("port" in redis)) {
    notes.push(`**Redis rows SKIPPED: ${redis.skip}.** Install redis-server to measure them.`);
  }
  return redis;
}

/** A warmed-up server and the rounds measured on it so far. */
interface Running {
  readonly label: string;
  readonly notes: string[];
  measure(): Promise<void>;
  row(): HttpRow;
  failures(): number;
  stop(): Promise<void>;
}

interface Sample {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerRequest: number;
  redisCpuMicrosPerRequest: number | undefined;
}

async function startScenario(
  scenario: Scenario,
  config: BenchConfig,
  redis: RedisServer | undefined,
): Promise<Running | { skip: string }> {
  const label = labelOf(scenario);
  const notes: string[] = [];
  const profile =
    config.cpuProfDir === undefined
      ? []
      : ["--cpu-prof", `--cpu-prof-dir=${join(config.cpuProfDir, profileDir(scenario))}`];
  const server = await startServer(
    scenario.server,
    {
      ...(redis === undefined ? {} : { [redisPortEnv]: String(redis.port) }),
      // Set for both builds, so that a BENCH_LIBRARY_ROOT the bench inherited changes neither.
      ...(scenario.build === undefined ? {} : { [libraryRootEnv]: scenario.libraryRoot ?? "" }),
    },
    profile,
  );
  if (!("port" in server)) return { skip: server.skip };
  let failures = 0;
  const dedupes = scenario.server !== "bare";
  const run = async (phase: string, count: number, durationSec: number) => {
    // Signed just before its run, so every timestamp is well inside the 300 s window.
    const traffic = await buildTraffic(scenario.traffic, count, scenario.duplicateShare);
    const result = await runLoad({
      port: server.port,
      connections: config.connections,
      durationSec,
      traffic,
      dedupes,
    });
    notes.push(...problems(phase, result, count));
    failures += failuresOf(result);
    return result;
  };

  const warmup = await run(
    "warm-up",
    Math.ceil(config.warmupRateGuess * config.warmupSec * config.trafficMargin),
    config.warmupSec,
  );
  // The warm-up's own rate sizes the measured traffic, with a margin for a faster run
  // (retries need no new events, so duplicate runs have even more to spare).
  const count =
    Math.ceil(warmup.requestsPerSec * config.durationSec * config.trafficMargin) + 5_000;
  const samples: Sample[] = [];
  return {
    label,
    notes,
    async measure() {
      await server.resetCpu();
      const redisCpuBefore = redis === undefined ? 0 : await redis.cpuMicros();
      const measured = await run(`measured run ${samples.length + 1}`, count, config.durationSec);
      const cpuMicros = await server.readCpu();
      const redisCpu = redis === undefined ? undefined : (await redis.cpuMicros()) - redisCpuBefore;
      samples.push({
        requests: measured.requests,
        requestsPerSec: measured.requestsPerSec,
        p50Ms: measured.p50Ms,
        p99Ms: measured.p99Ms,
        cpuMicrosPerRequest: cpuMicros / measured.requests,
        redisCpuMicrosPerRequest: redisCpu === undefined ? undefined : redisCpu / measured.requests,
      });
    },
    row() {
      const redisCpu = samples.map((sample) => sample.redisCpuMicrosPerRequest);
      return {
        ...rowKey(scenario),
        rounds: samples.length,
        requests: median(samples.map((sample) => sample.requests)),
        requestsPerSec: median(samples.map((sample) => sample.requestsPerSec)),
        p50Ms: median(samples.map((sample) => sample.p50Ms)),
        p99Ms: median(samples.map((sample) => sample.p99Ms)),
        cpuMicrosPerRequest: median(samples.map((sample) => sample.cpuMicrosPerRequest)),
        ...(redisCpu.every((value) => value !== undefined)
          ? { redisCpuMicrosPerRequest: median(redisCpu) }
          : {}),
        runs: {
          requestsPerSec: samples.map((sample) => sample.requestsPerSec),
          cpuMicrosPerRequest: samples.map((sample) => sample.cpuMicrosPerRequest),
        },
      };
    },
    failures: () => failures,
    stop: () => server.stop(),
  };
}

function profileDir(scenario: Scenario): string {
  const build = scenario.build === undefined ? "" : `-${scenario.build.replace(" ", "-")}`;
  return `${scenario.server}-${scenario.kind}${build}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function failuresOf(result: LoadResult): number {
  let count = result.errors;
  for (const n of result.unexpected.values()) count += n;
  return count;
}

function problems(phase: string, result: LoadResult, count: number): string[] {
  const found: string[] = [];
  if (phase === "measured run 1" && result.retryShare > 0) {
    found.push(`${(result.retryShare * 100).toFixed(1)} % of the measured requests were retries`);
  }
  if (result.wrapped > 0) {
    found.push(
      `${phase} ran out of its ${count} precomputed requests and started over ` +
        `(${result.wrapped} repeats, expected as duplicates)`,
    );
  }
  if (result.unexpected.size > 0) {
    const statuses = [...result.unexpected].map(([status, n]) => `${n}× ${status}`).join(", ");
    found.push(
      `${phase}: **unexpected answers** ${statuses}: ${result.unexpectedSamples.join("; ")}`,
    );
  }
  if (result.errors > 0) found.push(`${phase}: **${result.errors} connection errors/timeouts**`);
  return found;
}
