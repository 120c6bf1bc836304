// bench/run.ts — `npm run bench [-- --quick] [--write | --cpu-prof]`: every measurement, one report.
//
// HTTP first (servers in child processes, autocannon here), then the verify microbenchmarks and
// the MemoryStore heap, each in a fresh child once no load is running. Timings are never
// asserted: the exit code is 1 only for a crash or an answer with an unexpected status.

import { join } from "node:path";
import { runChild } from "./child.js";
import { benchConfig } from "./config.js";
import { runHttp } from "./http/run-http.js";
import { machine } from "./machine.js";
import { repoRoot } from "./paths.js";
import { formatMarkdown, writeResults } from "./readme.js";
import { renderReport } from "./report.js";
import type { MemoryResult, VerifyRow } from "./results.js";

const options = ["--quick", "--write", "--cpu-prof", "--only=<server,…>"];
const args = process.argv.slice(2);
// --only=handwritten,library-android-memory: just those HTTP rows, no verify or memory (for
// profiling one server against the baseline).
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const unknown = args.filter((arg) => !options.includes(arg) && !arg.startsWith("--only="));
if (unknown.length > 0) {
  console.error(`unknown option(s) ${unknown.join(" ")}; use ${options.join(", ")}`);
  process.exit(2);
}
const profiling = args.includes("--cpu-prof");
if ((profiling || only !== undefined) && args.includes("--write")) {
  // The profiler slows the servers down: such figures do not belong in the README.
  console.error("--write needs a complete run: not with --cpu-prof or --only");
  process.exit(2);
}
const cpuProfDir = profiling ? join(repoRoot, ".bench-tmp", "cpu-prof") : undefined;
const config = benchConfig(args.includes("--quick"), cpuProfDir);
const started = Date.now();
// Progress goes to stderr: stdout carries only the report.
const log = (line: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

log(`${config.quick ? "quick" : "full"} run`);
const http = await runHttp(config, log, only);

let verify: VerifyRow[] = [];
let memory: MemoryResult | undefined;
if (only === undefined) {
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
const section = renderReport({
  config,
  machine: machine(),
  date: new Date(),
  http: http.rows,
  verify,
  memory,
  notes,
});

console.log(await formatMarkdown(`# sms-webhooks bench\n\n${section}`));
if (args.includes("--write")) log(`wrote ${await writeResults(section)}`);
log(`done${http.failures > 0 ? `: ${http.failures} unexpected answers, exit 1` : ""}`);
process.exitCode = http.failures > 0 ? 1 : 0;
