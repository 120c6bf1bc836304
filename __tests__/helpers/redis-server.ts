// __tests__/helpers/redis-server.ts — a real redis-server on a free loopback port, in a temp dir.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** True when `redis-server` is on the PATH. */
export const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/** A running redis-server the test owns: stop it, start it again on the same port, dispose. */
export interface RedisServer {
  readonly port: number;
  /** Kills the server (as a crash would). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it and removes its temp dir. */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts redis-server (no persistence) and resolves once it accepts connections. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "sms-webhooks-redis-"));
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const args = [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ];
    const started = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${output}`)),
        10_000,
      );
      started.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}):\n${output}`));
      });
    });
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGKILL");
    });
  }

  await start();
  return {
    port,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const missing =
  "redis-server is not installed, so the Redis suites cannot run against a real server. " +
  "Install it (apt-get install -y redis-server), or set SMS_WEBHOOKS_SKIP_REDIS=1 to skip them.";

/**
 * `describe` for suites that need a real redis-server. Without one the suite fails loudly
 * with how to fix it — unless SMS_WEBHOOKS_SKIP_REDIS=1, when it is skipped with a warning.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (hasRedisServer) {
    describe(name, body);
    return;
  }
  if (process.env["SMS_WEBHOOKS_SKIP_REDIS"] === "1") {
    console.warn(`⚠ SKIPPED ${name}: ${missing}`);
    describe.skip(name, body);
    return;
  }
  describe(name, () => {
    it("needs redis-server", () => {
      throw new Error(missing);
    });
  });
}
