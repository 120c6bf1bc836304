// __tests__/fuzz/parallel.ts — `npm run fuzz` on every core: worker threads each run a share of
// the cases (case i goes to worker i mod N, so any case still reproduces on its own).

import { Worker } from "node:worker_threads";
import { mergeReports } from "./merge.js";
import type { FuzzOptions, FuzzReport } from "./results.js";

type Message =
  | { type: "progress"; provider: string; done: number; total: number }
  | { type: "report"; report: FuzzReport };

/** Runs `options` in `workers` worker threads and merges their reports. */
export async function runFuzzInWorkers(options: FuzzOptions, workers: number): Promise<FuzzReport> {
  const { onProgress, ...shared } = options;
  const url = new URL("./worker.ts", import.meta.url).href;
  // Workers do not inherit tsx's loader: register it, then load the worker.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  const done = new Map<string, number[]>();
  const reports = await Promise.all(
    Array.from(
      { length: workers },
      (_, index) =>
        new Promise<FuzzReport>((resolve, reject) => {
          const workerData: FuzzOptions = { ...shared, partition: { index, count: workers } };
          const worker = new Worker(boot, { eval: true, workerData });
          let report: FuzzReport | undefined;
          worker.on("message", (message: Message) => {
            if (message.type === "report") {
              report = message.report;
              return;
            }
            const counts = done.get(message.provider) ?? Array<number>(workers).fill(0);
            counts[index] = message.done;
            done.set(message.provider, counts);
            onProgress?.(
              message.provider,
              counts.reduce((a, b) => a + b, 0),
              options.onlyCase === undefined ? options.runs : 1,
            );
          });
          worker.on("error", reject);
          worker.on("exit", (code) =>
            report === undefined
              ? reject(new Error(`fuzz worker ${index} exited with ${code} before reporting`))
              : resolve(report),
          );
        }),
    ),
  );
  return mergeReports(reports);
}
