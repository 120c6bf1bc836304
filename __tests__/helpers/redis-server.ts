// __tests__/helpers/redis-server.ts — a real redis-server (or a real Redis Cluster) on free
// loopback ports, in a temp dir.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { describeWith } from "./describe-with.js";

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

// A free port from 10,000 up to `below`, under Linux's ephemeral range (32768 and up), which
// every client socket draws from: a server stopped and started again on it must find it free.
async function freePort(taken: readonly number[] = [], below = 32_000): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * (below - 10_000));
    if (!taken.includes(port) && (await isFree(port))) return port;
  }
}

// Starts redis-server (no persistence) on `port` and resolves once it accepts connections.
async function spawnRedis(port: number, dir: string, extra: readonly string[] = []) {
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
    ...extra,
  ];
  const started = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      started.kill("SIGKILL");
      reject(new Error(`redis-server did not start:\n${output}`));
    }, 10_000);
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
  return started;
}

/**
 * Spawns redis-server on a port `pick` found free. Between that check and redis-server's bind,
 * any socket may be given the same port (a client's ephemeral port), so on "Address already in
 * use" it tries another, a few times.
 */
async function spawnOnFreePort(
  pick: () => Promise<number>,
  spawnOn: (port: number) => Promise<ChildProcess>,
): Promise<{ port: number; child: ChildProcess }> {
  for (let attempt = 1; ; attempt++) {
    const port = await pick();
    try {
      return { port, child: await spawnOn(port) };
    } catch (error) {
      if (attempt === 3 || !String(error).includes("Address already in use")) throw error;
    }
  }
}

async function kill(running: ChildProcess | undefined): Promise<void> {
  if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
  await new Promise((resolve) => {
    running.once("exit", resolve);
    running.kill("SIGKILL");
  });
}

/** Starts redis-server (no persistence) and resolves once it accepts connections. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "sms-webhooks-redis-"));
  const started = await spawnOnFreePort(
    () => freePort(),
    (free) => spawnRedis(free, dir),
  );
  const { port } = started;
  let child: ChildProcess | undefined = started.child;

  async function start(): Promise<void> {
    child = await spawnRedis(port, dir);
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    await kill(running);
  }

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

/** A running Redis Cluster the test owns: masters only, every slot served. */
export interface RedisCluster {
  /** Each node's port; any of them is a root node for a cluster client. */
  readonly ports: readonly number[];
  /** Stops every node and removes the temp dir. */
  dispose(): Promise<void>;
}

// One plain connection per node for the set-up commands: spawning redis-cli for each (a few
// dozen, with the polling) costs seconds on a busy machine.
async function nodeConnection(port: number): Promise<Redis> {
  const connection = new Redis({ port, host: "127.0.0.1", lazyConnect: true });
  await connection.connect();
  return connection;
}

// A port whose cluster bus port (port + 10,000, fixed before Redis 7) is free too: both below
// the ephemeral range.
async function freeClusterPort(taken: readonly number[]): Promise<number> {
  for (;;) {
    const port = await freePort(taken, 22_000);
    if (!taken.includes(port + 10_000) && (await isFree(port + 10_000))) return port;
  }
}

async function isFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

// Gives each node its share of the slots, introduces them, and waits until every node says the
// cluster is ok (a fresh master waits 2 s before it takes writes).
async function formCluster(nodes: readonly Redis[], ports: readonly number[]): Promise<void> {
  const slotsEach = Math.ceil(16_384 / nodes.length);
  await Promise.all(
    nodes.map(async (node, i) => {
      // Distinct epochs, as redis-cli sets them, so the nodes need not settle a collision.
      await node.call("CLUSTER", "SET-CONFIG-EPOCH", String(i + 1));
      const first = i * slotsEach;
      const slots = Array.from({ length: Math.min(slotsEach, 16_384 - first) }, (_, n) =>
        String(first + n),
      );
      await node.call("CLUSTER", "ADDSLOTS", ...slots);
    }),
  );
  // Every pair introduced, not each node to the first: learning of the others through gossip
  // alone sometimes takes seconds.
  await Promise.all(
    nodes.flatMap((node, i) =>
      ports.slice(i + 1).map((port) => node.call("CLUSTER", "MEET", "127.0.0.1", String(port))),
    ),
  );
  const deadline = Date.now() + 15_000;
  for (const [i, node] of nodes.entries()) {
    while (!String(await node.call("CLUSTER", "INFO")).includes("cluster_state:ok")) {
      if (Date.now() > deadline) throw new Error(`Redis Cluster node ${ports[i]} never became ok`);
      await sleep(25);
    }
  }
}

/**
 * Starts a real Redis Cluster of `masters` nodes, no replicas, and resolves once every node
 * serves the whole slot range. Built by hand (what `redis-cli --cluster create` does, without its
 * fixed one-second waits); a fresh master still refuses writes for its first ~2 s.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "sms-webhooks-redis-cluster-"));
  const ports: number[] = [];
  const nodes: ChildProcess[] = [];
  const dispose = async () => {
    await Promise.all(nodes.map(kill));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const node = await spawnOnFreePort(
        () => freeClusterPort(ports),
        (port) =>
          spawnRedis(port, dir, [
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            `nodes-${port}.conf`,
          ]),
      );
      ports.push(node.port);
      nodes.push(node.child);
    }
    const connections = await Promise.all(ports.map(nodeConnection));
    try {
      await formCluster(connections, ports);
    } finally {
      connections.forEach((connection) => connection.disconnect());
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { ports, dispose };
}

const missing =
  "redis-server is not installed, so the suites that need a real Redis were SKIPPED. " +
  "Install it (apt-get install -y redis-server) to run them; CI does, and sets " +
  "SMS_WEBHOOKS_REQUIRE_REDIS=1 so that a missing server fails instead.";

/** True when the environment says the Redis suites must run (CI). */
export const redisRequired = process.env["SMS_WEBHOOKS_REQUIRE_REDIS"] === "1";

/** What a run without redis-server says, loudly, at its start and in each skipped suite. */
export const redisMissingNotice = `⚠ ${missing}`;

/**
 * `describe` for suites that need a real redis-server. Without one the suite is skipped with a
 * loud warning — or, with SMS_WEBHOOKS_REQUIRE_REDIS=1 (CI), fails saying how to fix it.
 */
export function describeWithRedis(name: string, body: () => void): void {
  describeWith(
    {
      program: "redis-server",
      available: hasRedisServer,
      required: redisRequired,
      notice: redisMissingNotice,
      install: "apt-get install -y redis-server",
    },
    name,
    body,
  );
}
