// lib/providers/vonage-messages/index.ts — the Vonage Messages API provider factory (signed webhooks).

import { z } from "zod";
import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { stringOrList } from "../../core/secrets.js";
import { parseJsonObject } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";
import { normalizeVonageMessage } from "./normalize.js";
import { isStatus } from "./schema.js";
import { messagesSecretSchema, secretLookup, type VonageMessagesSecret } from "./secrets.js";
import { jwtVerifier, type VonageMessagesPayload } from "./verify.js";

/** Options for {@link vonageMessages}. */
export interface VonageMessagesOptions {
  /**
   * The signature secret (Dashboard → Settings → API settings) that signs the webhooks' JWTs:
   * one secret or a rotation list for every token; a map from `api_key` to secret(s) for
   * sub-accounts; or a resolver `(apiKey) => secret(s) | undefined` (may be async). An
   * `api_key` the map or resolver does not know is answered 401 `secret_unknown`.
   */
  secret: VonageMessagesSecret;
  /** Accept only tokens issued for these Vonage application ids (`application_id` claim). */
  applicationId?: string | readonly string[];
  /**
   * Accept callbacks without `Authorization` as `verified: false`, instead of answering them
   * 503 `unsigned_callback` so that Vonage retries them signed. Logs a warning once.
   */
  allowUnsigned?: boolean;
}

const hour = 60 * 60 * 1000;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = {
  secret: messagesSecretSchema,
  applicationId: stringOrList("must be an application id or a list of them").optional(),
  allowUnsigned: z.boolean({ message: "must be true or false" }).optional(),
};

/**
 * The Vonage Messages API provider: verifies the JWT Vonage signs its webhooks with (HS256,
 * `iss` Vonage, `payload_hash` over the raw body, `iat` in the window) and maps inbound messages
 * to `message.received` and status webhooks to `message.status`, on every channel.
 * `smsWebhook.router` mounts POST `/inbound` and `/status`.
 *
 * Window ±300 s on `iat`; handled events are remembered 25 hours (Vonage retries for 24).
 */
export function vonageMessages(
  options: VonageMessagesOptions,
): Provider<VonageMessagesPayload, undefined> {
  const { secret, applicationId, allowUnsigned = false } = validateOptions(optionsShape, options);
  const verify = jwtVerifier({
    secrets: secretLookup(secret),
    applicationIds: applicationId === undefined ? undefined : [applicationId].flat(),
    allowUnsigned,
  });
  return {
    name: "vonage-messages",
    defaults: { toleranceSec: 300, dedupeTtlMs: 25 * hour },
    routes: [
      { path: "/inbound", methods: ["post"] },
      { path: "/status", methods: ["post"] },
    ],
    verify,
    read: (req) => parseJsonObject(req.rawBody),
    dedupeKey(body) {
      const uuid = body["message_uuid"];
      if (typeof uuid !== "string" || uuid === "") {
        throw new WebhookError(
          "payload_invalid",
          "Invalid payload: message_uuid: must be a non-empty string.",
        );
      }
      // A message gets one webhook per status; each is handled once.
      return isStatus(body) ? `status:${uuid}:${String(body["status"])}` : `in:${uuid}`;
    },
    normalize: normalizeVonageMessage,
    notices: allowUnsigned
      ? [
          "vonageMessages: allowUnsigned is on: callbacks without Authorization are accepted " +
            "unverified (verified: false) instead of being answered 503 for a signed retry.",
        ]
      : [],
  };
}

export type { SecretResolver, VonageMessagesSecret } from "./secrets.js";
