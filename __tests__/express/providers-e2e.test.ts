// __tests__/express/providers-e2e.test.ts — one signed request per provider, end to end, on the
// Jest project's Express (4 and 5): the provider suites run their behaviour on Express 5 only.

import crypto from "node:crypto";
import type { Router } from "express";
import {
  androidSmsGateway,
  bird,
  messageBird,
  mifumo,
  plivo,
  sinch,
  smsWebhook,
  telnyx,
  twilio,
  vonageMessages,
  vonageSms,
  type SmsEvent,
  type SmsWebhookRouterOptions,
} from "../../lib/index.js";
import { express } from "../helpers/app.js";
import { signAndroid } from "../helpers/android-signer.js";
import { birdHeaders } from "../helpers/bird-signer.js";
import { messageBirdClaims, messageBirdJwt } from "../helpers/messagebird-signer.js";
import { send, type TestRequest } from "../helpers/http.js";
import { memoryLogger } from "../helpers/logger.js";
import { signMifumo } from "../helpers/mifumo-signer.js";
import { sinchHeaders } from "../helpers/sinch-signer.js";
import { hs256, vonageClaims } from "../helpers/vonage-jwt.js";
import { formEncode, signVonageParams } from "../helpers/vonage-sms-signer.js";
import { twilioSignature } from "../helpers/twilio-signer.js";
import { plivoRequest } from "../helpers/plivo-signer.js";
import { bodies } from "../providers/android-sms-gateway/fixtures.js";
import { deliveredBody } from "../providers/mifumo/fixtures.js";
import { inboundSms } from "../providers/vonage-messages/fixtures.js";
import { seedReceipt } from "../providers/vonage-sms/fixtures.js";
import { w1 } from "../providers/twilio/fixtures.js";
import { s3 } from "../providers/sinch/fixtures.js";
import { keyPairNamed, telnyxHeaders } from "../helpers/telnyx-signer.js";
import { finalized } from "../providers/telnyx/fixtures.js";
import { b1 } from "../providers/bird/fixtures.js";
import { j4 } from "../providers/messagebird/fixtures.js";
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
const telnyxKeys = keyPairNamed(secret);

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
    name: "sinch",
    router: (options) => smsWebhook.router(sinch({ secret }), options),
    request: {
      method: "POST",
      path: "/",
      headers: sinchHeaders(secret, s3.body, s3.nonce, nowSec),
      body: s3.body,
    },
    type: "message.received",
  },
  {
    name: "telnyx",
    router: (options) => smsWebhook.router(telnyx({ publicKey: telnyxKeys.publicKey }), options),
    request: {
      method: "POST",
      path: "/",
      headers: telnyxHeaders(telnyxKeys.privateKey, nowSec, finalized.body),
      body: finalized.body,
    },
    type: "message.status",
  },
  {
    // Bird and MessageBird sign the URL too: here as this Express major builds it.
    name: "bird",
    router: (options) => smsWebhook.router(bird({ secret }), options),
    request: {
      method: "POST",
      path: "/",
      headers: {
        host: "hooks.example.com",
        ...birdHeaders(secret, nowSec, "http://hooks.example.com/hooks", b1.body),
      },
      body: b1.body,
    },
    type: "message.received",
  },
  {
    name: "messageBird",
    router: (options) => smsWebhook.router(messageBird({ secret }), options),
    request: {
      method: "POST",
      path: "/",
      headers: {
        host: "hooks.example.com",
        "content-type": "application/json",
        "messagebird-signature-jwt": messageBirdJwt(
          messageBirdClaims("http://hooks.example.com/hooks", j4.body, nowSec - 30),
          secret,
        ),
      },
      body: j4.body,
    },
    type: "message.status",
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
