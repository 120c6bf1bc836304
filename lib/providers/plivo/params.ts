// lib/providers/plivo/params.ts — a Plivo callback's parameters: the form POST, or the query of a GET.

import { assertParamName, parseMultiParams, type MultiParams } from "../../core/flat-params.js";
import { mediaTypeOf, type RawRequest } from "../../core/raw-request.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { PlivoSigned } from "./signed.js";

/**
 * A Plivo callback's payload: each parameter a string, or for a key sent more than once its
 * values sorted (as V3 signs them). A null-prototype record.
 */
export type PlivoPayload = Readonly<Record<string, string | readonly string[]>>;

/**
 * Names Plivo gives its form parameters (`MessageUUID`, `Media1`, `TotalAmount`): an upper-case
 * letter, then letters and digits — and the one exception, `requester_ip`. V3 signs a POST as
 * `key + value` with no separator, so nothing signed marks where a key ends: this pattern is one
 * half of the defence against re-cut parameters (the strict values in `schema.ts` the other).
 */
export const plivoKey = /^(?:[A-Z][A-Za-z0-9]*|requester_ip)$/;

// A GET's parameters share the URL with your own: any unreserved name is read. V3 signs them as
// `k=v&…`, so a name holding `&` or `=` would re-cut; unreserved names hold neither.
const queryKey = /^[A-Za-z0-9_.~-]+$/;
// Before verification any name is read (forged garbage gets 401, not 400); read() checks them.
const anyKey = /^/;

/** Throws 415 `unsupported_media_type` unless a POST's body is a form (or untyped), as Plivo sends. */
export function assertFormType(req: RawRequest): void {
  const type = mediaTypeOf(req);
  if (type === "application/x-www-form-urlencoded" || type === "") return;
  throw new WebhookError(
    "unsupported_media_type",
    "Plivo callbacks come as a form POST or a GET query string; this request is neither.",
  );
}

/** A POST's form parameters, every value of a repeated key kept, names unchecked. */
export function readForm(req: RawRequest): MultiParams {
  return parseMultiParams(req.rawBody.toString("utf8"), { keyPattern: anyKey });
}

/**
 * The payload, once the request is authentic: the form of a POST (its names checked against
 * {@link plivoKey}), or the query of a GET (Plivo's parameters and your own). Throws
 * `payload_invalid`.
 */
export function readPlivoPayload(req: RawRequest, signed: PlivoSigned): PlivoPayload {
  if (req.method === "GET" || req.method === "HEAD") {
    return payloadOf(parseMultiParams(req.rawQuery, { keyPattern: queryKey }));
  }
  const form = signed.form ?? readForm(req);
  for (const key of Object.keys(form)) assertParamName(key, plivoKey);
  return payloadOf(form);
}

// One value as a string, several as the sorted list V3 signs.
function payloadOf(params: MultiParams): PlivoPayload {
  const payload = Object.create(null) as Record<string, string | readonly string[]>;
  for (const [key, values] of Object.entries(params)) {
    payload[key] = values.length === 1 ? (values[0] ?? "") : [...values].sort();
  }
  return payload;
}
