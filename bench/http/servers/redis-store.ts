// bench/http/servers/redis-store.ts — the library's RedisStore over an ioredis connection.

import { Redis } from "ioredis";
import type { DedupeStore } from "../../../lib/index.js";
import { RedisStore } from "../../library.js";

/** A RedisStore on a fresh ioredis connection to 127.0.0.1:`port`, and how to close it. */
export async function connectRedisStore(
  port: number,
): Promise<{ store: DedupeStore; close: () => Promise<void> }> {
  const client = new Redis({ host: "127.0.0.1", port, lazyConnect: true });
  await client.connect();
  // The README's one-liner for ioredis.
  const store = new RedisStore({
    sendCommand: (command, ...args) => client.call(command, ...args),
  });
  return {
    store,
    close: async () => {
      await client.quit();
    },
  };
}
