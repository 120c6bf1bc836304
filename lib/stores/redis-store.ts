// lib/stores/redis-store.ts — dedupe and concatenated-SMS parts shared by every instance, in Redis.

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { validateOptions } from "../core/options.js";
import type { Claim, DedupeStore, ExpiredGroup, PartProgress, PartStore } from "../core/stores.js";
import type { SendCommand } from "./redis-script.js";
import {
  addPartScript,
  claimScript,
  commitScript,
  deleteGroupScript,
  releaseScript,
} from "./redis-scripts.js";

/** Options for {@link RedisStore}. */
export interface RedisStoreOptions {
  /**
   * Sends one command and resolves with the reply, so any client works:
   * - ioredis: `(...args) => client.call(...args)` (a `Cluster` too)
   * - node-redis: `(...args) => client.sendCommand(args)`
   * - node-redis cluster: `(...args) => cluster.sendCommand(args[3], false, args)` — every
   *   command is EVAL/EVALSHA with its first key at index 3.
   */
  sendCommand: SendCommand;
  /** Prefix of every key. Default `"sms-webhooks:"`. */
  prefix?: string;
}

const claims: Readonly<Record<string, Claim>> = {
  done: Object.freeze({ state: "done" }),
  "in-flight": Object.freeze({ state: "in-flight" }),
};

/**
 * A {@link DedupeStore} and {@link PartStore} in Redis, for several instances behind a load
 * balancer: a retry or a concurrent duplicate that lands on another instance is still caught,
 * and the parts of a concatenated SMS meet wherever they land.
 *
 * Client-agnostic (it takes a `sendCommand` function, as rate-limit-redis does) and depends on
 * no Redis client. Every operation is one Lua script run by EVALSHA (re-sent on NOSCRIPT), so a
 * request costs two round trips: claim, then commit. Commit and release act only for the claim
 * that holds the key (its token), so an instance whose lease expired cannot overwrite a newer
 * claim. When Redis is down or slow the pipeline answers 503 `store_unavailable` (see
 * `storeTimeoutMs`, `onStoreError`), and carries on once Redis is back.
 */
export class RedisStore implements DedupeStore, PartStore {
  readonly #send: SendCommand;
  readonly #dedupePrefix: string;
  readonly #partsPrefix: string;
  readonly #deadlines: string;

  constructor(options: RedisStoreOptions) {
    const { sendCommand, prefix = "sms-webhooks:" } = validateOptions(
      {
        sendCommand: z.custom<SendCommand>((value) => typeof value === "function", {
          message: "must be a function (...args: string[]) => Promise<reply>",
        }),
        prefix: z.string({ message: "must be a string" }).optional(),
      },
      options,
    );
    this.#send = sendCommand;
    this.#dedupePrefix = `${prefix}dedupe:`;
    // One hash tag for every parts key: the group and the deadline index stay in one slot.
    this.#partsPrefix = `${prefix}{parts}:group:`;
    this.#deadlines = `${prefix}{parts}:deadlines`;
  }

  /** {@inheritDoc DedupeStore.claim} */
  async claim(key: string, leaseMs: number): Promise<Claim> {
    const token = randomBytes(12).toString("base64url");
    const reply = await claimScript.run(
      this.#send,
      [this.#dedupePrefix + key],
      [token, ms(leaseMs)],
    );
    if (reply === "claimed") return { state: "claimed", token };
    const claim = claims[String(reply)];
    if (claim === undefined) throw new Error(`unexpected reply to claim: ${String(reply)}`);
    return claim;
  }

  /** {@inheritDoc DedupeStore.commit} */
  async commit(key: string, token: string, ttlMs: number): Promise<void> {
    await commitScript.run(this.#send, [this.#dedupePrefix + key], [token, ms(ttlMs)]);
  }

  /** {@inheritDoc DedupeStore.release} */
  async release(key: string, token: string): Promise<void> {
    await releaseScript.run(this.#send, [this.#dedupePrefix + key], [token]);
  }

  /** {@inheritDoc PartStore.addPart} */
  async addPart(
    group: string,
    index: number,
    total: number,
    value: string,
    ttlMs: number,
  ): Promise<PartProgress> {
    const reply = await addPartScript.run(
      this.#send,
      [this.#partsPrefix + group, this.#deadlines],
      [group, String(index), String(total), value, ms(ttlMs), this.#partsPrefix],
    );
    if (!Array.isArray(reply)) throw new Error("unexpected reply to addPart");
    const [complete, expiredCount, ...rest] = reply as [unknown, unknown, ...unknown[]];
    const count = Number(expiredCount);
    return {
      complete: Number(complete) === 1 ? rest.slice(count).map(String) : undefined,
      expired: rest.slice(0, count).map((json) => expiredGroup(String(json))),
    };
  }

  /** {@inheritDoc PartStore.deleteGroup} */
  async deleteGroup(group: string): Promise<void> {
    await deleteGroupScript.run(this.#send, [this.#partsPrefix + group, this.#deadlines], [group]);
  }
}

function ms(value: number): string {
  return String(Math.max(1, Math.ceil(value)));
}

// cjson writes an empty Lua table as {} rather than [].
function expiredGroup(json: string): ExpiredGroup {
  const parsed = JSON.parse(json) as { group: string; total: number; received: unknown };
  return {
    group: parsed.group,
    total: parsed.total,
    received: Array.isArray(parsed.received) ? (parsed.received as number[]) : [],
  };
}
