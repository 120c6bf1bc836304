// lib/providers/plivo/signed.ts — what a Plivo signature covers, read before it is checked: V3 if present, else V2.

import type { MultiParams } from "../../core/flat-params.js";
import { headerValue, type RawRequest } from "../../core/raw-request.js";
import { assertFormType, readForm } from "./params.js";
import { v2Content, v3Content } from "./string-to-sign.js";

/** Plivo's signature schemes: V3 covers the URL, the parameters and a nonce; V2 only the URL and a nonce. */
export type PlivoSignatureVersion = "v3" | "v2";

/** The headers of each scheme: the (sub)account's signature, the main account's (`-Ma-`), the nonce. */
export const plivoHeaders = {
  v3: {
    signatures: ["x-plivo-signature-v3", "x-plivo-signature-ma-v3"],
    nonce: "x-plivo-signature-v3-nonce",
    name: "X-Plivo-Signature-V3",
  },
  v2: {
    signatures: ["x-plivo-signature-v2", "x-plivo-signature-ma-v2"],
    nonce: "x-plivo-signature-v2-nonce",
    name: "X-Plivo-Signature-V2",
  },
} as const;

/** What the signature covers and claims, read before it is checked. */
export interface PlivoSigned {
  /** `"v3"` when any V3 header is present (then V2 headers are never looked at), else `"v2"`. */
  readonly version: PlivoSignatureVersion;
  /** Every signature the scheme's two headers carry (each may be a comma-separated list). */
  readonly signatures: readonly string[];
  /** The scheme's nonce header; `undefined` when absent or empty. */
  readonly nonce: string | undefined;
  /** The URL the request was sent to, as the signature must cover it. */
  readonly url: string;
  /** The signed string before the nonce (see string-to-sign.ts). */
  readonly content: string;
  /** Between `content` and the nonce: `.` for V3, nothing for V2. */
  readonly separator: "." | "";
  /** A V3 POST's form parameters (read to be signed); `undefined` when the body is not signed. */
  readonly form: MultiParams | undefined;
}

/** The string the signature is an HMAC of: content, separator, nonce. */
export function signedString(signed: PlivoSigned): string {
  return `${signed.content}${signed.separator}${signed.nonce ?? ""}`;
}

const isGet = (req: RawRequest) => req.method === "GET" || req.method === "HEAD";

/**
 * Builds the parse step. A request with any `X-Plivo-Signature-V3*` header is read as V3 and
 * only V3: a V3 request stripped of its V3 headers would otherwise be checked against a V2
 * signature, which does not cover the body (no downgrade). Throws `unsupported_media_type` for
 * a POST body Plivo does not send; anything else about the headers is for `verify` to refuse.
 */
export function plivoParser(urlOf: (req: RawRequest) => string): (req: RawRequest) => PlivoSigned {
  return function readPlivoSigned(req) {
    const { v3 } = plivoHeaders;
    const version: PlivoSignatureVersion = [...v3.signatures, v3.nonce].some(
      (name) => headerValue(req, name) !== undefined,
    )
      ? "v3"
      : "v2";
    const headers = plivoHeaders[version];
    // Only V3 signs the body: a V2 POST's form is read after verification (`read`).
    if (!isGet(req)) assertFormType(req);
    const form = version === "v3" && !isGet(req) ? readForm(req) : undefined;
    const url = urlOf(req);
    return {
      version,
      signatures: headers.signatures.flatMap((name) => listOf(headerValue(req, name))),
      nonce: headerValue(req, headers.nonce) || undefined,
      url,
      content: version === "v3" ? v3Content(url, form) : v2Content(url),
      separator: version === "v3" ? "." : "",
      form,
    };
  };
}

// Plivo may send several signatures, comma-separated (and Node joins a repeated header so).
function listOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(",")
    .map((one) => one.trim())
    .filter((one) => one !== "");
}
