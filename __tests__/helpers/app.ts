// __tests__/helpers/app.ts — a real Express app (4 or 5, per Jest project) around a webhook route.

import express from "express";
import expressPackage from "express/package.json" with { type: "json" };
import type { Express, RequestHandler } from "express";
import { smsEventOf, type SmsEvent } from "../../lib/index.js";

/** The Express major version this Jest project runs on. */
export const expressMajor: number = Number(expressPackage.version.split(".")[0]);

/** An app that records every event its handler sees and answers 204. */
export function recordingApp(mount: (app: Express, handler: RequestHandler) => void) {
  const events: SmsEvent[] = [];
  const app = express();
  const handler: RequestHandler = (req, res) => {
    events.push(smsEventOf(req));
    res.sendStatus(204);
  };
  mount(app, handler);
  return { app, events };
}

export { express };
