// examples/readme/quickstart.ts — the README's Quickstart.

import express from "express";
import { smsWebhook, smsEventOf, androidSmsGateway, MemoryStore } from "sms-webhooks";

const app = express();
const store = new MemoryStore(); // the default; RedisStore for several instances

// Mount webhook routes before any app-wide express.json() (or see "Raw bodies" below).
app.post(
  "/hooks/android",
  smsWebhook(androidSmsGateway({ secret: process.env.ASG_SIGNING_KEY! }), { store }),
  async (req, res) => {
    const event = smsEventOf(req); // req.smsEvent, typed as present (throws without the middleware)
    switch (event.type) {
      case "message.received":
        await saveInbound(event.from, event.text, event.receivedAt); // your own code
        break;
      case "message.status":
        await updateStatus(event.messageId, event.status, event.final);
        break;
    }
    res.sendStatus(204);
  },
);
