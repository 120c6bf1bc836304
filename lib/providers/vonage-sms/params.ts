// lib/providers/vonage-sms/params.ts — a Vonage SMS webhook's flat string parameters, from GET, form or JSON.

import { mediaTypeOf, type RawRequest } from "../../core/raw-request.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { assertParamName, parseFlatParams, quoteKey } from "../../core/flat-params.js";
import { WebhookError } from "../../core/webhook-error.js";

/**
 * The request's parameters, decoded, as Vonage signed them. A null-prototype record, so
 * `__proto__` or `constructor` are ordinary keys. Names are words (letters, digits, `_`, `-`):
 * the string Vonage signs escapes `&` and `=` in values but not in keys, so a key holding them
 * (`scts=2501011400&status`) would re-cut a signed request into other parameters that sign the
 * same.
 */
export type VonageParams = Readonly<Record<string, string>>;

/**
 * Reads the parameters from the query string (GET), the form body (POST
 * `application/x-www-form-urlencoded`) or the JSON body (POST-JSON; Vonage may omit the
 * content type). Never from Express's `req.query`/`req.body`, which an extended parser may
 * have turned into nested objects. A POST's query string is not part of what Vonage signed.
 */
export function readParams(req: RawRequest): VonageParams {
  if (req.method === "GET" || req.method === "HEAD") return parseFlatParams(req.rawQuery);
  const type = mediaTypeOf(req);
  const body = req.rawBody.toString("utf8");
  if (type === "application/json" || (type === "" && body.trimStart().startsWith("{"))) {
    return fromJson(req.rawBody);
  }
  if (type === "application/x-www-form-urlencoded" || type === "") return parseFlatParams(body);
  throw new WebhookError(
    "unsupported_media_type",
    "Vonage SMS webhooks come as a GET query string, a form POST or a JSON POST; this request's " +
      "Content-Type is none of them.",
  );
}

function fromJson(rawBody: Buffer): VonageParams {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(parseJsonObject(rawBody))) {
    assertParamName(key);
    if (typeof value !== "string") {
      throw new WebhookError(
        "payload_invalid",
        `Invalid payload: parameter ${quoteKey(key)} must be a string (Vonage sends every value as one).`,
      );
    }
    params[key] = value;
  }
  return params;
}
