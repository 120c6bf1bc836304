// lib/stores/redis-script.ts — a Lua script run by EVALSHA, loaded again when Redis forgot it.

import { createHash } from "node:crypto";

/**
 * Sends one command to Redis and resolves with its reply — how `RedisStore` talks to a single
 * node, or to a client that routes by itself (an ioredis `Cluster`). Arguments are strings only
 * (node-redis rejects numbers).
 */
export type SendCommand = (...args: string[]) => Promise<unknown>;

/**
 * What `RedisStore` hands a {@link SendCommandCluster} function: the command, and what a cluster
 * client needs to route it without parsing it (node-redis's `cluster.sendCommand` takes both).
 */
export interface SendCommandClusterDetails {
  /** The script's first key: every key of one script hashes to its slot. */
  key: string;
  /** Always `false`: every script writes, so it must run on the slot's master, not a replica. */
  isReadOnly: boolean;
  /** The whole command (`EVALSHA`/`EVAL`, script, key count, keys, arguments), strings only. */
  command: string[];
}

/**
 * Sends one command to the node of a Redis Cluster that serves `key`, and resolves with its
 * reply (as rate-limit-redis's `sendCommandCluster`). For node-redis cluster clients, which
 * cannot route a raw command by themselves:
 * `({ key, isReadOnly, command }) => cluster.sendCommand(key, isReadOnly, command)`.
 */
export type SendCommandCluster = (details: SendCommandClusterDetails) => Promise<unknown>;

/**
 * How a {@link RedisScript} sends a command: `RedisStore` turns whichever function it was given
 * into this once, so a script run does not care which form it was.
 */
export type SendScriptCommand = (firstKey: string, command: string[]) => Promise<unknown>;

/** A Lua script, sent by its SHA-1 and re-sent whole only when Redis answers NOSCRIPT. */
export class RedisScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash("sha1").update(source).digest("hex");
  }

  /**
   * Runs the script: one round trip, two after a restart or SCRIPT FLUSH emptied the cache.
   * At least one key: a cluster routes the script by its first key.
   */
  async run(
    send: SendScriptCommand,
    keys: readonly [string, ...string[]],
    args: readonly string[],
  ): Promise<unknown> {
    const rest = [String(keys.length), ...keys, ...args];
    try {
      return await send(keys[0], ["EVALSHA", this.#sha, ...rest]);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      // EVAL runs the script and caches it, so the next EVALSHA finds it. In a cluster each
      // master has its own cache, so this happens once per master.
      return send(keys[0], ["EVAL", this.#source, ...rest]);
    }
  }
}

function isNoScript(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes("NOSCRIPT");
}
