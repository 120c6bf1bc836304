// examples/custom-provider.ts — a provider written outside the package, with the provider kit.
//
// "Acme SMS" signs `${X-Acme-Timestamp}.${raw body}` with HMAC-SHA256 (hex, in X-Acme-Signature)
// and posts JSON: {"id","type":"inbound","from","to","text"} or {"id","type":"status",
// "message_id","to","status"}. The README's "Writing a provider" shows this file; the test
// __tests__/examples/custom-provider.test.ts runs the provider contract on it.

import { z } from "zod";
import {
  anyHmacMatches,
  decodeHex,
  headerValue,
  hmacKeys,
  isFinalStatus,
  parseJsonObject,
  parseUnixSeconds,
  secretList,
  secretSchema,
  unknownEvent,
  validateOptions,
  validatePayload,
  WebhookError,
  type MessageStatus,
  type Provider,
  type SecretInput,
} from "sms-webhooks";

const inbound = z.object({
  type: z.literal("inbound"),
  from: z.string(),
  to: z.string(),
  text: z.string(),
});
const status = z.object({
  type: z.literal("status"),
  message_id: z.string().min(1),
  to: z.string(),
  status: z.string(),
});
const statuses = new Map<string, MessageStatus>([
  ["sent", "sent"],
  ["delivered", "delivered"],
  ["failed", "failed"],
]);

// One object for every call: validateOptions builds its schema once.
const optionsShape = { secret: secretSchema };

/** Acme SMS webhooks: `X-Acme-Signature` = hex HMAC-SHA256(secret, timestamp + "." + body). */
export function acmeSms(options: {
  secret: SecretInput;
}): Provider<Record<string, unknown>, undefined> {
  const { secret } = validateOptions(optionsShape, options);
  const keys = hmacKeys(secretList(secret));
  return {
    name: "acme-sms",
    defaults: { toleranceSec: 300, dedupeTtlMs: 24 * 60 * 60 * 1000 },
    // Only headers and raw bytes before the signature checks out.
    verify(req) {
      const signature = headerValue(req, "x-acme-signature");
      const timestamp = headerValue(req, "x-acme-timestamp");
      if (signature === undefined)
        throw new WebhookError("signature_missing", "No X-Acme-Signature.");
      if (timestamp === undefined)
        throw new WebhookError("timestamp_missing", "No X-Acme-Timestamp.");
      const given = decodeHex(signature, 32);
      if (
        given === undefined ||
        !anyHmacMatches(keys, "sha256", [timestamp, ".", req.rawBody], given)
      ) {
        throw new WebhookError("signature_invalid", "X-Acme-Signature does not match.");
      }
      const signedAt = parseUnixSeconds(timestamp);
      if (signedAt === undefined)
        throw new WebhookError("timestamp_missing", "Bad X-Acme-Timestamp.");
      return signedAt; // the pipeline checks it against the window
    },
    read: (req) => parseJsonObject(req.rawBody),
    dedupeKey(body) {
      if (typeof body["id"] !== "string" || body["id"] === "") {
        throw new WebhookError(
          "payload_invalid",
          "Invalid payload: id: must be a non-empty string.",
        );
      }
      return body["id"];
    },
    // The event's own fields: the pipeline adds provider, id, verified and raw.
    normalize(body, context) {
      if (body["type"] === "inbound") {
        const message = validatePayload(inbound, body);
        const { from, to, text } = message;
        const messageId = String(body["id"]);
        return {
          type: "message.received",
          messageId,
          from,
          to,
          text,
          receivedAt: context.receivedAt,
        };
      }
      if (body["type"] === "status") {
        const update = validatePayload(status, body);
        const common = statuses.get(update.status) ?? "unknown";
        return {
          type: "message.status",
          messageId: update.message_id,
          to: update.to,
          recipients: [update.to],
          status: common,
          final: isFinalStatus(common),
          providerStatus: update.status,
          occurredAt: context.signedAt ?? context.receivedAt,
        };
      }
      return unknownEvent(String(body["type"]), context);
    },
  };
}
