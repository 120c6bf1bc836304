// __tests__/stores/redis-store.test.ts — RedisStore against a real redis-server, over both clients.

import { setTimeout as sleep } from "node:timers/promises";
import {
  androidSmsGateway,
  vonageSms,
  RedisStore,
  smsWebhook,
  type SmsWebhookOptions,
  type SendCommand,
} from "../../lib/index.js";
import { runDedupeStoreContract, runPartStoreContract } from "../../lib/testing/index.js";
import { express } from "../helpers/app.js";
import { androidKey, androidRequest, signedNow } from "../helpers/android-app.js";
import { send } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";
import { formEncode, signVonageParams } from "../helpers/vonage-sms-signer.js";
import { clientKinds, connect, connectionPool } from "../helpers/redis-clients.js";
import { describeWithRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";

describeWithRedis("RedisStore on a real redis-server", () => {
  let server: RedisServer;
  const pool = connectionPool();

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await pool.closeAll();
    await server.dispose();
  });

  for (const kind of clientKinds) {
    runDedupeStoreContract(
      `RedisStore + ${kind}`,
      async () => (await pool.store(kind, server.port)).store,
    );
    runPartStoreContract(
      `RedisStore + ${kind}`,
      async () => (await pool.store(kind, server.port)).store,
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
    expect((await send(app, androidRequest())).status).toBe(204); // warms the script cache
    await sleep(20);
    sent.length = 0;
    expect((await send(app, androidRequest())).status).toBe(204);
    await sleep(20);
    expect(sent).toEqual(["EVALSHA", "EVALSHA"]);
    expect((await send(app, androidRequest("dup-count"))).status).toBe(204);
    await sleep(20);
    sent.length = 0;
    expect((await send(app, androidRequest("dup-count"))).body).toEqual({ status: "duplicate" });
    expect(sent).toEqual(["EVALSHA"]);
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
    await send(appOn(store), androidRequest("prefixed"));
    await sleep(20);
    const keys = (await connection.sendCommand("KEYS", "*prefixed*")) as string[];
    expect(keys).toEqual(["tenant-7:dedupe:android-sms-gateway:prefixed"]);
  });

  it("rejects a RedisStore without sendCommand at construction", () => {
    expect(() => new RedisStore({} as never)).toThrow('option "sendCommand" must be a function');
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

  describe.each(clientKinds)("when Redis goes down (%s)", (kind) => {
    it("answers 503 store_unavailable without hanging, and recovers when Redis is back", async () => {
      let handled = 0;
      const { store } = await pool.store(kind, server.port);
      const app = appOn(store, { storeTimeoutMs: 300 }, () => handled++);
      expect((await send(app, androidRequest())).status).toBe(204);

      await server.stop();
      const started = Date.now();
      const down = await send(app, androidRequest("while-down"));
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe("store_unavailable");
      expect(Date.now() - started).toBeLessThan(3000);

      await server.start();
      let recovered = 0;
      for (let attempt = 0; attempt < 100 && recovered !== 204; attempt++) {
        await sleep(50);
        recovered = (await send(app, androidRequest("while-down"))).status;
      }
      expect(recovered).toBe(204);
      expect(handled).toBe(2);
    }, 20_000);
  });

  it("works with a client made after the store (lazy scripts, no init step)", async () => {
    const connection = await connect("ioredis", server.port);
    try {
      const store = new RedisStore({ sendCommand: connection.sendCommand });
      expect(await store.claim("late-client", 1000)).toMatchObject({ state: "claimed" });
    } finally {
      await connection.close();
    }
  });
});
