// examples/readme/redis-store.ts — the README's "Several instances: RedisStore".

import { RedisStore } from "sms-webhooks";

// ioredis (Redis or Cluster: it finds the key itself):
const store = new RedisStore({ sendCommand: (command, ...args) => ioredis.call(command, ...args) });

// or node-redis v4+:
const nodeRedisStore = new RedisStore({ sendCommand: (...args) => nodeRedis.sendCommand(args) });

// or a node-redis cluster (createCluster): it must be told which key routes the command
const clusterStore = new RedisStore({
  sendCommandCluster: ({ key, isReadOnly, command }) =>
    cluster.sendCommand(key, isReadOnly, command),
});

app.use("/hooks/vonage", smsWebhook.router(vonageSms({ secret }), { store, handler }));
