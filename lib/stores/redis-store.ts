// lib/stores/redis-store.ts — dedupe and concatenated-SMS parts shared by every instance, in Redis.

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { OptionsError } from "../core/options-error.js";
import { validateOptions } from "../core/options.js";
import type {
  Claim,
  DedupeStore,
  ExpiredGroup,
  NonceStore,
  PartProgress,
  PartStore,
} from "../core/stores.js";
import type { SendCommand, SendCommandCluster, SendScriptCommand } from "./redis-script.js";
import {
  addPartScript,
  bindNonceScript,
  claimScript,
  commitScript,
  deleteGroupScript,
  releaseScript,
} from "./redis-scripts.js";

/**
 * {@link RedisStoreOptions} for one Redis node, or for a client that routes commands to the
 * right cluster node by itself (an ioredis `Cluster`).
 */
export interface RedisStoreSingleOptions {
  /**
   * Sends one command and resolves with the reply, so any client works and the package depends
   * on none:
   * - ioredis (`Redis` or `Cluster`): `(command, ...args) => client.call(command, ...args)`
   * - node-redis: `(...args) => client.sendCommand(args)`
   *
   * For a node-redis cluster use `sendCommandCluster` instead.
   */
  sendCommand: SendCommand;
  /** Use `sendCommand` or `sendCommandCluster`, not both. */
  sendCommandCluster?: never;
  /** Prefix of every key. Default `"sms-webhooks:"`. */
  prefix?: string;
}

/**
 * {@link RedisStoreOptions} for a cluster client that must be told where each command goes
 * (node-redis `createCluster`): it cannot find the key inside a raw EVALSHA by itself.
 */
export interface RedisStoreClusterOptions {
  /**
   * Sends one command to the node that serves `key` and resolves with the reply, as
   * rate-limit-redis's option of the same name. For node-redis:
   * `({ key, isReadOnly, command }) => cluster.sendCommand(key, isReadOnly, command)`.
   */
  sendCommandCluster: SendCommandCluster;
  /** Use `sendCommand` or `sendCommandCluster`, not both. */
  sendCommand?: never;
  /** Prefix of every key. Default `"sms-webhooks:"`. */
  prefix?: string;
}

/**
 * Options for {@link RedisStore}: exactly one way to send commands — `sendCommand` for one node
 * (or an ioredis `Cluster`), `sendCommandCluster` for a node-redis cluster — and a key prefix.
 * Both or neither is an `OptionsError` at construction.
 */
export type RedisStoreOptions = RedisStoreSingleOptions | RedisStoreClusterOptions;

const inFlight: Claim = Object.freeze({ state: "in-flight" });

/**
 * A {@link DedupeStore}, {@link PartStore} and {@link NonceStore} in Redis, for several instances behind a load
 * balancer: a retry or a concurrent duplicate that lands on another instance is still caught,
 * and the parts of a concatenated SMS meet wherever they land.
 *
 * Client-agnostic (it takes a `sendCommand` or `sendCommandCluster` function, as
 * rate-limit-redis does) and depends on no Redis client. Every operation is one Lua script run
 * by EVALSHA (re-sent on NOSCRIPT), so a request costs two round trips: claim, then commit.
 * Commit and release act only for the claim that holds the key (its token), so an instance
 * whose lease expired cannot overwrite a newer claim. When Redis is down or slow the pipeline
 * answers 503 `store_unavailable` (see `storeTimeoutMs`, `onStoreError`), and carries on once
 * Redis is back. In a Redis Cluster every script's keys share one slot.
 */
export class RedisStore implements DedupeStore, PartStore, NonceStore {
  readonly #send: SendScriptCommand;
  readonly #dedupePrefix: string;
  readonly #noncePrefix: string;
  readonly #partsPrefix: string;
  readonly #deadlines: string;

  constructor(options: RedisStoreOptions) {
    const checked = validateOptions<CheckedOptions>(
      {
        sendCommand: aFunction("(...args: string[]) => Promise<reply>").optional(),
        sendCommandCluster: aFunction(
          "({ key, isReadOnly, command }) => Promise<reply>",
        ).optional(),
        prefix: z.string({ message: "must be a string" }).optional(),
      },
      options,
    );
    const prefix = checked.prefix ?? "sms-webhooks:";
    this.#send = scriptSender(checked);
    this.#dedupePrefix = `${prefix}dedupe:`;
    this.#noncePrefix = `${prefix}nonce:`;
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
    if (reply === "in-flight") return inFlight;
    const done = /^done(?::(\d+))?$/.exec(String(reply));
    if (done === null) throw new Error(`unexpected reply to claim: ${String(reply)}`);
    return done[1] === undefined
      ? { state: "done" }
      : { state: "done", handledAt: Number(done[1]) };
  }

  /** {@inheritDoc DedupeStore.commit} */
  async commit(key: string, token: string, ttlMs: number): Promise<void> {
    await commitScript.run(this.#send, [this.#dedupePrefix + key], [token, ms(ttlMs)]);
  }

  /** {@inheritDoc DedupeStore.release} */
  async release(key: string, token: string): Promise<void> {
    await releaseScript.run(this.#send, [this.#dedupePrefix + key], [token]);
  }

  /** {@inheritDoc NonceStore.bindNonce} */
  async bindNonce(key: string, fingerprint: string, ttlMs: number): Promise<boolean> {
    const reply = await bindNonceScript.run(
      this.#send,
      [this.#noncePrefix + key],
      [fingerprint, ms(ttlMs)],
    );
    return Number(reply) === 1;
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

// What the zod check lets through: either form, or both (refused by scriptSender).
interface CheckedOptions {
  sendCommand?: SendCommand;
  sendCommandCluster?: SendCommandCluster;
  prefix?: string;
}

const aFunction = (signature: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", {
    message: `must be a function ${signature}`,
  });

const which =
  "sendCommand for one Redis or an ioredis Cluster, sendCommandCluster for a node-redis cluster";

// Both forms become one (first key, command) sender here, once, so no script run branches.
function scriptSender({ sendCommand, sendCommandCluster }: CheckedOptions): SendScriptCommand {
  if (sendCommand !== undefined && sendCommandCluster !== undefined) {
    throw new OptionsError(
      "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS",
      `options "sendCommand" and "sendCommandCluster" cannot both be given: pass ${which}`,
    );
  }
  if (sendCommandCluster !== undefined) {
    // Every script writes, so it must run on the slot's master.
    return (key, command) => sendCommandCluster({ key, isReadOnly: false, command });
  }
  if (sendCommand !== undefined) return (_key, command) => sendCommand(...command);
  throw new OptionsError(
    "ERR_SMS_WEBHOOKS_MISSING_OPTION",
    `option "sendCommand" or "sendCommandCluster" is required: pass ${which}`,
  );
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
