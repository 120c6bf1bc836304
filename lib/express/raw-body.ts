// lib/express/raw-body.ts — the body's exact bytes, read once, or a clear error saying why not.

import type { IncomingMessage, ServerResponse } from "node:http";
import bodyParser from "body-parser";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { validateOptions } from "../core/options.js";
import { asWebhookError } from "../core/pipeline.js";
import { WebhookError } from "../core/webhook-error.js";
import { limitSchema } from "./options.js";

/** Options for {@link rawBody}. */
export interface RawBodyOptions {
  /** The largest body accepted, in bytes or as `"64kb"`; larger gets 413. Default `"64kb"`. */
  limit?: number | string;
}

/** Reads a request's raw body and calls back with the bytes or a `WebhookError`. */
export type RawBodyReader = (
  req: Request,
  res: Response,
  done: (error: WebhookError | undefined, body: Buffer) => void,
) => void;

const emptyBody = Buffer.alloc(0);

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { limit: limitSchema };

/**
 * Builds a reader over body-parser's `raw` parser, configured once. It calls back (at once when
 * another middleware kept the bytes) rather than returning a promise: one less allocation and
 * microtask on every request.
 */
export function rawBodyReader(limit: number | string = "64kb"): RawBodyReader {
  // inflate: false — a compressed body is refused (415), never inflated before it is verified.
  const parse = bodyParser.raw({ limit, type: () => true, inflate: false });
  return function readRawBody(req, res, done) {
    let kept: Buffer | undefined;
    try {
      kept = keptBody(req);
    } catch (error) {
      done(asWebhookError(error), emptyBody);
      return;
    }
    if (kept !== undefined) {
      done(undefined, kept);
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (error !== undefined && error !== null) done(readError(error, limit), emptyBody);
      else done(undefined, Buffer.isBuffer(req.body) ? req.body : emptyBody);
    });
  };
}

/**
 * Middleware that reads the raw body into `req.rawBody` (and `req.body`), for composing the
 * single steps by hand: `rawBody(), verifySignature(p), …`. `smsWebhook` reads it itself.
 */
export function rawBody(options: RawBodyOptions = {}): RequestHandler {
  const { limit } = validateOptions(optionsShape, options);
  const read = rawBodyReader(limit);
  return function rawBodyMiddleware(req: Request, res: Response, next: NextFunction) {
    read(req, res, (error, body) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      req.rawBody = body;
      next();
    });
  };
}

/**
 * Keeps the raw bytes when an app-wide parser reads the body first: pass it as that parser's
 * `verify` option, e.g. `app.use(express.json({ verify: captureRawBody }))`.
 */
export function captureRawBody(
  req: IncomingMessage & { rawBody?: Buffer },
  _res: ServerResponse,
  body: Buffer,
): void {
  req.rawBody = body;
}

/**
 * The raw body another middleware kept, `undefined` when the body is still unread, or
 * `raw_body_unavailable` when a parser consumed it without keeping the bytes.
 */
export function keptBody(req: Request): Buffer | undefined {
  // Unread is the common case, and one property says so: a body-parser that read the stream,
  // keeping the bytes or not, has ended it. (Asking for the absent req.rawBody first cost
  // several µs a request in the bench: a missed look-up on Express's re-prototyped request.)
  if (!req.readableEnded) return undefined;
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (Buffer.isBuffer(req.body)) return req.body;
  throw new WebhookError(
    "raw_body_unavailable",
    "The request body was already parsed (by express.json() or another body parser), so its " +
      "raw bytes are gone and the signature cannot be checked. Mount the webhook route before " +
      "the body parser, or keep the bytes with express.json({ verify: captureRawBody }).",
  );
}

function readError(error: unknown, limit: number | string): WebhookError {
  const type = (error as { type?: unknown }).type;
  if (type === "entity.too.large") {
    return new WebhookError(
      "body_too_large",
      `The body is larger than ${describeLimit(limit)} (option limit).`,
    );
  }
  if (type === "encoding.unsupported") {
    return new WebhookError(
      "unsupported_media_type",
      "The body's Content-Encoding is not supported.",
    );
  }
  return new WebhookError("payload_invalid", "The request body could not be read.", {
    cause: error,
  });
}

// "the 64kb limit" for a size as written; "100 bytes" for a number (or a string of digits).
function describeLimit(limit: number | string): string {
  const text = String(limit).trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return `the ${text} limit`;
  return text === "1" ? "1 byte" : `${text} bytes`;
}
