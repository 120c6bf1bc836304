// bench/run.ts — `npm run bench [-- --quick] [--write | --cpu-prof]`: every measurement, one report.
// `--compare=<dir>`: the HTTP rows of another build (the package root <dir>, built) against this
// one, in the same rounds.
//
// HTTP first (servers in child processes, autocannon here), then the verify microbenchmarks and
// the MemoryStore heap, each in a fresh child once no load is running. Timings are never
// asserted: the exit code is 1 only for a crash or an answer with an unexpected status.

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { runChild } from "./child.js";
import { benchConfig } from "./config.js";
import { runHttp } from "./http/run-http.js";
import { machine } from "./machine.js";
import { repoRoot } from "./paths.js";
import { formatMarkdown, writeResults } from "./readme.js";
import { renderComparison, renderReport } from "./report.js";
import type { MemoryResult, VerifyRow } from "./results.js";

const options = [
  "--quick",
  "--write",
  "--cpu-prof",
  "--only=<server,…>",
  "--compare=<package root>",
  "--rounds=<n>",
];
const args = process.argv.slice(2);
const valued = ["--only=", "--compare=", "--rounds="];
const value = (name: string) =>
  args.find((arg) => arg.startsWith(name))?.slice(name.length) || undefined;
// --only=handwritten,library-android-memory: just those HTTP rows, no verify or memory (for
// profiling one server against the baseline).
const only = value("--only=")?.split(",");
// --compare=/tmp/sms-old: that package root's dist/esm (the baseline) against this build, each
// library row (or each --only row) on both, taking turns; HTTP only, its own table.
const compareRoot = value("--compare=");
const compare = compareRoot === undefined ? undefined : resolve(compareRoot);
const rounds = value("--rounds=");
const unknown = args.filter(
  (arg) => !options.includes(arg) && !valued.some((name) => arg.startsWith(name)),
);
if (unknown.length > 0) {
  console.error(`unknown option(s) ${unknown.join(" ")}; use ${options.join(", ")}`);
  process.exit(2);
}
const profiling = args.includes("--cpu-prof");
if (
  (profiling || only !== undefined || compare !== undefined || rounds !== undefined) &&
  args.includes("--write")
) {
  // The profiler slows the servers down: such figures do not belong in the README.
  console.error("--write needs a complete run: not with --cpu-prof, --only, --compare or --rounds");
  process.exit(2);
}
if (compare !== undefined && !existsSync(join(compare, "dist", "esm", "index.js"))) {
  console.error(`--compare: ${compare}/dist/esm/index.js is missing: build that tree first`);
  process.exit(2);
}
if (rounds !== undefined && !(Number.isInteger(Number(rounds)) && Number(rounds) > 0)) {
  console.error(`--rounds: expected a positive integer, got ${rounds}`);
  process.exit(2);
}
const cpuProfDir = profiling ? join(repoRoot, ".bench-tmp", "cpu-prof") : undefined;
const defaults = benchConfig(args.includes("--quick"), cpuProfDir);
const config = rounds === undefined ? defaults : { ...defaults, rounds: Number(rounds) };
const started = Date.now();
// Progress goes to stderr: stdout carries only the report.
const log = (line: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

log(`${config.quick ? "quick" : "full"} run${compare === undefined ? "" : `, against ${compare}`}`);
const http = await runHttp(config, log, only, compare);

let verify: VerifyRow[] = [];
let memory: MemoryResult | undefined;
if (only === undefined && compare === undefined) {
  log("verify microbenchmarks");
  verify = await runChild<VerifyRow[]>(
    "verify.ts",
    ["--min-cpu-ms", String(config.verifyMinCpuMs)],
    ["--expose-gc"],
  );
  log(`MemoryStore heap, ${config.memoryKeys} keys`);
  memory = await runChild<MemoryResult>("memory.ts", [String(config.memoryKeys)], ["--expose-gc"]);
}

const notes = [...http.notes];
if (cpuProfDir !== undefined) {
  notes.push(
    `Profiled run (--cpu-prof): the servers' figures include the profiler's overhead; ` +
      `profiles in ${cpuProfDir}/<server>-<traffic>/.`,
  );
}
if (http.failures > 0) {
  notes.push(`**${http.failures} requests got an unexpected status or a connection error.**`);
}
const section =
  compare === undefined
    ? renderReport({
        config,
        machine: machine(),
        date: new Date(),
        http: http.rows,
        verify,
        memory,
        notes,
      })
    : renderComparison({
        config,
        machine: machine(),
        date: new Date(),
        http: http.rows,
        notes: [`Baseline: the build in ${compare}/dist/esm.`, ...notes],
      });

console.log(await formatMarkdown(`# sms-webhooks bench\n\n${section}`));
if (args.includes("--write")) log(`wrote ${await writeResults(section)}`);
log(`done${http.failures > 0 ? `: ${http.failures} unexpected answers, exit 1` : ""}`);
process.exitCode = http.failures > 0 ? 1 : 0;
