// __tests__/helpers/plivo-signer.ts — Plivo's V3 and V2 signatures as providers-more.md §3 describes them, independent of lib/.

import crypto from "node:crypto";
import type { TestRequest } from "./http.js";

export type PlivoParams = Record<string, string | string[]>;

const hmac = (token: string, data: string) =>
  crypto.createHmac("sha256", token).update(Buffer.from(data, "utf-8")).digest("base64");

// Keys sorted, each key's values sorted (no de-duplication).
function pairs(params: PlivoParams): [string, string][] {
  const out: [string, string][] = [];
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    for (const one of (Array.isArray(value) ? [...value] : [value]).sort()) out.push([key, one]);
  }
  return out;
}

/**
 * V3: POST `url-without-query?` + sorted query `k=v&…` + `.` (query and form both present) +
 * sorted `key+value`; GET `url-without-query?k=v&…` (query only); then `.` + nonce. Base64
 * HMAC-SHA256 with the Auth Token; text as UTF-8 once.
 */
export function plivoV3Signature(
  token: string,
  method: "GET" | "POST",
  url: string,
  nonce: string,
  params: PlivoParams = {},
): string {
  const parsed = new URL(url);
  // new URL() would drop a default port Plivo signs: take the base from the string itself.
  const base = url.split("?")[0]!;
  const query: PlivoParams = {};
  for (const [key, value] of parsed.searchParams) {
    const before = query[key];
    query[key] = before === undefined ? value : [before, value].flat();
  }
  const queryString = pairs(query)
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const hasForm = method === "POST" && Object.keys(params).length > 0;
  let data = base;
  if (queryString !== "" || hasForm) data += `?${queryString}`;
  if (queryString !== "" && hasForm) data += ".";
  if (hasForm)
    data += pairs(params)
      .map(([key, value]) => key + value)
      .join("");
  return hmac(token, `${data}.${nonce}`);
}

/** V2: base64 HMAC-SHA256(Auth Token, url-without-query + nonce). The body is not covered. */
export function plivoV2Signature(token: string, url: string, nonce: string): string {
  return hmac(token, url.split("?")[0]! + nonce);
}

/** A form body with every value of a repeated key, in the order given. */
export function plivoForm(params: PlivoParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
  }
  return form.toString();
}

let counter = 0;
/** A fresh nonce of Plivo's shape (20 digits). */
export function freshNonce(): string {
  counter++;
  return String(Date.now()).padStart(13, "0") + String(counter).padStart(7, "0");
}

export interface PlivoSignedOptions {
  /** The URL Plivo called (default `origin + path + query`). */
  signedUrl?: string;
  token?: string;
  nonce?: string;
  version?: "v3" | "v2";
  /** Sign with the main account's header (`-Ma-`) instead. */
  mainAccount?: boolean;
  query?: string;
}

/** A POST form (or, with `method: "GET"`, the params in the query) Plivo signed for `origin + path`. */
export function plivoRequest(
  origin: string,
  method: "GET" | "POST",
  path: string,
  params: PlivoParams,
  token: string,
  options: PlivoSignedOptions = {},
): TestRequest {
  const version = options.version ?? "v3";
  const nonce = options.nonce ?? freshNonce();
  const query = method === "GET" ? plivoForm(params) : options.query;
  const url = options.signedUrl ?? `${origin}${path}${query ? `?${query}` : ""}`;
  const signature =
    version === "v3"
      ? plivoV3Signature(options.token ?? token, method, url, nonce, method === "GET" ? {} : params)
      : plivoV2Signature(options.token ?? token, url, nonce);
  const name = `x-plivo-signature-${options.mainAccount ? "ma-" : ""}${version}`;
  return {
    method,
    path,
    ...(query ? { query } : {}),
    headers: {
      ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      [name]: signature,
      [`x-plivo-signature-${version}-nonce`]: nonce,
    },
    ...(method === "POST" ? { body: plivoForm(params) } : {}),
  };
}
