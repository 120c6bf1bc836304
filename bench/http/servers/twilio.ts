// bench/http/servers/twilio.ts — Twilio without the library: a careful hand-written receiver, and
// Twilio's own `twilio.webhook()` after `express.urlencoded()`, on the library row's traffic.

import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import express, { type Express } from "express";
import twilioSdk from "twilio";
import { routes, twilioOrigin } from "../protocol.js";

/**
 * The raw form body parsed (repeated keys kept), the URL from configuration (the public origin
 * + the original URL), the sorted `key + value` string, base64 HMAC-SHA1 compared with
 * `timingSafeEqual`, a `Set` of MessageSid + MessageStatus.
 */
export function handwrittenTwilioApp(authToken: string): Express {
  const key = createSecretKey(Buffer.from(authToken, "utf8"));
  const seen = new Set<string>();
  const server = express();
  server.post(routes.twilio, express.raw({ type: "*/*" }), (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body)) return void res.sendStatus(400);
    const params = new Map<string, string[]>();
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
      params.set(name, [...(params.get(name) ?? []), value]);
    }
    let signed = twilioOrigin + req.originalUrl;
    for (const name of [...params.keys()].sort()) {
      for (const value of [...new Set(params.get(name))].sort()) signed += name + value;
    }
    const expected = createHmac("sha1", key).update(signed).digest();
    const given = Buffer.from(req.get("x-twilio-signature") ?? "", "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return void res.sendStatus(401);
    }
    const id = `${params.get("MessageSid")?.[0]}:${params.get("MessageStatus")?.[0]}`;
    if (seen.has(id)) return void res.sendStatus(200);
    seen.add(id);
    res.sendStatus(204);
  });
  return server;
}

/**
 * What Twilio's docs show: `express.urlencoded()` then `twilio.webhook()`, told the public URL
 * (as behind a proxy it must be), then a handler answering 204. No dedupe, no typed event.
 */
export function sdkTwilioWebhookApp(authToken: string): Express {
  const server = express();
  server.post(
    routes.twilio,
    express.urlencoded({ extended: false }),
    twilioSdk.webhook(authToken, { url: twilioOrigin + routes.twilio }),
    (_req, res) => {
      res.sendStatus(204);
    },
  );
  return server;
}
