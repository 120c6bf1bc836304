// lib/providers/messagebird/params.ts — the payload: a GET's query, or a POST's JSON or form body.

import { parseFlatParams } from "../../core/flat-params.js";
import { mediaTypeOf, type RawRequest } from "../../core/raw-request.js";
import { parseJsonObject } from "../../core/validate-payload.js";

/** A MessageBird webhook's payload: query or form parameters (strings), or the JSON body. */
export type MessageBirdPayload = Record<string, unknown>;

// The whole URL is signed (url_hash), so no parameter can be re-cut: any name a URL can carry
// is read, brackets included (`price[amount]`), and kept flat — never a nested object.
const anyName = /^[\w.~[\]-]{1,100}$/;

/**
 * Reads the payload once the token verified: status reports and inbound messages come as a
 * GET query string by default (its parameters), or as a POST with a JSON body (or a form); a
 * POST without a body is read from its query, like a GET.
 */
export function readPayload(req: RawRequest): MessageBirdPayload {
  if (req.method === "GET" || req.method === "HEAD" || req.rawBody.length === 0) {
    return parseFlatParams(req.rawQuery, { keyPattern: anyName });
  }
  if (mediaTypeOf(req) === "application/x-www-form-urlencoded") {
    return parseFlatParams(req.rawBody.toString("utf8"), { keyPattern: anyName });
  }
  return parseJsonObject(req.rawBody);
}
