// examples/server.ts — `npm start`: every provider on one Express app, on the memory store.

import express from "express";
import { androidSmsGateway, MemoryStore, smsWebhook, type SmsEvent } from "../lib/index.js";
import { paths, port, secrets } from "./config.js";

const app = express();
const store = new MemoryStore();

// What an app would do with each event; here, one line of log.
function describe(event: SmsEvent): string {
  switch (event.type) {
    case "message.received":
      return `SMS from ${event.from}: ${JSON.stringify(event.text)}`;
    case "message.status":
      return `message ${event.messageId} → ${event.status}${event.final ? " (final)" : ""}`;
    case "system.ping":
      return `device ${event.deviceId ?? "?"} health: ${event.health.status}`;
    case "unknown":
      return `unmodelled event ${event.eventName}`;
  }
}

app.post(
  paths.android,
  smsWebhook(androidSmsGateway({ secret: secrets.android }), { store }),
  (req, res) => {
    const event = req.smsEvent;
    console.log(`[${event.provider}] ${describe(event)}  (id ${event.id})`);
    res.sendStatus(204);
  },
);

app.get("/", (_req, res) => {
  res.json({ routes: Object.values(paths) });
});

app.listen(port, () => {
  console.log(`sms-webhooks example server on http://localhost:${port}`);
  console.log(`  SMS Gateway for Android  POST http://localhost:${port}${paths.android}`);
  console.log(`Fire simulated signed traffic at it with: npm run demo`);
});
