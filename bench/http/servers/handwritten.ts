// bench/http/servers/handwritten.ts — the baseline: a careful hand-written SMS Gateway for Android receiver.

import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import express, { type Express, type Response } from "express";
import { routes } from "../protocol.js";

const toleranceSec = 300;
const duplicateBody = JSON.stringify({ status: "duplicate" });

/**
 * What a careful developer writes without the library: raw body, HMAC-SHA256 of body + X-Timestamp
 * compared in constant time, the ±300 s window, JSON.parse, and a Set to drop retries (unbounded,
 * no TTL, no schema validation, no normalized event: less work than the library does).
 */
export function handwrittenApp(secret: string): Express {
  // Made once, as the library does: building the key per request would cost a little each time.
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  const seen = new Set<string>();
  const app = express();
  app.post(routes.android, express.raw({ type: "*/*" }), (req, res) => {
    const body: unknown = req.body;
    const signature = req.get("x-signature");
    const timestamp = req.get("x-timestamp");
    if (!Buffer.isBuffer(body) || signature === undefined || timestamp === undefined) {
      return reject(res, 401);
    }
    const signedAt = Number(timestamp);
    if (!Number.isInteger(signedAt) || Math.abs(Date.now() / 1000 - signedAt) > toleranceSec) {
      return reject(res, 401);
    }
    const expected = createHmac("sha256", key).update(body).update(timestamp).digest();
    const given = Buffer.from(signature, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reject(res, 401);
    }
    let id: unknown;
    try {
      id = (JSON.parse(body.toString("utf8")) as { id?: unknown }).id;
    } catch {
      return reject(res, 400);
    }
    if (typeof id !== "string") return reject(res, 400);
    if (seen.has(id)) {
      // Written with Node's API, as the library answers duplicates: no Express send/ETag work.
      res.writeHead(200, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(duplicateBody),
      });
      res.end(duplicateBody);
      return;
    }
    seen.add(id);
    res.sendStatus(204);
  });
  return app;
}

function reject(res: Response, status: number): void {
  res.sendStatus(status);
}
