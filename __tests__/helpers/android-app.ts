// __tests__/helpers/android-app.ts — an Android-gateway webhook app with knobs, for pipeline tests.

import type { RequestHandler } from "express";
import {
  androidSmsGateway,
  smsWebhook,
  type SmsEvent,
  type SmsWebhookOptions,
  smsEventOf,
} from "../../lib/index.js";
import { express } from "./app.js";
import { signAndroid } from "./android-signer.js";
import { send, type TestRequest } from "./http.js";
import { memoryLogger } from "./logger.js";

export const androidKey = "pipeline-test-key";
export const signedNow = new Date("2024-06-22T08:46:30Z");
let counter = 0;

/** A fresh, validly signed sms:delivered request (its own envelope id unless given one). */
export function androidRequest(id = `evt_${++counter}`, at = signedNow): TestRequest {
  const body = JSON.stringify({
    id,
    webhookId: "wh",
    event: "sms:delivered",
    deviceId: "dev",
    payload: {
      deliveredAt: "2024-06-22T13:46:11.000+05:00",
      messageId: "m1",
      recipient: "+15550001111",
      phoneNumber: "+15550001111",
    },
  });
  return {
    method: "POST",
    path: "/hook",
    headers: signAndroid(body, androidKey, Math.floor(at.getTime() / 1000)),
    body,
  };
}

/** An app with `smsWebhook(androidSmsGateway)` at /hook in front of `handler`. */
export function androidApp(
  options: SmsWebhookOptions = {},
  handler?: RequestHandler,
  before: RequestHandler[] = [],
) {
  const events: SmsEvent[] = [];
  const logger = memoryLogger();
  const app = express();
  for (const middleware of before) app.use(middleware);
  app.post(
    "/hook",
    smsWebhook(androidSmsGateway({ secret: androidKey }), {
      clock: () => signedNow,
      logger,
      ...options,
    }),
    handler ??
      ((req, res) => {
        events.push(smsEventOf(req));
        res.sendStatus(204);
      }),
  );
  return { app, events, logger, post: (req: TestRequest) => send(app, req) };
}
