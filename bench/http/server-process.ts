// bench/http/server-process.ts — the bench's side of one server child: start, CPU reset/read, stop.

import { spawn, type ChildProcess } from "node:child_process";
import { benchFile, repoRoot } from "../paths.js";
import type { FromServer, ServerName, ToServer } from "./protocol.js";

/** A running server child. */
export interface ServerProcess {
  readonly port: number;
  /** Takes the CPU baseline in the server (right after warm-up). */
  resetCpu(): Promise<void>;
  /** The server's user + system CPU time since `resetCpu`, in µs. */
  readCpu(): Promise<number>;
  stop(): Promise<void>;
}

const startTimeoutMs = 30_000;

/** Starts `name` in its own Node process; `skip` when the server cannot run here. */
export async function startServer(
  name: ServerName,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): Promise<ServerProcess | { skip: string }> {
  const args = [...nodeFlags, "--import", "tsx", benchFile("http/server.ts"), name];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    // production: what a deployed receiver runs with (Express skips some dev-only work).
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const first = await nextMessage(child, startTimeoutMs);
  if (first.type === "skip") {
    await exited(child);
    return { skip: first.reason };
  }
  if (first.type !== "ready") throw new Error(`${name}: expected ready, got ${first.type}`);

  async function ask(message: ToServer): Promise<number> {
    const answer = nextMessage(child, 10_000);
    child.send(message);
    const reply = await answer;
    if (reply.type !== "cpu") throw new Error(`${name}: expected cpu, got ${reply.type}`);
    return reply.micros;
  }

  return {
    port: first.port,
    resetCpu: async () => {
      await ask({ type: "cpu-reset" });
    },
    readCpu: () => ask({ type: "cpu-read" }),
    stop: async () => {
      const done = exited(child);
      child.send({ type: "stop" } satisfies ToServer);
      await done;
    },
  };
}

// The next IPC message from `child`; rejects if it exits or stays silent first.
function nextMessage(child: ChildProcess, timeoutMs: number): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error("bench server did not answer in time")),
      timeoutMs,
    );
    const onMessage = (message: FromServer) => finish(undefined, message);
    const onExit = (code: number | null) => finish(new Error(`bench server exited (code ${code})`));
    function finish(error: Error | undefined, message?: FromServer): void {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (error !== undefined) {
        child.kill();
        reject(error);
      } else resolve(message!);
    }
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}
