// bench/report.ts — the markdown results: machine, three tables with ratios and targets, notes.

import type { BenchConfig } from "./config.js";
import type { Machine } from "./machine.js";
import type { HttpRow, MemoryResult, VerifyRow } from "./results.js";

/** The targets the tables are checked against (never asserted: ✓/✗ only). */
export const targets = {
  /** Full pipeline req/s, as a share of the hand-written receiver's. */
  pipelineRps: 0.9,
  /** Full pipeline CPU per request, as a multiple of the hand-written receiver's. */
  pipelineCpu: 1.1,
  /** RedisStore req/s, as a share of MemoryStore's. */
  redisRps: 0.8,
  /** Provider verify ops/s, as a share of standardwebhooks'. */
  verify: 1.0,
  /** MemoryStore heap for 1,000,000 keys, MiB. */
  memoryMiB: 256,
} as const;

export interface ReportInput {
  readonly config: BenchConfig;
  readonly machine: Machine;
  readonly date: Date;
  readonly http: readonly HttpRow[];
  readonly verify: readonly VerifyRow[];
  /** Undefined for an `--only` run, which measures HTTP alone. */
  readonly memory: MemoryResult | undefined;
  readonly notes: readonly string[];
}

const mib = 2 ** 20;

/** The results section (### headings), as bench/README.md embeds it. */
export function renderReport(input: ReportInput): string {
  const { config, machine } = input;
  const mode = config.quick ? "**quick** (smoke run: figures are rough)" : "full";
  return [
    `Run ${input.date.toISOString().slice(0, 16).replace("T", " ")} UTC, ${mode}. ` +
      `Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGiB.toFixed(1)} GiB, ${machine.os}.`,
    "",
    `HTTP: ${config.connections} connections, ${config.warmupSec} s warm-up then ` +
      `${config.rounds} measured run${config.rounds === 1 ? "" : "s"} of ${config.durationSec} s per ` +
      "server, the servers taking turns round by round, each figure the median of its runs; " +
      "autocannon in the bench process, each server " +
      "in its own process.",
    "",
    "### HTTP: every event new",
    "",
    httpTable(input.http.filter((row) => row.traffic === "unique")),
    "",
    "### HTTP: 30 % duplicates (provider retries of earlier events)",
    "",
    httpTable(input.http.filter((row) => row.traffic === "duplicates")),
    "",
    ...(input.memory === undefined
      ? []
      : [
          "### Verify (mitata, one verification per op)",
          "",
          verifyTable(input.verify),
          "",
          "### Memory (MemoryStore, committed keys)",
          "",
          memoryTable(input.memory),
          "",
        ]),
    "### Notes",
    "",
    ...notes(input).map((note) => `- ${note}`),
    "",
  ].join("\n");
}

/**
 * `--compare=<dir>`: each scenario on the baseline build and on this one, measured in the same
 * rounds. A ratio is the median of the rounds' own ratios (this build's run ÷ the baseline's run
 * of the same round), with their lowest and highest; the spread is a build's highest run minus
 * its lowest, as a share of its median.
 */
