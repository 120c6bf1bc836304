// __tests__/stores/redis-store.test.ts — RedisStore against a real redis-server and a real Redis
// Cluster, over both clients and both forms of its options.

import { setTimeout as sleep } from "node:timers/promises";
import {
  androidSmsGateway,
  vonageSms,
  RedisStore,
  smsWebhook,
  type SmsWebhookOptions,
  type SendCommand,
} from "../../lib/index.js";
import type { SendCommandCluster } from "../../lib/stores/redis-script.js";
import { eventually } from "../../lib/testing/eventually.js";
import {
  runDedupeStoreContract,
  runNonceStoreContract,
  runPartStoreContract,
} from "../../lib/testing/index.js";
import { express } from "../helpers/app.js";
import { androidKey, androidRequest, signedNow } from "../helpers/android-app.js";
import { send } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";
import { formEncode, signVonageParams } from "../helpers/vonage-sms-signer.js";
import {
  clientKinds,
  clusterClientKinds,
  connectionPool,
  type Connection,
} from "../helpers/redis-clients.js";
import {
  describeWithRedis,
  startRedisCluster,
  startRedisServer,
  type RedisCluster,
  type RedisServer,
} from "../helpers/redis-server.js";

const send1: SendCommand = () => Promise.resolve("OK");
const sendCluster: SendCommandCluster = () => Promise.resolve("OK");

describe("RedisStore options", () => {
  it("refuses a RedisStore with neither sendCommand nor sendCommandCluster, naming both", () => {
    // @ts-expect-error one of the two is required
    expect(() => new RedisStore({ prefix: "x:" })).toThrow(
      expect.objectContaining({
        code: "ERR_SMS_WEBHOOKS_MISSING_OPTION",
        message: expect.stringContaining(
          'option "sendCommand" or "sendCommandCluster" is required',
        ),
      }),
    );
  });

  it("refuses a RedisStore given both sendCommand and sendCommandCluster", () => {
    // @ts-expect-error the two are exclusive
    expect(() => new RedisStore({ sendCommand: send1, sendCommandCluster: sendCluster })).toThrow(
      expect.objectContaining({
        code: "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS",
        message: expect.stringContaining(
          'options "sendCommand" and "sendCommandCluster" cannot both be given',
        ),
      }),
    );
  });

  it("refuses a sendCommandCluster that is not a function", () => {
    // @ts-expect-error a function is required
    expect(() => new RedisStore({ sendCommandCluster: "cluster" })).toThrow(
      expect.objectContaining({
        code: "ERR_SMS_WEBHOOKS_INVALID_OPTION",
        message: expect.stringContaining('option "sendCommandCluster" must be a function'),
      }),
    );
  });

  it("sends nothing at construction (no init step, scripts load on first use)", () => {
    const sent: unknown[] = [];
    const record = (...args: unknown[]) => {
      sent.push(args);
      return Promise.resolve("OK");
    };
    new RedisStore({ sendCommand: record });
    new RedisStore({ sendCommandCluster: record });
    expect(sent).toEqual([]);
  });
});

