// lib/providers/twilio/index.ts — the Twilio Messaging provider factory (inbound SMS/MMS and status callbacks).

import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { twilioDedupeKey } from "./dedupe-key.js";
import { normalizeTwilio } from "./normalize.js";
import { readPayload, readSigned, type TwilioPayload, type TwilioSigned } from "./params.js";
import { publicUrlSchema, urlResolver } from "../../core/public-url.js";
import type { TwilioPublicUrl } from "./url.js";
import { twilioVerifier } from "./verify.js";

/** Options for {@link twilio}. */
export interface TwilioOptions {
  /**
   * The account's Auth Token (Console → Account info), or several while rotating to the
   * secondary token: a request signed with any of them verifies. A subaccount's webhooks are
   * signed with the subaccount's token.
   */
  secret: SecretInput;
  /**
   * The URL Twilio calls, which its signature covers. A string is the origin
   * (`"https://hooks.example.com"`, plus any path prefix your proxy strips; a trailing `/` is
   * ignored), followed by the request's original path and query; a function returns the whole
   * URL. Default: the URL as Express sees it — `req.protocol`, the host (`X-Forwarded-*` only
   * when `app.set("trust proxy", …)` trusts them) and `req.originalUrl`.
   */
  publicUrl?: TwilioPublicUrl;
}

const day = 24 * 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { secret: secretSchema, publicUrl: publicUrlSchema.optional() };

/**
 * The Twilio Messaging provider: inbound SMS, MMS and chat messages (`message.received`) and
 * status callbacks (`message.status`), as form POSTs (or GETs, or JSON POSTs with
 * `bodySHA256`), signed with `X-Twilio-Signature` over the URL Twilio called and its
 * parameters. `smsWebhook.router` mounts GET and POST `/inbound` and `/status`.
 *
 * Twilio signs no time, so there is no window: dedupe is the replay guard, and handled events
 * are remembered 7 days — the replay horizon (`dedupeTtlMs`).
 */
export function twilio(options: TwilioOptions): Provider<TwilioPayload, TwilioSigned> {
  const { secret, publicUrl } = validateOptions(optionsShape, options);
  const verify = twilioVerifier({
    secrets: secretList(secret),
    urlOf: urlResolver("twilio", publicUrl),
    publicUrlSet: publicUrl !== undefined,
  });
  return {
    name: "twilio",
    // Nothing is signed in time; the window is unused, and 2 × 300 s fits in the TTL.
    defaults: { toleranceSec: 300, dedupeTtlMs: 7 * day },
    routes: [
      { path: "/inbound", methods: ["get", "post"] },
      { path: "/status", methods: ["get", "post"] },
    ],
    parse: readSigned,
    verify,
    read: readPayload,
    dedupeKey: twilioDedupeKey,
    normalize: normalizeTwilio,
  };
}

export type { TwilioPublicUrl } from "./url.js";
export type { TwilioPayload } from "./params.js";
