// lib/providers/bird/index.ts — the Bird platform provider factory (channel message webhooks, messagebird-signature).

import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { publicUrlSchema, urlResolver, type PublicUrl } from "../../core/public-url.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { birdDedupeKey } from "./dedupe-key.js";
import { normalizeBird } from "./normalize.js";
import type { BirdPayload } from "./schema.js";
import { birdVerifier } from "./verify.js";

/** Options for {@link bird}. */
export interface BirdOptions {
  /**
   * The `signingKey` the webhook subscription was created with (Bird signs nothing without
   * one), or several while rotating: a request signed with any of them verifies.
   */
  secret: SecretInput;
  /**
   * The URL Bird calls, which its signature covers. A string is the origin
   * (`"https://hooks.example.com"`, plus any path prefix your proxy strips; a trailing `/` is
   * ignored), followed by the request's original path and query; a function returns the whole
   * URL. Default: the URL as Express sees it — `req.protocol`, the host (`X-Forwarded-*` only
   * when `app.set("trust proxy", …)` trusts them) and `req.originalUrl`.
   */
  publicUrl?: PublicUrl;
}

const hour = 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = { secret: secretSchema, publicUrl: publicUrlSchema.optional() };

/**
 * The Bird platform provider (docs.bird.com; not the legacy MessageBird REST API, which is
 * {@link messageBird}): channel message webhooks — `sms.inbound` to `message.received`,
 * `sms.outbound` lifecycle updates to `message.status` (other channels' message events alike),
 * anything else validly signed to `unknown`. Verifies `messagebird-signature` over the
 * timestamp, the URL Bird called and the body's SHA-256. `smsWebhook.router` mounts POST `/`.
 *
 * Window ±300 s on `messagebird-request-timestamp` (Bird publishes none); handled events are
 * remembered 24 hours (Bird retries for 8).
 */
export function bird(options: BirdOptions): Provider<BirdPayload> {
  const { secret, publicUrl } = validateOptions(optionsShape, options);
  return {
    name: "bird",
    defaults: { toleranceSec: 300, dedupeTtlMs: 24 * hour },
    verify: birdVerifier({
      secrets: secretList(secret),
      urlOf: urlResolver("bird", publicUrl),
      publicUrlSet: publicUrl !== undefined,
    }),
    read: (req) => parseJsonObject(req.rawBody),
    dedupeKey: birdDedupeKey,
    normalize: normalizeBird,
  };
}

export type { BirdPayload } from "./schema.js";
