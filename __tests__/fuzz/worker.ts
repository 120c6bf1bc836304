// __tests__/fuzz/worker.ts — one worker thread of `npm run fuzz`: runs its share of the cases
// (its own Express apps, its own event loop) and posts progress and its report back.

import { parentPort, workerData } from "node:worker_threads";
import { runFuzz, type FuzzOptions } from "./fuzzer.js";

const options = workerData as Omit<FuzzOptions, "onProgress">;
const report = await runFuzz({
  ...options,
  onProgress: (provider, done, total) =>
    parentPort!.postMessage({ type: "progress", provider, done, total }),
});
parentPort!.postMessage({ type: "report", report });
