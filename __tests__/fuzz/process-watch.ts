// __tests__/fuzz/process-watch.ts — what the process itself says during a run: uncaught
// exceptions, unhandled rejections, and the heap after a full GC.

import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | undefined | null = null;

/** A full GC, when the runtime lets us ask for one (`--expose-gc`, or switched on here). */
export function collectGarbage(): boolean {
  if (gc === null) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") gc = exposed;
    else {
      try {
        v8.setFlagsFromString("--expose-gc");
        gc = vm.runInNewContext("gc") as () => void;
      } catch {
        gc = undefined;
      }
    }
  }
  if (gc === undefined) return false;
  gc();
  return true;
}

/** Heap in use, in MB, after a full GC when one is available. */
export function heapUsedMb(): { mb: number; afterGc: boolean } {
  const afterGc = collectGarbage();
  return { mb: process.memoryUsage().heapUsed / 2 ** 20, afterGc };
}

/** Counts uncaught exceptions and unhandled rejections until `stop()`. */
export function watchCrashes(): { crashes: string[]; stop: () => void } {
  const crashes: string[] = [];
  const onException = (error: unknown) => crashes.push(`uncaught exception: ${describe(error)}`);
  const onRejection = (error: unknown) => crashes.push(`unhandled rejection: ${describe(error)}`);
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return {
    crashes,
    stop: () => {
      process.off("uncaughtException", onException);
      process.off("unhandledRejection", onRejection);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}\n${error.stack ?? ""}`
    : String(error);
}
