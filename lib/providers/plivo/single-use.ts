// lib/providers/plivo/single-use.ts — a signature may carry one request: the nonce's key and what it must stay bound to.

import { createHash } from "node:crypto";
import type { SingleUse } from "../../core/provider.js";
import type { RawRequest } from "../../core/raw-request.js";
import { signedString, type PlivoSigned } from "./signed.js";

const sha256 = (...parts: (string | Buffer)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
};

/**
 * The single-use binding of a verified Plivo request (the provider's `singleUse` hook): the key
 * is what the signature covers (`v2:<hex>` or `v3:<hex>`), the fingerprint what it does not pin
 * down (the method, the raw query and the raw body), hashed.
 * V2 signs only the URL and a nonce, so a captured signature verifies with any body and any
 * query: bound to the first request's bytes for the dedupe TTL, it can carry no other. V3 signs
 * the parameters, but without separators (re-cut parameters sign the same), so it is bound too.
 *
 * The key is the whole signed string, not the nonce alone: nothing separates the URL from a V2
 * nonce, so `…/acme` + nonce `12…` and `…/acme1` + nonce `2…` are one signature (a route with
 * a path parameter takes both); their key is one too. A genuine retry resends the
 * same bytes: the same key with the same fingerprint, which goes on to dedupe.
 */
export function plivoSingleUse(signed: PlivoSigned, req: RawRequest): SingleUse | undefined {
  if (signed.nonce === undefined) return undefined;
  return {
    key: `${signed.version}:${sha256(signedString(signed))}`,
    // JSON keeps the method and query apart from each other and from the body's bytes.
    fingerprint: sha256(JSON.stringify([req.method, req.rawQuery]), "\n", req.rawBody),
  };
}
