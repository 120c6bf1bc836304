// bench/http/servers/library.ts — the library's full pipeline for one provider, then a 204 handler.

import express, { type Express } from "express";
import type { DedupeStore, Provider, SmsWebhookOptions } from "../../../lib/index.js";
import { silentLogger, smsWebhook } from "../../library.js";

/** `smsWebhook(provider, { store, logger: silentLogger, ...options })` on `path`, answering 204. */
export function libraryApp<Payload, Signed>(
  path: string,
  provider: Provider<Payload, Signed>,
  store: DedupeStore,
  options: SmsWebhookOptions = {},
): Express {
  const app = express();
  // silentLogger: nothing is rejected in a correct run, but a log line per request would swamp
  // the measurement if something were.
  app.post(path, smsWebhook(provider, { store, logger: silentLogger, ...options }), (_req, res) => {
    res.sendStatus(204);
  });
  return app;
}
