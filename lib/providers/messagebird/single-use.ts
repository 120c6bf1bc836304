// lib/providers/messagebird/single-use.ts — a MessageBird token's jti, bound to what the token does not sign.

import { createHash } from "node:crypto";
import type { SingleUse } from "../../core/provider.js";
import { mediaTypeOf, type RawRequest } from "../../core/raw-request.js";
import type { MessageBirdSigned } from "./verify.js";

/**
 * The token's `jti`, to be accepted once, and the request's fingerprint — for a verified
 * request only (the `jti` is trusted because the token verified).
 *
 * MessageBird re-signs every attempt (a fresh `jti`, a fresh 60 s `nbf`…`exp`), so a `jti`
 * seen twice is one attempt delivered twice, never a retry. `url_hash` and `payload_hash`
 * already bind the URL and the body; what the token leaves unsigned is how the request is
 * read: its method (a GET's query and an empty POST's query read alike) and its media type
 * (a JSON body and a form body are read differently). The fingerprint is the SHA-256 of those
 * two and the body: the same `jti` again with all of them unchanged is the same request (dedupe
 * answers it), with any changed it is a replay re-cut around the token, to be refused.
 * `undefined` when the request carries no `jti` (it then did not verify).
 */
export function messageBirdSingleUse(
  signed: MessageBirdSigned,
  req: RawRequest,
): SingleUse | undefined {
  if (signed.jti === undefined) return undefined;
  const fingerprint = createHash("sha256")
    .update(`${req.method}\n${mediaTypeOf(req)}\n`)
    .update(req.rawBody)
    .digest("hex");
  return { key: signed.jti, fingerprint };
}
