// lib/providers/plivo/string-to-sign.ts — what Plivo's V3 and V2 signatures cover, before the nonce.

import { parseMultiParams, type MultiParams } from "../../core/flat-params.js";

const urlParts = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(?:\?([^#]*))?/i;
// The URL's own query is read as the SDK reads it (any name): it is signed, not trusted.
const anyKey = /^/;

/**
 * The URL without its query: `scheme://host[:port]/path`, exactly as written — the port kept
 * when present and never added (Plivo tolerates no default port either way: providers-more.md
 * §3, §15), a `user:password@` left out as plivo-node's `uri-parser` + `build-url` leave it out.
 */
export function baseOf(url: string): { base: string; query: string } {
  const match = urlParts.exec(url);
  if (match === null) return { base: url, query: "" };
  const [, scheme = "", authority = "", path = "", query = ""] = match;
  return { base: scheme + authority.slice(authority.lastIndexOf("@") + 1) + path, query };
}

/** V2 signs the URL without its query, then the nonce with no separator (plivo-node `validateSignature`). */
export function v2Content(url: string): string {
  return baseOf(url).base;
}

/**
 * V3's string before `.` + nonce (plivo-node `validateV3Signature`, providers-more.md §3): for a
 * GET, `base?k=v&…` with the query sorted (or `base` without one); for a POST, `base?`, the
 * sorted query as `k=v&…`, a `.` when there are both a query and form parameters, then the
 * form parameters as sorted `key + value` (a POST without any signs as a GET). Keys and each key's values sort by code unit; query
 * values are decoded (`+` is a space); text is signed as UTF-8 once.
 */
export function v3Content(url: string, form: MultiParams | undefined): string {
  const { base, query } = baseOf(url);
  const queryString = sortedEntries(parseMultiParams(query, { keyPattern: anyKey }))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  // A POST without form parameters signs as a GET does.
  if (form === undefined || Object.keys(form).length === 0) {
    return queryString === "" ? base : `${base}?${queryString}`;
  }
  const formString = sortedEntries(form)
    .map(([key, value]) => key + value)
    .join("");
  return `${base}?${queryString}${queryString === "" ? "" : "."}${formString}`;
}

function sortedEntries(params: MultiParams): [string, string][] {
  return Object.keys(params)
    .sort()
    .flatMap((key) =>
      [...(params[key] ?? [])].sort().map((value): [string, string] => [key, value]),
    );
}
