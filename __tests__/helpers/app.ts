// __tests__/helpers/app.ts — a real Express app (4 or 5, per Jest project) around a webhook route.

import express from "express";
import expressPackage from "express/package.json" with { type: "json" };
import type { Express, RequestHandler } from "express";
import {
  smsEventOf,
  smsWebhook,
  type Provider,
  type SmsEvent,
  type SmsWebhookRouterOptions,
} from "../../lib/index.js";
import { memoryLogger } from "./logger.js";

/** The Express major version this Jest project runs on. */
export const expressMajor: number = Number(expressPackage.version.split(".")[0]);

/** An app that records every event its handler sees and answers `status` (204). */
export function recordingApp(mount: (app: Express, handler: RequestHandler) => void, status = 204) {
  const events: SmsEvent[] = [];
  const app = express();
  const handler: RequestHandler = (req, res) => {
    events.push(smsEventOf(req));
    res.sendStatus(status);
  };
  mount(app, handler);
  return { app, events };
}

/**
 * An app with `provider`'s router at `path`, a memory logger and a handler that records every
 * event and answers `status` (204). `options` go to the router last: a clock, a store, or a
 * handler of its own (then nothing is recorded).
 */
export function routerApp<Payload, Signed>(
  path: string,
  provider: Provider<Payload, Signed>,
  options: SmsWebhookRouterOptions = {},
  status = 204,
) {
  const logger = memoryLogger();
  const { app, events } = recordingApp((app, handler) => {
    app.use(path, smsWebhook.router(provider, { logger, handler, ...options }));
  }, status);
  return { app, events, logger };
}

export { express };
