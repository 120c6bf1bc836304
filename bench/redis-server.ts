// bench/redis-server.ts — a throwaway redis-server for the RedisStore rows: no persistence, temp dir.

import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./free-port.js";

export interface RedisServer {
  readonly port: number;
  /** Empties the database, so each scenario starts from the same state. */
  flush(): Promise<void>;
  /** redis-server's own user + system CPU time so far, in µs (from INFO cpu). */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const readyTimeoutMs = 10_000;

/** Starts `redis-server` from PATH, or says why it could not. */
export async function startRedisServer(): Promise<RedisServer | { skip: string }> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "sms-webhooks-bench-redis-"));
  const child = spawn(
    "redis-server",
    // No RDB snapshots or AOF: a dedupe store's writes would otherwise hit the disk mid-run.
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"].concat([
      "--dir",
      dir,
      "--loglevel",
      "warning",
    ]),
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let failure: string | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      failure =
        error.code === "ENOENT" ? "redis-server is not installed (not on PATH)" : error.message;
      resolve();
    });
    child.once("exit", (code, signal) => {
      failure ??= `redis-server exited (${code ?? signal}) ${stderr.trim()}`;
      resolve();
    });
  });

  const client = await connectWhenUp(port, () => failure);
  if (client === undefined) {
    child.kill("SIGTERM");
    await exit;
    await rm(dir, { recursive: true, force: true });
    return { skip: failure ?? "redis-server did not answer" };
  }
  return {
    port,
    flush: async () => {
      await client.flushall();
    },
    cpuMicros: async () => {
      const info = await client.info("cpu");
      const seconds = (field: string) => Number(new RegExp(`${field}:([\\d.]+)`).exec(info)?.[1]);
      return Math.round((seconds("used_cpu_user") + seconds("used_cpu_sys")) * 1e6);
    },
    stop: async () => {
      client.disconnect();
      child.kill("SIGTERM");
      await exit;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// Retries until redis-server answers PING; `undefined` if it died (`failed`) or never answered.
async function connectWhenUp(
  port: number,
  failed: () => string | undefined,
): Promise<Redis | undefined> {
  const deadline = Date.now() + readyTimeoutMs;
  while (failed() === undefined && Date.now() < deadline) {
    const client = new Redis({
      host: "127.0.0.1",
      port,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    // Refused connections while it boots are expected; failures later reject the commands.
    client.on("error", () => {});
    try {
      await client.connect();
      await client.ping();
      return client;
    } catch {
      client.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return undefined;
}
