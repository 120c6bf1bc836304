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
    fullUrl: () => `${req.protocol}://${hostOf(req)}${url}`,
  };
}

type TrustProxy = (address: string | undefined, hop: number) => boolean;

/**
 * The host the client called, port included: `X-Forwarded-Host` only when the app's
 * `trust proxy` setting trusts the peer (as Express 5's `req.host` and both majors'
 * `req.hostname` decide), else `Host`. Express 4's `req.host` drops the port, so it is not used.
 */
export function hostOf(req: Request): string {
  const forwarded = req.get("x-forwarded-host");
  const trust = req.app.get("trust proxy fn") as TrustProxy | undefined;
  if (
    forwarded !== undefined &&
    forwarded !== "" &&
    trust?.(req.socket.remoteAddress, 0) === true
  ) {
    const comma = forwarded.indexOf(",");
    return (comma === -1 ? forwarded : forwarded.slice(0, comma)).trim();
  }
  return req.get("host") ?? "";
}
