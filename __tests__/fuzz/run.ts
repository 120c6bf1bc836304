// __tests__/fuzz/run.ts — `npm run fuzz [-- --runs N --seed S --provider NAME --case I]`: the
// property-based fuzzer at full size (100,000 requests per provider by default).

import { randomInt } from "node:crypto";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { runFuzz, targets, type FuzzOptions } from "./fuzzer.js";
import { runFuzzInWorkers } from "./parallel.js";
import { formatReport } from "./report.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100000" },
    seed: { type: "string" },
    provider: { type: "string", multiple: true },
    case: { type: "string" },
    lanes: { type: "string", default: "8" },
    workers: { type: "string" },
    "time-bound": { type: "string", default: "2000" },
    shrink: { type: "string", default: "3" },
    help: { type: "boolean", short: "h" },
  },
});

const usage = `npm run fuzz -- [--runs N] [--seed S] [--provider NAME]… [--case I] [--workers N] [--lanes 8] [--time-bound 2000] [--shrink 3]
providers: ${Object.keys(targets).join(", ")}`;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`--${name} must be an integer (got ${text})`);
  return value;
}

async function main(): Promise<number> {
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const seed = integer("seed", values.seed) ?? randomInt(2 ** 31);
  const runs = integer("runs", values.runs)!;
  const onlyCase = integer("case", values.case);
  const providers = values.provider;
  for (const name of providers ?? []) {
    if (targets[name] === undefined) {
      console.error(`unknown provider ${JSON.stringify(name)}\n${usage}`);
      return 2;
    }
  }
  // One worker per core (each runs its own apps and client); a single case runs in-process.
  const workers =
    onlyCase === undefined
      ? (integer("workers", values.workers) ?? Math.min(4, availableParallelism()))
      : 1;
  console.log(
    `Fuzzing ${(providers ?? Object.keys(targets)).join(", ")}: ${onlyCase === undefined ? `${runs} cases each` : `case ${onlyCase}`}, seed ${seed}, ${workers} worker${workers === 1 ? "" : "s"}\n`,
  );
  const started = Date.now();
  const printed = new Map<string, number>();
  const options: FuzzOptions = {
    runs,
    seed,
    providers,
    onlyCase,
    lanes: integer("lanes", values.lanes),
    timeBoundMs: integer("time-bound", values["time-bound"]),
    shrink: integer("shrink", values.shrink),
    onProgress: (provider, done, total) => {
      const quarter = Math.floor((4 * done) / total);
      if (quarter > (printed.get(provider) ?? 0)) {
        printed.set(provider, quarter);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`  ${provider}: ${done}/${total} (${seconds} s)`);
      }
    },
  };
  const report = workers > 1 ? await runFuzzInWorkers(options, workers) : await runFuzz(options);
  console.log(`\n${formatReport(report)}`);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
