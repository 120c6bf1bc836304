// lib/providers/plivo/index.ts — the Plivo Messaging provider factory (inbound SMS/MMS and status callbacks).

import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { publicUrlSchema, urlResolver, type PublicUrl } from "../../core/public-url.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { plivoDedupeKey } from "./dedupe-key.js";
import { normalizePlivo } from "./normalize.js";
import { plivoSingleUse } from "./single-use.js";
import { readPlivoPayload, type PlivoPayload } from "./params.js";
import { plivoParser, type PlivoSigned } from "./signed.js";
import { plivoVerifier } from "./verify.js";

/** Options for {@link plivo}. */
export interface PlivoOptions {
  /**
   * The Auth Token (Console → Overview → Account), or several while rotating: a request signed
   * with any of them verifies. A subaccount's webhooks are signed with its own token
   * (`X-Plivo-Signature-V2`/`-V3`) and the main account's (`-Ma-`): list either or both.
   */
  secret: SecretInput;
  /**
   * The URL Plivo calls, which its signature covers. A string is the origin
   * (`"https://hooks.example.com"`, plus any path prefix your proxy strips; a trailing `/` is
   * ignored), followed by the request's original path and query; a function returns the whole
   * URL. Default: the URL as Express sees it — `req.protocol`, the host (`X-Forwarded-*` only
   * when `app.set("trust proxy", …)` trusts them) and `req.originalUrl`. Plivo signs the URL
   * exactly as configured: `https://host/…` and `https://host:443/…` are different URLs.
   */
  publicUrl?: PublicUrl;
}

const day = 24 * 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { secret: secretSchema, publicUrl: publicUrlSchema.optional() };

/**
 * The Plivo Messaging provider: inbound SMS, MMS and WhatsApp messages (`message.received`)
 * and message status callbacks (`message.status`), as form POSTs or GETs, signed with
 * `X-Plivo-Signature-V3` (URL, parameters and nonce) when present, else `X-Plivo-Signature-V2`
 * (URL and nonce only: the body is not covered). `smsWebhook.router` mounts GET and POST
 * `/inbound` and `/status`.
 *
 * Plivo signs no time, so there is no window: dedupe is the replay guard, and handled events
 * are remembered 7 days — the replay horizon (`dedupeTtlMs`), well past Plivo's 24 hours of
 * retries. A signature is bound to the first request it came with (see `NonceStore`): a V2
 * signature, which leaves the body out, cannot carry another body.
 */
export function plivo(options: PlivoOptions): Provider<PlivoPayload, PlivoSigned> {
  const { secret, publicUrl } = validateOptions(optionsShape, options);
  return {
    name: "plivo",
    // Nothing is signed in time; the window is unused, and 2 × 300 s fits in the TTL.
    defaults: { toleranceSec: 300, dedupeTtlMs: 7 * day },
    routes: [
      { path: "/inbound", methods: ["get", "post"] },
      { path: "/status", methods: ["get", "post"] },
    ],
    parse: plivoParser(urlResolver("plivo", publicUrl)),
    verify: plivoVerifier({ secrets: secretList(secret), publicUrlSet: publicUrl !== undefined }),
    // A signature carries one request: again only as the very same one (then a duplicate).
    singleUse: plivoSingleUse,
    read: readPlivoPayload,
    dedupeKey: plivoDedupeKey,
    normalize: normalizePlivo,
  };
}

export type { PlivoPayload } from "./params.js";
export type { PlivoSigned, PlivoSignatureVersion } from "./signed.js";
