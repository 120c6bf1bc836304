// bench/http/run-http.ts — runs every HTTP scenario: start server, warm up, reset CPU, measure, stop.

import { join } from "node:path";
import type { BenchConfig } from "../config.js";
import type { HttpRow } from "../results.js";
import { startRedisServer, type RedisServer } from "../redis-server.js";
import { runLoad, type LoadResult } from "./load.js";
import { redisPortEnv } from "./protocol.js";
import { scenarios, type Scenario } from "./scenarios.js";
import { startServer } from "./server-process.js";
import { buildTraffic } from "./traffic.js";
import { loadRedisStore } from "./servers/redis-store.js";

export interface HttpOutcome {
  readonly rows: HttpRow[];
  /** Skips, wrap-arounds and unexpected answers, for the report's notes. */
  readonly notes: string[];
  /** Unexpected statuses plus connection errors, over every run (warm-ups included). */
  readonly failures: number;
}

export async function runHttp(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<HttpOutcome> {
  const rows: HttpRow[] = [];
  const notes: string[] = [];
  let failures = 0;

  const redis = await startRedisIfUseful(notes);
  try {
    for (const scenario of scenarios) {
      const label = `${scenario.server} (${scenario.kind})`;
      if (scenario.redis && !("port" in redis)) {
        rows.push({ server: scenario.server, traffic: scenario.kind, skipped: redis.skip });
        log(`skip ${label}: ${redis.skip}`);
        continue;
      }
      log(`run  ${label}`);
      const useRedis = scenario.redis && "port" in redis ? redis : undefined;
      const outcome = await runScenario(scenario, config, useRedis);
      rows.push(outcome.row);
      for (const note of outcome.notes) notes.push(`${label}: ${note}`);
      failures += outcome.failures;
    }
  } finally {
    if ("port" in redis) await redis.stop();
  }
  return { rows, notes, failures };
}

// redis-server only when some scenario can use it: no point starting it without a RedisStore.
async function startRedisIfUseful(notes: string[]): Promise<RedisServer | { skip: string }> {
  if (!scenarios.some((scenario) => scenario.redis)) return { skip: "no Redis scenario" };
  if ((await loadRedisStore()) === undefined) {
    const skip = "skipped: lib/index.ts exports no RedisStore yet";
    notes.push(`Redis rows ${skip}.`);
    return { skip };
  }
  const redis = await startRedisServer();
  if (!("port" in redis)) {
    notes.push(`**Redis rows SKIPPED: ${redis.skip}.** Install redis-server to measure them.`);
  }
  return redis;
}

async function runScenario(
  scenario: Scenario,
  config: BenchConfig,
  redis: RedisServer | undefined,
): Promise<{ row: HttpRow; notes: string[]; failures: number }> {
  const notes: string[] = [];
  const base = { server: scenario.server, traffic: scenario.kind } as const;
  if (redis !== undefined) await redis.flush();
  const profile =
    config.cpuProfDir === undefined
      ? []
      : [
          "--cpu-prof",
          `--cpu-prof-dir=${join(config.cpuProfDir, `${scenario.server}-${scenario.kind}`)}`,
        ];
  const server = await startServer(
    scenario.server,
    redis === undefined ? {} : { [redisPortEnv]: String(redis.port) },
    profile,
  );
  if (!("port" in server)) {
    notes.push(`skipped: ${server.skip}`);
    return { row: { ...base, skipped: server.skip }, notes, failures: 0 };
  }
  try {
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
      return result;
    };

    const warmup = await run(
      "warm-up",
      Math.ceil(config.warmupRateGuess * config.warmupSec * config.trafficMargin),
      config.warmupSec,
    );
    // The warm-up's own rate sizes the measured traffic, with a margin for a faster second run
    // (retries need no new events, so duplicate runs have even more to spare).
    const count =
      Math.ceil(warmup.requestsPerSec * config.durationSec * config.trafficMargin) + 5_000;
    await server.resetCpu();
    const redisCpuBefore = redis === undefined ? 0 : await redis.cpuMicros();
    const measured = await run("measured run", count, config.durationSec);
    const cpuMicros = await server.readCpu();
    const redisCpu = redis === undefined ? undefined : (await redis.cpuMicros()) - redisCpuBefore;

    const failures = failuresOf(warmup) + failuresOf(measured);
    return {
      row: {
        ...base,
        requests: measured.requests,
        requestsPerSec: measured.requestsPerSec,
        p50Ms: measured.p50Ms,
        p99Ms: measured.p99Ms,
        cpuMicrosPerRequest: cpuMicros / measured.requests,
        ...(redisCpu === undefined
          ? {}
          : { redisCpuMicrosPerRequest: redisCpu / measured.requests }),
      },
      notes,
      failures,
    };
  } finally {
    await server.stop();
  }
}

function failuresOf(result: LoadResult): number {
  let count = result.errors;
  for (const n of result.unexpected.values()) count += n;
  return count;
}

function problems(phase: string, result: LoadResult, count: number): string[] {
  const found: string[] = [];
  if (phase === "measured run" && result.retryShare > 0) {
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
