// __tests__/helpers/redis-clients.ts — RedisStores over both client libraries (single node and
// cluster), and their cleanup.

import { Cluster, Redis } from "ioredis";
import { createClient, createCluster } from "redis";
import { RedisStore, type RedisStoreOptions, type SendCommand } from "../../lib/index.js";
import type { SendCommandCluster } from "../../lib/stores/redis-script.js";

/** How a store reaches one redis-server: each client, and node-redis with the cluster form. */
export type ClientKind = "ioredis" | "node-redis" | "node-redis via sendCommandCluster";
export const clientKinds: readonly ClientKind[] = [
  "ioredis",
  "node-redis",
  "node-redis via sendCommandCluster",
];

/** How a store reaches a Redis Cluster: ioredis routes by itself, node-redis is told the key. */
export type ClusterClientKind = "ioredis Cluster" | "node-redis cluster";
export const clusterClientKinds: readonly ClusterClientKind[] = [
  "ioredis Cluster",
  "node-redis cluster",
];

/** A connected client: a raw sendCommand for the test, the store's options, how to close it. */
export interface Connection {
  /** Sends one of the test's own commands (SCRIPT FLUSH, KEYS, GET). */
  readonly sendCommand: SendCommand;
  /** What a RedisStore over this client is given: the README's one-liner for it. */
  readonly storeOptions: RedisStoreOptions;
  close(): Promise<void>;
}

/**
 * Rejects a command a cluster client would route wrongly: RedisStore must pass the script's first
 * key (KEYS[1], after EVALSHA/EVAL, the script and the key count) and ask for the master. Checked
 * even on the real cluster, where node-redis would silently follow the MOVED of a wrong key.
 */
export const checkRouting =
  (send: SendCommandCluster): SendCommandCluster =>
  async (details) => {
    const { key, isReadOnly, command } = details;
    const [name, , keyCount, firstKey] = command;
    if (!["EVALSHA", "EVAL"].includes(name ?? "") || Number(keyCount) < 1) {
      throw new Error(`not a script with keys: ${command.join(" ")}`);
    }
    if (key !== firstKey) throw new Error(`routed by ${key}, but the first key is ${firstKey}`);
    if (isReadOnly) throw new Error(`a script that writes was sent as read-only`);
    return send(details);
  };

// The suites that stop and restart Redis wait for the client to come back: it retries this often,
// not with the clients' default back-off of up to 0.5 s (node-redis) or 2 s (ioredis).
const reconnectMs = 20;

/** Connects `kind` to the redis-server (or any node of the cluster) on `port`. */
export async function connect(
  kind: ClientKind | ClusterClientKind,
  port: number,
): Promise<Connection> {
  switch (kind) {
    case "ioredis": {
      const client = new Redis({
        port,
        host: "127.0.0.1",
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        retryStrategy: () => reconnectMs,
      });
      await client.connect();
      const sendCommand: SendCommand = (command, ...args) => client.call(command, ...args);
      return {
        sendCommand,
        storeOptions: { sendCommand },
        close: () => client.quit().then(() => {}),
      };
    }
    case "ioredis Cluster": {
      const cluster = new Cluster([{ host: "127.0.0.1", port }], {
        lazyConnect: true,
        redisOptions: { maxRetriesPerRequest: 1 },
      });
      await cluster.connect();
      const sendCommand: SendCommand = (command, ...args) => cluster.call(command, ...args);
      return {
        sendCommand,
        storeOptions: { sendCommand },
        close: () => cluster.quit().then(() => {}),
      };
    }
    case "node-redis":
    case "node-redis via sendCommandCluster": {
      const client = createClient({
        url: `redis://127.0.0.1:${port}`,
        socket: { reconnectStrategy: () => reconnectMs },
      });
      client.on("error", () => {});
      await client.connect();
      const sendCommand: SendCommand = (...args) => client.sendCommand(args);
      // One node serves every slot, so the cluster form only has its arguments checked.
      const sendCommandCluster = checkRouting(({ command }) => client.sendCommand(command));
      return {
        sendCommand,
        storeOptions: kind === "node-redis" ? { sendCommand } : { sendCommandCluster },
        close: () => client.close(),
      };
    }
    case "node-redis cluster": {
      const cluster = createCluster({ rootNodes: [{ url: `redis://127.0.0.1:${port}` }] });
      cluster.on("error", () => {});
      await cluster.connect();
      return {
        sendCommand: (...args) => cluster.sendCommand(undefined, false, args),
        storeOptions: {
          sendCommandCluster: checkRouting(({ key, isReadOnly, command }) =>
            cluster.sendCommand(key, isReadOnly, command),
          ),
        },
        close: () => cluster.close(),
      };
    }
  }
}

/** Opens connections and closes every one of them at the end of a suite. */
export function connectionPool() {
  const open: Connection[] = [];
  async function pooled(kind: ClientKind | ClusterClientKind, port: number) {
    const connection = await connect(kind, port);
    open.push(connection);
    return connection;
  }
  return {
    connect: pooled,
    async store(
      kind: ClientKind | ClusterClientKind,
      port: number,
      options: { prefix?: string } = {},
    ) {
      const connection = await pooled(kind, port);
      return { store: new RedisStore({ ...connection.storeOptions, ...options }), connection };
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((connection) => connection.close()));
    },
  };
}
