// lib/providers/twilio/params.ts — what Twilio signed (form parameters, or a body hash) and its payload.

import { assertParamName, parseMultiParams, type MultiParams } from "../../core/flat-params.js";
import { mediaTypeOf, type RawRequest } from "../../core/raw-request.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";

/**
 * A Twilio webhook's payload: its parameters, each a string, or for a key sent more than once
 * its values de-duplicated and sorted (what the signature covers). A JSON body (`bodySHA256`)
 * is the parsed object. A null-prototype record.
 */
export type TwilioPayload = Readonly<Record<string, unknown>>;

/**
 * What the signature covers besides the URL, read before it is checked.
 * @inline
 */
export interface TwilioSigned {
  /** The POST form parameters, each key's values de-duplicated and sorted; empty otherwise. */
  readonly params: MultiParams;
  /** The `bodySHA256` query parameter of a JSON POST: the body's hex SHA-256, signed in the URL. */
  readonly bodySha256: string | undefined;
}

/**
 * Names Twilio gives its form parameters (`From`, `MediaUrl0`, `AddOns`): an upper-case letter,
 * then letters and digits. Twilio's string to sign joins `key + value` with no separator, so the
 * boundary between a key and its value (and between one parameter and the next) is not signed:
 * this pattern is one half of the defence against re-cut parameters (see `schema.ts`).
 */
export const twilioKey = /^[A-Z][A-Za-z0-9]*$/;

// A GET's parameters sit in the URL, which is signed byte for byte (no re-cut is possible), and
// share it with your own query parameters: any unreserved name is read.
const queryKey = /^[A-Za-z0-9_.~-]+$/;
const anyKey = /^/;

const empty: MultiParams = Object.create(null) as MultiParams;

/**
 * Reads what Twilio signed besides the URL: a form POST's parameters, or a JSON POST's
 * `bodySHA256`. A GET's parameters are in the URL. Throws `unsupported_media_type` for a body
 * Twilio does not send.
 */
export function readSigned(req: RawRequest): TwilioSigned {
  if (req.method === "GET" || req.method === "HEAD")
    return { params: empty, bodySha256: undefined };
  const hashes = new URLSearchParams(req.rawQuery).getAll("bodySHA256");
  if (hashes.length > 0) {
    // Twilio's JSON webhooks sign the URL (with bodySHA256 in it) and no parameters.
    if (hashes.length > 1) {
      throw new WebhookError("payload_invalid", "Invalid payload: bodySHA256 is repeated.");
    }
    return { params: empty, bodySha256: hashes[0] };
  }
  const type = mediaTypeOf(req);
  if (type !== "application/x-www-form-urlencoded" && type !== "") {
    throw new WebhookError(
      "unsupported_media_type",
      "Twilio webhooks come as a GET query string, a form POST, or a JSON POST with bodySHA256 " +
        "in its URL; this request is none of them.",
    );
  }
  // Any name is read here and checked once the signature holds (`readPayload`): forged
  // garbage gets 401, and only a validly signed request learns which names are refused.
  return {
    params: canonical(parseMultiParams(req.rawBody.toString("utf8"), { keyPattern: anyKey })),
    bodySha256: undefined,
  };
}

/**
 * The payload, once the request is authentic: the form, the query (GET) or the JSON body.
 * Throws `payload_invalid` for a form parameter name Twilio does not use ({@link twilioKey}).
 */
export function readPayload(req: RawRequest, signed: TwilioSigned): TwilioPayload {
  if (req.method === "GET" || req.method === "HEAD") {
    return payloadOf(canonical(parseMultiParams(req.rawQuery, { keyPattern: queryKey })));
  }
  if (signed.bodySha256 !== undefined) return parseJsonObject(req.rawBody);
  for (const key of Object.keys(signed.params)) assertParamName(key, twilioKey);
  return payloadOf(signed.params);
}

// As twilio-node signs a repeated key: its values de-duplicated, then sorted by code unit.
function canonical(params: MultiParams): MultiParams {
  for (const key of Object.keys(params)) {
    const values = params[key];
    if (values !== undefined && values.length > 1) params[key] = [...new Set(values)].sort();
  }
  return params;
}

// One value as a string, several as the list the signature covers.
function payloadOf(params: MultiParams): TwilioPayload {
  const payload = Object.create(null) as Record<string, string | readonly string[]>;
  for (const [key, values] of Object.entries(params)) {
    payload[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return payload;
}
