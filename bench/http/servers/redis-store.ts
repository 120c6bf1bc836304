// bench/http/servers/redis-store.ts — the library's RedisStore over ioredis, when the library has one.

import { Redis } from "ioredis";
import type { DedupeStore } from "../../../lib/index.js";

type SendCommand = (...args: string[]) => Promise<unknown>;
type RedisStoreClass = new (options: { sendCommand: SendCommand }) => DedupeStore;

/**
 * `RedisStore` from the library's index, or `undefined` while it does not export one. Looked up
 * at run time rather than imported, so the bench type-checks and runs (skipping the Redis rows)
 * on a tree without it.
 */
export async function loadRedisStore(): Promise<RedisStoreClass | undefined> {
  const lib: Record<string, unknown> = await import("../../../lib/index.js");
  const RedisStore = lib["RedisStore"];
  return typeof RedisStore === "function" ? (RedisStore as RedisStoreClass) : undefined;
}

/** A RedisStore on a fresh ioredis connection to 127.0.0.1:`port`, and how to close it. */
export async function connectRedisStore(
  RedisStore: RedisStoreClass,
  port: number,
): Promise<{ store: DedupeStore; close: () => Promise<void> }> {
  const client = new Redis({ host: "127.0.0.1", port, lazyConnect: true });
  await client.connect();
  const store = new RedisStore({
    sendCommand: (command, ...args) => client.call(command, args),
  });
  return {
    store,
    close: async () => {
      await client.quit();
    },
  };
}
