// lib/express/raw-request.ts — an Express request seen as the core's RawRequest.

import type { Request } from "express";
import { rawQueryOf, type RawRequest } from "../core/raw-request.js";

/** The core's view of `req` with its raw `body` bytes. */
export function toRawRequest(req: Request, body: Buffer): RawRequest {
  const url = req.originalUrl;
  return {
    method: req.method,
    url,
    headers: req.headers,
    rawBody: body,
    rawQuery: rawQueryOf(url),
  };
}
