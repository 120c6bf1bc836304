// lib/core/raw-request.ts — the framework-free view of one webhook request.

import type { IncomingHttpHeaders } from "node:http";
import { WebhookError } from "./webhook-error.js";

/**
 * One webhook request as the provider sent it: what every provider's `parse` and `verify` read.
 * Adapters (Express, Node `http`, Fastify) build it; nothing in it has been parsed yet.
 */
export interface RawRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The request target as received: path plus query string. */
  readonly url: string;
  /** Headers with lower-cased names, as Node delivers them. */
  readonly headers: IncomingHttpHeaders;
  /** The body's exact bytes (empty for a request without a body). */
  readonly rawBody: Buffer;
  /** The raw query string, without the leading `?`; empty when there is none. */
  readonly rawQuery: string;
  /**
   * The whole URL the client called (`https://host:port/path?query`), as the framework sees it
   * behind its proxy settings (Express: `req.protocol`, the `Host` — forwarded headers only when
   * `trust proxy` says so — and `req.originalUrl`). For providers that sign the URL; computed
   * only when asked. Absent when the adapter cannot tell.
   */
  readonly fullUrl?: () => string;
}

/** The first value of a header, or `undefined` when it is absent. `name` must be lower-case. */
export function headerValue(req: RawRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw query string of a request target (`/a?b=1` → `b=1`). */
export function rawQueryOf(url: string): string {
  const start = url.indexOf("?");
  return start === -1 ? "" : url.slice(start + 1);
}

/** The media type of the request, lower-cased and without parameters (`application/json`). */
export function mediaTypeOf(req: RawRequest): string {
  const value = headerValue(req, "content-type");
  if (value === undefined) return "";
  const end = value.indexOf(";");
  return (end === -1 ? value : value.slice(0, end)).trim().toLowerCase();
}

/**
 * Throws 415 `unsupported_media_type` for a body sent with a `Content-Encoding` (gzip, deflate,
 * br…): no provider compresses its webhooks, and inflating attacker-chosen bytes before the
 * signature is checked only costs memory and CPU.
 */
export function assertUncompressed(req: RawRequest): void {
  const encoding = headerValue(req, "content-encoding");
  if (encoding === undefined) return;
  const value = encoding.trim().toLowerCase();
  if (value === "" || value === "identity") return;
  throw new WebhookError(
    "unsupported_media_type",
    "The body's Content-Encoding is not supported: providers send webhooks uncompressed.",
  );
}
