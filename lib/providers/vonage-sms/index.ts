// lib/providers/vonage-sms/index.ts — the Vonage SMS API provider factory (inbound SMS and receipts).

import { z } from "zod";
import { bodyDigestKey } from "../../core/hmac.js";
import { OptionsError } from "../../core/options-error.js";
import { validateOptions } from "../../core/options.js";
import type { Provider } from "../../core/provider.js";
import { secretList, secretSchema, type SecretInput } from "../../core/secrets.js";
import { parseUnixSeconds } from "../../core/timestamp-window.js";
import { WebhookError } from "../../core/webhook-error.js";
import { vonageConcat } from "./concat.js";
import { normalizeVonageSms } from "./normalize.js";
import { readParams, type VonageParams } from "./params.js";
import { kindOf } from "./schema.js";
import {
  isEmptyValue,
  sigVerifier,
  stringToSign,
  type VonageSignatureMethod,
} from "./signature.js";

/** Options for {@link vonageSms}. */
export interface VonageSmsOptions {
  /**
   * Your signature secret (Dashboard → Settings → API settings), or several while rotating.
   * Required unless `allowUnsigned`.
   */
  secret?: SecretInput;
  /** The dashboard's "Signature method". Default `"md5hash"`, Vonage's default. */
  signatureMethod?: VonageSignatureMethod;
  /**
   * Accept requests without `sig` (accounts without signed webhooks: they are off until Vonage
   * support enables them). They come through with `verified: false`; a present `sig` is still
   * checked. Logs a warning once. Default false: unsigned requests get 401 `signature_missing`.
   */
  allowUnsigned?: boolean;
  /**
   * Vonage's SDKs disagree on empty values: most sign them (`&key=`), Java leaves them out.
   * `"sign"` (default) follows the majority; `"sign-or-skip"` also accepts the Java form.
   */
  emptyValues?: "sign" | "sign-or-skip";
  /** How long the parts of an incomplete concatenated SMS wait for the rest, in ms. Default 25 h. */
  concatTtlMs?: number;
}

const hour = 60 * 60 * 1000;
const methods = ["md5hash", "md5hmac", "sha1hmac", "sha256hmac", "sha512hmac"] as const;

// The options' schema, one object for every call (validateOptions keeps its parser).
const optionsShape = {
  secret: secretSchema.optional(),
  signatureMethod: z.enum(methods, { message: `must be one of ${methods.join(", ")}` }).optional(),
  allowUnsigned: z.boolean({ message: "must be true or false" }).optional(),
  emptyValues: z
    .enum(["sign", "sign-or-skip"], { message: 'must be "sign" or "sign-or-skip"' })
    .optional(),
  concatTtlMs: z.number().int().positive({ message: "must be a positive number of ms" }).optional(),
};

/**
 * The Vonage SMS API provider: inbound SMS (`message.received`, concatenated parts put back
 * together) and delivery receipts (`message.status`), as GET query strings, form posts or JSON
 * posts, signed with the `sig` parameter. `smsWebhook.router` mounts GET and POST `/inbound`
 * and `/status`.
 *
 * Window ±300 s on the signed `timestamp`; handled events are remembered 25 hours (Vonage
 * retries for 24).
 */
export function vonageSms(options: VonageSmsOptions): Provider<VonageParams, VonageParams> {
  const {
    secret,
    signatureMethod = "md5hash",
    allowUnsigned = false,
    emptyValues = "sign",
    concatTtlMs = 25 * hour,
  } = validateOptions(optionsShape, options);
  if (secret === undefined && !allowUnsigned) {
    throw new OptionsError(
      "ERR_SMS_WEBHOOKS_MISSING_OPTION",
      'option "secret" is required (or set allowUnsigned: true for an account without signed webhooks)',
    );
  }
  const verifySig =
    secret === undefined
      ? undefined
      : sigVerifier({
          secrets: secretList(secret),
          method: signatureMethod,
          alsoSkipEmpty: emptyValues === "sign-or-skip",
        });

  return {
    name: "vonage-sms",
    defaults: { toleranceSec: 300, dedupeTtlMs: 25 * hour },
    routes: [
      { path: "/inbound", methods: ["get", "post"] },
      { path: "/status", methods: ["get", "post"] },
    ],
    parse: readParams,
    verify(_req, params) {
      const sig = params["sig"];
      if (sig === undefined || sig === "" || verifySig === undefined) {
        if (allowUnsigned) return "unverified";
        throw new WebhookError("signature_missing", "The sig parameter is missing.");
      }
      if (verifySig(params, sig) === "without-empty") dropEmptyValues(params);
      const signedAt = parseUnixSeconds(params["timestamp"]);
      if (signedAt === undefined) {
        throw new WebhookError(
          "timestamp_missing",
          "The signed timestamp parameter is missing or not unix seconds.",
        );
      }
      return signedAt;
    },
    dedupeKey(params) {
      const kind = kindOf(params);
      const messageId = params["messageId"];
      if (kind === "unknown") return bodyDigestKey(Buffer.from(stringToSign(params)));
      if (messageId === undefined || messageId === "") {
        throw new WebhookError(
          "payload_invalid",
          "Invalid payload: messageId: must be a non-empty string.",
        );
      }
      // One message gets a receipt per status; each is handled once.
      return kind === "receipt" ? `dlr:${messageId}:${params["status"] ?? ""}` : `in:${messageId}`;
    },
    normalize: normalizeVonageSms,
    concat: vonageConcat(concatTtlMs),
    notices: allowUnsigned
      ? [
          "vonageSms: allowUnsigned is on: requests without a sig parameter are accepted unverified " +
            "(verified: false). Ask Vonage support to enable signed webhooks.",
        ]
      : [],
  };
}

// The signature did not cover the empty parameters, so they must not count: `status=` added
// to a signed inbound SMS would otherwise make it a delivery receipt.
function dropEmptyValues(params: VonageParams): void {
  const owned = params as Record<string, string>;
  for (const key of Object.keys(owned)) if (isEmptyValue(owned[key]!)) delete owned[key];
}

export type { VonageSignatureMethod } from "./signature.js";