describeWithRedis("RedisStore on a real redis-server", () => {
  let server: RedisServer;
  // A fresh cluster master refuses writes for ~2 s: the cluster starts here, and is awaited only
  // by the cluster suites at the end, so that wait overlaps the single-node tests.
  let cluster: Promise<RedisCluster>;
  const pool = connectionPool();

  beforeAll(async () => {
    cluster = startRedisCluster();
    cluster.catch(() => {}); // reported by the suites that await it
    server = await startRedisServer();
  });
  afterAll(async () => {
    await pool.closeAll();
    await server.dispose();
    await cluster.then(
      (running) => running.dispose(),
      () => {},
    );
  });

  // Redis expires keys to the millisecond: a short TTL keeps the contracts' waits short.
  const quick = { shortMs: 20 };
  const dedupeKey = (id: string, prefix = "sms-webhooks:") =>
    `${prefix}dedupe:android-sms-gateway:${id}`;

  for (const kind of clientKinds) {
    runDedupeStoreContract(
      `RedisStore + ${kind}`,
      async () => (await pool.store(kind, server.port)).store,
      quick,
    );
    runPartStoreContract(
      `RedisStore + ${kind}`,
      async () => (await pool.store(kind, server.port)).store,
      quick,
    );
    runNonceStoreContract(
      `RedisStore + ${kind}`,
      async () => (await pool.store(kind, server.port)).store,
      quick,
    );
  }

  function appOn(store: RedisStore, options: SmsWebhookOptions = {}, onEvent = () => {}) {
    const app = express();
    app.post(
      "/hook",
      smsWebhook(androidSmsGateway({ secret: androidKey }), {
        clock: () => signedNow,
        logger: memoryLogger(),
        store,
        ...options,
      }),
      (_req, res) => {
        onEvent();
        res.sendStatus(204);
      },
    );
    return app;
  }

  it("costs at most two round trips per request on the happy path (claim, commit)", async () => {
    const { connection } = await pool.store("ioredis", server.port);
    const sent: string[] = [];
    const counting: SendCommand = (...args) => {
      sent.push(args[0]!);
      return connection.sendCommand(...args);
    };
    const app = appOn(new RedisStore({ sendCommand: counting }));
    // The commit is sent once the response is over, so the client may see the answer first.
    const committed = (id: string) =>
      eventually(
        2000,
        async () => String(await connection.sendCommand("GET", dedupeKey(id))).startsWith("done:"),
        `timed out waiting until ${id} is committed`,
      );
    expect((await send(app, androidRequest("trips-warm-up"))).status).toBe(204); // loads the scripts
    await committed("trips-warm-up");
    sent.length = 0;
    expect((await send(app, androidRequest("trips"))).status).toBe(204);
    await committed("trips");
    expect(sent).toEqual(["EVALSHA", "EVALSHA"]);
    sent.length = 0;
    expect((await send(app, androidRequest("trips"))).body).toEqual({ status: "duplicate" });
    expect(sent).toEqual(["EVALSHA"]);
  });

  it("says when an event was handled, and reads a key written before handled times were kept", async () => {
    const { store, connection } = await pool.store("ioredis", server.port, { prefix: "when:" });
    const before = Date.now();
    const claim = await store.claim("fresh", 60_000);
    if (claim.state !== "claimed") throw new Error("expected a claim");
    await store.commit("fresh", claim.token, 60_000);
    const done = await store.claim("fresh", 60_000);
    expect(done).toEqual({ state: "done", handledAt: expect.any(Number) });
    const { handledAt } = done as { handledAt: number };
    expect(handledAt).toBeGreaterThanOrEqual(before - 1000);
    expect(handledAt).toBeLessThanOrEqual(Date.now() + 1000);
    await connection.sendCommand("SET", "when:dedupe:legacy", "done", "PX", "60000");
    expect(await store.claim("legacy", 60_000)).toEqual({ state: "done" });
  });

  it("loads its scripts again after Redis forgot them (NOSCRIPT)", async () => {
    const { store, connection } = await pool.store("node-redis", server.port);
    const app = appOn(store);
    expect((await send(app, androidRequest())).status).toBe(204);
    await connection.sendCommand("SCRIPT", "FLUSH");
    expect((await send(app, androidRequest())).status).toBe(204);
  });

  it("keeps every key under its prefix", async () => {
    const { store, connection } = await pool.store("ioredis", server.port, { prefix: "tenant-7:" });
    await send(appOn(store), androidRequest("prefixed")); // the claim has made the key
    const keys = (await connection.sendCommand("KEYS", "*prefixed*")) as string[];
    expect(keys).toEqual([dedupeKey("prefixed", "tenant-7:")]);
  });

  it("passes sendCommandCluster each script's first key, for a write", async () => {
    const { connection } = await pool.store("node-redis", server.port);
    // Routes seen, as "key isReadOnly KEYS[1]"; an EVAL after NOSCRIPT repeats its EVALSHA's.
    const routes = new Set<string>();
    const store = new RedisStore({
      prefix: "routed:",
      sendCommandCluster: ({ key, isReadOnly, command }) => {
        routes.add(`${key} ${isReadOnly} ${command[3]}`);
        return connection.sendCommand(...command);
      },
    });
    const claim = await store.claim("k", 60_000);
    if (claim.state !== "claimed") throw new Error(`expected a claim, got ${claim.state}`);
    await store.commit("k", claim.token, 60_000);
    await store.release("k", claim.token);
    await store.addPart("g", 1, 2, "half", 60_000);
    await store.deleteGroup("g");
    expect([...routes]).toEqual([
      "routed:dedupe:k false routed:dedupe:k",
      "routed:{parts}:group:g false routed:{parts}:group:g",
    ]);
  });

  describe("shared by two instances", () => {
    it("handles an event once, however its deliveries are spread over the instances", async () => {
      let handled = 0;
      const a = appOn((await pool.store("ioredis", server.port)).store, {}, () => handled++);
      const b = appOn((await pool.store("node-redis", server.port)).store, {}, () => handled++);
      const req = androidRequest("shared-1");
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => send(i % 2 === 0 ? a : b, req)),
      );
      expect(handled).toBe(1);
      expect(answers.filter((answer) => answer.status === 204)).toHaveLength(1);
      expect((await send(b, req)).body).toEqual({ status: "duplicate" });
      expect((await send(a, req)).body).toEqual({ status: "duplicate" });
    });
  });

  it("assembles a concatenated SMS whose parts land on different instances, once", async () => {
    const texts: string[] = [];
    const appFor = async (kind: (typeof clientKinds)[number]) => {
      const { store } = await pool.store(kind, server.port);
      const app = express();
      app.use(
        smsWebhook.router(vonageSms({ secret: "shared-secret" }), {
          clock: () => new Date(1_700_000_000_000),
          logger: memoryLogger(),
          store,
          handler: (req, res) => {
            if (req.smsEvent.type === "message.received") texts.push(req.smsEvent.text);
            res.sendStatus(204);
          },
        }),
      );
      return app;
    };
    const instances = [await appFor("ioredis"), await appFor("node-redis")];
    const parts = ["one ", "two ", "three ", "four"].map((text, i) => ({
      msisdn: "447700900001",
      to: "447700900000",
      messageId: `cross-${i + 1}`,
      text,
      type: "text",
      concat: "true",
      "concat-ref": "77",
      "concat-total": "4",
      "concat-part": String(i + 1),
    }));
    const deliver = (params: Record<string, string>, instance: number) =>
      send(instances[instance]!, {
        method: "GET",
        path: "/inbound",
        headers: {},
        query: formEncode(signVonageParams(params, "shared-secret", "md5hash", 1_700_000_000)),
      }).then((answer) => answer.status);
    // All four parts at once, spread over both instances; then two of them again.
    const first = await Promise.all(parts.map((params, i) => deliver(params, i % 2)));
    expect(first.sort()).toEqual([200, 200, 200, 204]);
    expect(await deliver(parts[2]!, 1)).toBe(200);
    expect(await deliver(parts[0]!, 0)).toBe(200);
    expect(texts).toEqual(["one two three four"]);
  });

  // Per client: how each one fails and reconnects. The cluster form only wraps node-redis's.
  describe.each(["ioredis", "node-redis"] as const)("when Redis goes down (%s)", (kind) => {
    it("answers 503 store_unavailable without hanging, and recovers when Redis is back", async () => {
      let handled = 0;
      const { store } = await pool.store(kind, server.port);
      const app = appOn(store, { storeTimeoutMs: 150 }, () => handled++);
      expect((await send(app, androidRequest())).status).toBe(204);

      await server.stop();
      const started = Date.now();
      const down = await send(app, androidRequest("while-down"));
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe("store_unavailable");
      expect(Date.now() - started).toBeLessThan(3000);

      await server.start();
      let recovered = 0;
      for (let attempt = 0; attempt < 250 && recovered !== 204; attempt++) {
        await sleep(20);
        recovered = (await send(app, androidRequest("while-down"))).status;
      }
      expect(recovered).toBe(204);
      expect(handled).toBe(2);
    }, 20_000);
  });

  it("works with a client made after the store (lazy scripts, no init step)", async () => {
    const client: { connection?: Connection } = {}; // no client yet
    const sent: string[] = [];
    const store = new RedisStore({
      sendCommand: (...args) => {
        sent.push(args[0]!);
        if (client.connection === undefined) throw new Error("sent before the client existed");
        return client.connection.sendCommand(...args);
      },
    });
    const connection = await pool.connect("ioredis", server.port);
    client.connection = connection;
    await connection.sendCommand("SCRIPT", "FLUSH"); // so the first claim must load its script
    expect(await store.claim("late-client", 1000)).toMatchObject({ state: "claimed" });
    expect(sent).toEqual(["EVALSHA", "EVAL"]);
  });

  describe("on a real 3-node Redis Cluster", () => {
    const port = async () => (await cluster).ports[0]!;

    for (const kind of clusterClientKinds) {
      runDedupeStoreContract(
        `RedisStore + ${kind}`,
        async () => (await pool.store(kind, await port())).store,
        quick,
      );
      runPartStoreContract(
        `RedisStore + ${kind}`,
        async () => (await pool.store(kind, await port())).store,
        quick,
      );
      runNonceStoreContract(
        `RedisStore + ${kind}`,
        async () => (await pool.store(kind, await port())).store,
        quick,
      );
    }

    it("spreads dedupe keys over every node, each reached through sendCommandCluster", async () => {
      const { store } = await pool.store("node-redis cluster", await port(), { prefix: "spread:" });
      for (let i = 0; i < 30; i++) {
        expect(await store.claim(`k${i}`, 60_000)).toMatchObject({ state: "claimed" });
      }
      const perNode = await Promise.all(
        (await cluster).ports.map(async (nodePort) => {
          const node = await pool.connect("node-redis", nodePort);
          return ((await node.sendCommand("KEYS", "spread:*")) as string[]).length;
        }),
      );
      expect(perNode.every((count) => count > 0)).toBe(true);
      expect(perNode.reduce((sum, count) => sum + count, 0)).toBe(30);
    });

    it("handles an event once across instances on the cluster, one per client", async () => {
      let handled = 0;
      const instances = await Promise.all(
        clusterClientKinds.map(async (kind) =>
          appOn((await pool.store(kind, await port())).store, {}, () => handled++),
        ),
      );
      const req = androidRequest("cluster-shared");
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => send(instances[i % instances.length]!, req)),
      );
      expect(handled).toBe(1);
      expect(answers.filter((answer) => answer.status === 204)).toHaveLength(1);
    });
  });
});