export function renderComparison(input: Omit<ReportInput, "verify" | "memory">): string {
  const { config, machine } = input;
  const lines = [
    `Run ${input.date.toISOString().slice(0, 16).replace("T", " ")} UTC. ` +
      `Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGiB.toFixed(1)} GiB, ${machine.os}.`,
    "",
    `HTTP: ${config.connections} connections, ${config.warmupSec} s warm-up then ` +
      `${config.rounds} measured runs of ${config.durationSec} s per server, the servers taking ` +
      "turns round by round (every other round in reverse order).",
    "",
    "| Server | Traffic | req/s baseline | req/s this build | × baseline (min–max) | " +
      "CPU µs/req baseline | CPU µs/req this build | × baseline (min–max) | " +
      "req/s spread baseline · this | CPU spread baseline · this |",
    "| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |",
  ];
  for (const row of input.http) {
    if (row.build !== "this build") continue;
    const base = input.http.find(
      (other) =>
        other.build === "baseline" && other.server === row.server && other.traffic === row.traffic,
    );
    if (row.skipped !== undefined || base?.skipped !== undefined || base === undefined) {
      lines.push(
        `| ${row.server} | ${row.traffic} | skipped | | | | | | | ${row.skipped ?? base?.skipped ?? ""} |`,
      );
      continue;
    }
    const now = row.runs!;
    const then = base.runs!;
    lines.push(
      `| ${row.server} | ${row.traffic} | ${integer(base.requestsPerSec!)} | ` +
        `${integer(row.requestsPerSec!)} | ${paired(now.requestsPerSec, then.requestsPerSec)} | ` +
        `${base.cpuMicrosPerRequest!.toFixed(1)} | ${row.cpuMicrosPerRequest!.toFixed(1)} | ` +
        `${paired(now.cpuMicrosPerRequest, then.cpuMicrosPerRequest)} | ` +
        `${spread(then.requestsPerSec)} · ${spread(now.requestsPerSec)} | ` +
        `${spread(then.cpuMicrosPerRequest)} · ${spread(now.cpuMicrosPerRequest)} |`,
    );
  }
  const found = [...input.notes];
  for (const row of input.http) {
    if (row.redisCpuMicrosPerRequest !== undefined) {
      found.push(
        `${row.server} (${row.traffic}, ${row.build}): redis-server itself used ` +
          `${row.redisCpuMicrosPerRequest.toFixed(1)} µs CPU per request, not counted above.`,
      );
    }
  }
  return [...lines, "", "### Notes", "", ...found.map((note) => `- ${note}`), ""].join("\n");
}

// Median of the rounds' ratios now[i] ÷ then[i], with the lowest and the highest.
function paired(now: readonly number[], then: readonly number[]): string {
  const ratios = now.map((value, i) => value / then[i]!).sort((a, b) => a - b);
  return `${times(median(ratios))} (${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)})`;
}

