// __tests__/express/providers-e2e.test.ts — one signed request per provider, end to end, on the
// Jest project's Express (4 and 5): the provider suites run their behaviour on Express 5 only.

import crypto from "node:crypto";
import type { Router } from "express";
import {
  androidSmsGateway,
  mifumo,
  plivo,
  smsWebhook,
  twilio,
  vonageMessages,
  vonageSms,
  type SmsEvent,
  type SmsWebhookRouterOptions,
} from "../../lib/index.js";
import { express } from "../helpers/app.js";
import { signAndroid } from "../helpers/android-signer.js";
import { send, type TestRequest } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";
import { signMifumo } from "../helpers/mifumo-signer.js";
import { hs256, vonageClaims } from "../helpers/vonage-jwt.js";
import { formEncode, signVonageParams } from "../helpers/vonage-sms-signer.js";
import { twilioSignature } from "../helpers/twilio-signer.js";
import { plivoRequest } from "../helpers/plivo-signer.js";
import { bodies } from "../providers/android-sms-gateway/fixtures.js";
import { deliveredBody } from "../providers/mifumo/fixtures.js";
import { inboundSms } from "../providers/vonage-messages/fixtures.js";
import { seedReceipt } from "../providers/vonage-sms/fixtures.js";
import { w1 } from "../providers/twilio/fixtures.js";
import { p1 } from "../providers/plivo/fixtures.js";

const secret = "e2e-secret";
const now = new Date("2024-01-01T10:05:00Z");
const nowSec = Math.floor(now.getTime() / 1000);

interface Case {
  name: string;
  router: (options: SmsWebhookRouterOptions) => Router;
  request: TestRequest;
  type: SmsEvent["type"];
}

const vonageMessagesBody = JSON.stringify({ ...inboundSms, message_uuid: crypto.randomUUID() });

const cases: Case[] = [
  {
    name: "androidSmsGateway",
    router: (options) => smsWebhook.router(androidSmsGateway({ secret }), options),
    request: {
      method: "POST",
      path: "/",
      headers: signAndroid(bodies.sent, secret, nowSec),
      body: bodies.sent,
    },
    type: "message.status",
  },
  {
    name: "mifumo",
    router: (options) => smsWebhook.router(mifumo({ secret }), options),
    request: {
      method: "POST",
      path: "/",
      headers: signMifumo(deliveredBody, secret),
      body: deliveredBody,
    },
    type: "message.status",
  },
  {
    name: "vonageSms",
    router: (options) => smsWebhook.router(vonageSms({ secret }), options),
    request: {
      method: "GET",
      path: "/status",
      headers: {},
      query: formEncode(signVonageParams(seedReceipt, secret, "md5hash", nowSec)),
    },
    type: "message.status",
  },
  {
    name: "vonageMessages",
    router: (options) => smsWebhook.router(vonageMessages({ secret }), options),
    request: {
      method: "POST",
      path: "/inbound",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${hs256(vonageClaims(vonageMessagesBody, { iat: nowSec }), secret)}`,
      },
      body: vonageMessagesBody,
    },
    type: "message.received",
  },
  {
    // No publicUrl: the URL comes from this Express major's request (Host, originalUrl).
    name: "twilio",
    router: (options) => smsWebhook.router(twilio({ secret }), options),
    request: {
      method: "POST",
      path: "/inbound",
      headers: {
        host: "hooks.example.com",
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSignature(
          secret,
          "http://hooks.example.com/hooks/inbound",
          w1.params,
        ),
      },
      body: formEncode(w1.params),
    },
    type: "message.received",
  },
  {
    // No publicUrl, as for Twilio; signed with V2, as Plivo signs SMS callbacks.
    name: "plivo",
    router: (options) => smsWebhook.router(plivo({ secret }), options),
    request: (() => {
      const req = plivoRequest("http://hooks.example.com", "POST", "/inbound", p1.params, secret, {
        signedUrl: "http://hooks.example.com/hooks/inbound",
        version: "v2",
      });
      return { ...req, headers: { ...req.headers, host: "hooks.example.com" } };
    })(),
    type: "message.received",
  },
];

describe.each(cases)("$name through smsWebhook.router", ({ router, request, type }) => {
  it("delivers a signed request once, and answers its retry as a duplicate", async () => {
    const events: SmsEvent[] = [];
    const app = express();
    app.use(
      "/hooks",
      router({
        clock: () => now,
        logger: memoryLogger(),
        handler: (req, res) => {
          events.push(req.smsEvent);
          res.sendStatus(204);
        },
      }),
    );
    const req = { ...request, path: `/hooks${request.path === "/" ? "" : request.path}` };
    expect((await send(app, req)).status).toBe(204);
    expect((await send(app, req)).body).toEqual({ status: "duplicate" });
    expect(events.map((event) => [event.type, event.verified])).toEqual([[type, true]]);
  });
});
