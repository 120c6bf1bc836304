// lib/providers/messagebird/index.ts — the legacy MessageBird REST API provider factory (MessageBird-Signature-JWT).

import { bodyDigestKey } from "../../core/hmac.js";
import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { publicUrlSchema, urlResolver, type PublicUrl } from "../../core/public-url.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { messageKey } from "../bird/family.js";
import { normalizeMessageBird } from "./normalize.js";
import { messageBirdSingleUse } from "./single-use.js";
import { readPayload, type MessageBirdPayload } from "./params.js";
import { kindOf } from "./schema.js";
import { messageBirdVerifier, readSigned, type MessageBirdSigned } from "./verify.js";

/** Options for {@link messageBird}. */
export interface MessageBirdOptions {
  /**
   * The signing key (MessageBird Dashboard → Developers → API access → Signing key), or several
   * while rotating: a token signed with any of them verifies.
   */
  secret: SecretInput;
  /**
   * The URL MessageBird calls, which the token's `url_hash` covers (query included). A string
   * is the origin (`"https://hooks.example.com"`, plus any path prefix your proxy strips; a
   * trailing `/` is ignored), followed by the request's original path and query; a function
   * returns the whole URL. Default: the URL as Express sees it — `req.protocol`, the host
   * (`X-Forwarded-*` only when `app.set("trust proxy", …)` trusts them), `req.originalUrl`.
   */
  publicUrl?: PublicUrl;
}

const hour = 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { secret: secretSchema, publicUrl: publicUrlSchema.optional() };

/**
 * The legacy MessageBird REST API provider (rest.messagebird.com; the Bird platform is
 * {@link bird}): SMS status reports to `message.status` and inbound SMS to `message.received`,
 * as a GET query string or a POST body, signed with `MessageBird-Signature-JWT` (HS256/384/512,
 * `iss`, `nbf`/`exp`, `url_hash`, `payload_hash`, `jti`). `smsWebhook.router` mounts GET and
 * POST `/`.
 *
 * The window is the token's own: its 60 s life plus 5 s either side (`toleranceSec` 35, around
 * the middle of `nbf`…`exp`); every retry is re-signed. Handled events are remembered 24 hours.
 */
export function messageBird(
  options: MessageBirdOptions,
): Provider<MessageBirdPayload, MessageBirdSigned> {
  const { secret, publicUrl } = validateOptions(optionsShape, options);
  return {
    name: "messagebird",
    defaults: { toleranceSec: 35, dedupeTtlMs: 24 * hour },
    routes: [{ path: "/", methods: ["get", "post"] }],
    parse: readSigned,
    verify: messageBirdVerifier({
      secrets: secretList(secret),
      urlOf: urlResolver("messageBird", publicUrl),
      publicUrlSet: publicUrl !== undefined,
    }),
    // A token's jti is accepted once: again only as the very same request (then a duplicate).
    singleUse: messageBirdSingleUse,
    read: readPayload,
    // Inbound: the message id; a status report: id:status (one report per status). Anything
    // else: the SHA-256 of what was signed, the same in every re-signed retry.
    dedupeKey(payload, req) {
      const kind = kindOf(payload);
      if (kind !== "unknown") return messageKey(payload, kind === "status");
      return bodyDigestKey(req.rawBody.length === 0 ? Buffer.from(req.rawQuery) : req.rawBody);
    },
    normalize: normalizeMessageBird,
  };
}

export type { MessageBirdSigned } from "./verify.js";
export type { MessageBirdPayload } from "./params.js";