// (highest − lowest) ÷ median of a build's runs.
function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${((100 * (sorted.at(-1)! - sorted[0]!)) / median(sorted)).toFixed(0)} %`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// The hand-written receiver of a row's provider: library-mifumo-memory → handwritten-mifumo,
// sdk-twilio-webhook (the provider's own middleware) → handwritten-twilio.
function baselineName(server: string): string {
  const provider =
    /^(?:library|handwritten|sdk)-(.+?)(?:-memory|-redis|-webhook|-observed|-otel-sdk)?$/.exec(
      server,
    )?.[1];
  return provider === undefined || provider === "android"
    ? "handwritten"
    : `handwritten-${provider}`;
}

function httpTable(rows: readonly HttpRow[]): string {
  const measured = (name: string) =>
    rows.find((row) => row.server === name && row.skipped === undefined);
  const memory = rows.find(
    (row) => row.server === "library-android-memory" && row.skipped === undefined,
  );
  const lines = [
    "| Server | req/s | × hand-written | p50 (ms) | p99 (ms) | CPU µs/req | × hand-written | Target |",
    "| --- | --: | --: | --: | --: | --: | --: | --- |",
  ];
  for (const row of rows) {
    if (row.skipped !== undefined) {
      lines.push(`| ${row.server} | skipped | | | | | | ${row.skipped} |`);
      continue;
    }
    const baseline = measured(baselineName(row.server));
    const rps = ratio(row.requestsPerSec, baseline?.requestsPerSec);
    const cpu = ratio(row.cpuMicrosPerRequest, baseline?.cpuMicrosPerRequest);
    lines.push(
      `| ${row.server} | ${integer(row.requestsPerSec!)} | ${times(rps)} | ` +
        `${row.p50Ms!.toFixed(2)} | ${row.p99Ms!.toFixed(2)} | ` +
        `${row.cpuMicrosPerRequest!.toFixed(1)} | ${times(cpu)} | ${httpTarget(row, rps, cpu, memory)} |`,
    );
  }
  return lines.join("\n");
}

function httpTarget(
  row: HttpRow,
  rps: number | undefined,
  cpu: number | undefined,
  memory: HttpRow | undefined,
): string {
  if (row.server.startsWith("handwritten")) return "baseline";
  if (row.server === "bare") return "ceiling (reads no body)";
  if (row.server.startsWith("sdk-")) return "the provider's own middleware: no dedupe, no event";
  if (row.server.endsWith("-redis")) {
    const share = ratio(row.requestsPerSec, memory?.requestsPerSec);
    return share === undefined
      ? "no MemoryStore row to compare"
      : `${mark(share >= targets.redisRps)} ${times(share)} MemoryStore req/s (≥ ${targets.redisRps}×)`;
  }
  if (rps === undefined || cpu === undefined) return "no baseline";
  return (
    `${mark(rps >= targets.pipelineRps)} req/s ≥ ${targets.pipelineRps}× · ` +
    `${mark(cpu <= targets.pipelineCpu)} CPU ≤ ${targets.pipelineCpu}×`
  );
}

function verifyTable(rows: readonly VerifyRow[]): string {
  const baseline = rows.find((row) => row.role === "baseline");
  const lines = [
    "| Verifier | Timed | Body (bytes) | ops/s | ns/op | × standardwebhooks | Target |",
    "| --- | --- | --: | --: | --: | --: | --- |",
  ];
  for (const row of rows) {
    const share = ratio(row.opsPerSec, baseline?.opsPerSec);
    const target =
      row.role === "baseline"
        ? "baseline"
        : row.role === "ours" && share !== undefined
          ? `${mark(share >= targets.verify)} ≥ ${targets.verify.toFixed(1)}×`
          : "";
    lines.push(
      `| ${row.name} | ${row.what} | ${row.bodyBytes} | ${integer(row.opsPerSec)} | ` +
        `${integer(row.nsPerOp)} | ${times(share)} | ${target} |`,
    );
  }
  return lines.join("\n");
}

function memoryTable(memory: MemoryResult): string {
  const heap = memory.heapAfterBytes - memory.heapBeforeBytes;
  const rss = memory.rssAfterBytes - memory.rssBeforeBytes;
  const perKey = heap / memory.keys;
  const projectedMiB = (perKey * 1_000_000) / mib;
  const projected = memory.keys === 1_000_000 ? "" : " (projected from bytes/key)";
  return [
    "| Keys | Heap before (MiB) | Heap after (MiB) | Heap Δ (MiB) | Bytes/key | RSS Δ (MiB) | Fill (s) | Target |",
    "| --: | --: | --: | --: | --: | --: | --: | --- |",
    `| ${integer(memory.keys)} | ${(memory.heapBeforeBytes / mib).toFixed(1)} | ` +
      `${(memory.heapAfterBytes / mib).toFixed(1)} | ${(heap / mib).toFixed(1)} | ` +
      `${perKey.toFixed(0)} | ${(rss / mib).toFixed(1)} | ${memory.seconds.toFixed(2)} | ` +
      `${mark(projectedMiB <= targets.memoryMiB)} ${projectedMiB.toFixed(0)} MiB for 1M keys` +
      `${projected} ≤ ${targets.memoryMiB} MiB |`,
  ].join("\n");
}

function notes(input: ReportInput): string[] {
  const found = [...input.notes];
  for (const row of input.http) {
    if (row.redisCpuMicrosPerRequest !== undefined) {
      found.push(
        `${row.server} (${row.traffic}): redis-server itself used ` +
          `${row.redisCpuMicrosPerRequest.toFixed(1)} µs CPU per request, not counted in the ` +
          "server's CPU µs/req.",
      );
    }
  }
  const { memory } = input;
  if (memory !== undefined && memory.storeSize !== memory.keys) {
    found.push(`MemoryStore held ${memory.storeSize} keys of ${memory.keys} committed.`);
  }
  if (found.length === 0) found.push("No skipped rows, wrap-arounds or unexpected answers.");
  return found;
}

function ratio(value: number | undefined, base: number | undefined): number | undefined {
  return value === undefined || base === undefined || base === 0 ? undefined : value / base;
}

function times(value: number | undefined): string {
  return value === undefined ? "–" : `${value.toFixed(2)}×`;
}

function mark(ok: boolean): string {
  return ok ? "✓" : "✗";
}

function integer(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
