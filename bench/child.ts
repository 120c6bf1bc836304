// bench/child.ts — runs a bench script in its own Node process and collects the one result it sends.
//
// Microbenchmarks and the heap measurement run in a fresh process: nothing the HTTP bench loaded
// or allocated (autocannon, traffic arrays) skews them.

import { spawn } from "node:child_process";
import { benchFile, repoRoot } from "./paths.js";

/** What a child script sends its parent when done. */
export interface ChildResult<T> {
  type: "result";
  value: T;
}

/** Sends `value` to the parent process and waits until it is on its way. */
export function sendResult<T>(value: T): Promise<void> {
  if (process.send === undefined) throw new Error("bench scripts are started by bench/run.ts");
  const message: ChildResult<T> = { type: "result", value };
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** Runs `bench/<script>` with tsx (plus `nodeFlags`) and resolves with what it sends. */
export function runChild<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, "--import", "tsx", benchFile(script), ...args],
    { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  return new Promise((resolve, reject) => {
    let result: ChildResult<T> | undefined;
    child.on("message", (message: ChildResult<T>) => {
      if (message.type === "result") result = message;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (result !== undefined && code === 0) resolve(result.value);
      else reject(new Error(`bench/${script} failed (${code ?? signal})`));
    });
  });
}
