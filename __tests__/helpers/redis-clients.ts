// __tests__/helpers/redis-clients.ts — RedisStores over both client libraries, and their cleanup.

import { Redis } from "ioredis";
import { createClient } from "redis";
import { RedisStore, type RedisStoreOptions, type SendCommand } from "../../lib/index.js";

export type ClientKind = "ioredis" | "node-redis";
export const clientKinds: readonly ClientKind[] = ["ioredis", "node-redis"];

/** A connected client's sendCommand (the README's one-liners) and how to close it. */
export interface Connection {
  readonly sendCommand: SendCommand;
  close(): Promise<void>;
}

export async function connect(kind: ClientKind, port: number): Promise<Connection> {
  if (kind === "ioredis") {
    const client = new Redis({
      port,
      host: "127.0.0.1",
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    await client.connect();
    return {
      sendCommand: (command, ...args) => client.call(command, ...args),
      close: () => client.quit().then(() => undefined),
    };
  }
  const client = createClient({ url: `redis://127.0.0.1:${port}` });
  client.on("error", () => {});
  await client.connect();
  return {
    sendCommand: (...args) => client.sendCommand(args),
    close: () => client.close(),
  };
}

/** Opens connections and closes every one of them at the end of a suite. */
export function connectionPool() {
  const open: Connection[] = [];
  return {
    async store(
      kind: ClientKind,
      port: number,
      options: Omit<RedisStoreOptions, "sendCommand"> = {},
    ) {
      const connection = await connect(kind, port);
      open.push(connection);
      return {
        store: new RedisStore({ sendCommand: connection.sendCommand, ...options }),
        connection,
      };
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((connection) => connection.close()));
    },
  };
}
