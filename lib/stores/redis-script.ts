// lib/stores/redis-script.ts — a Lua script run by EVALSHA, loaded again when Redis forgot it.

import { createHash } from "node:crypto";

/**
 * Sends one command to Redis and resolves with its reply — how `RedisStore` talks to any client.
 * Arguments are strings only (node-redis rejects numbers).
 */
export type SendCommand = (...args: string[]) => Promise<unknown>;

/** A Lua script, sent by its SHA-1 and re-sent whole only when Redis answers NOSCRIPT. */
export class RedisScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash("sha1").update(source).digest("hex");
  }

  /** Runs the script: one round trip, two after a restart or SCRIPT FLUSH emptied the cache. */
  async run(send: SendCommand, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const rest = [String(keys.length), ...keys, ...args];
    try {
      return await send("EVALSHA", this.#sha, ...rest);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      // EVAL runs the script and caches it, so the next EVALSHA finds it.
      return send("EVAL", this.#source, ...rest);
    }
  }
}

function isNoScript(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes("NOSCRIPT");
}
