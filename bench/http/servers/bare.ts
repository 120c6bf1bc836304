// bench/http/servers/bare.ts — the ceiling: Express answering 204 without reading the body.

import express, { type Express } from "express";
import { routes } from "../protocol.js";

export function bareApp(): Express {
  const app = express();
  // Node discards the unread body itself once the response is sent, as for any handler.
  app.post(routes.android, (_req, res) => {
    res.sendStatus(204);
  });
  return app;
}
