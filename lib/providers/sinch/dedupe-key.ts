// lib/providers/sinch/dedupe-key.ts — one key per inbound message, per recipient status, per batch report.

import { createHash } from "node:crypto";
import { z } from "zod";
import { bodyDigestKey } from "../../core/hmac.js";
import type { RawRequest } from "../../core/raw-request.js";
import { validatePayload } from "../../core/validate-payload.js";
import { moTextSchema, recipientReportSchema, typeOf, type SinchPayload } from "./schema.js";

const inboundKey = moTextSchema.pick({ id: true });
const recipientKey = recipientReportSchema.pick({
  batch_id: true,
  recipient: true,
  status: true,
  code: true,
});
const batchKey = z.object({
  batch_id: recipientReportSchema.shape.batch_id,
  statuses: z.array(z.unknown()),
});

// The types normalize reads: their key fields must be there (400 before the store otherwise).
const modelled: ReadonlySet<string> = new Set([
  "mo_text",
  "mo_binary",
  "recipient_delivery_report_sms",
]);

/**
 * The keys of providers-more.md §4, each prefixed with the callback's type: inbound (`mo_text`,
 * `mo_binary`, `mo_media`) its `id`; a recipient delivery report `batch_id:recipient:status:code`
 * (one recipient gets a report per status); a batch delivery report `batch_id` and the SHA-256
 * of its `statuses` (the batch's counts change from one report to the next). Anything else, or
 * an unmodelled type without those fields: the body's SHA-256 (Sinch's retries resend it as is).
 */
export function sinchDedupeKey(payload: SinchPayload, req: RawRequest): string {
  const type = typeOf(payload);
  const key = keyOf(type, payload, modelled.has(type));
  return key === undefined ? bodyDigestKey(req.rawBody) : `${type}:${key}`;
}

function keyOf(type: string, payload: SinchPayload, required: boolean): string | undefined {
  switch (type) {
    case "mo_text":
    case "mo_binary":
    case "mo_media":
      return fields(inboundKey, payload, required)?.id;
    case "recipient_delivery_report_sms":
    case "recipient_delivery_report_mms": {
      const report = fields(recipientKey, payload, required);
      return report && `${report.batch_id}:${report.recipient}:${report.status}:${report.code}`;
    }
    case "delivery_report_sms":
    case "delivery_report_mms": {
      const report = fields(batchKey, payload, required);
      if (report === undefined) return undefined;
      const statuses = createHash("sha256").update(JSON.stringify(report.statuses)).digest("hex");
      return `${report.batch_id}:${statuses}`;
    }
    default:
      return undefined;
  }
}

function fields<Schema extends z.ZodType>(
  schema: Schema,
  payload: SinchPayload,
  required: boolean,
): z.output<Schema> | undefined {
  if (required) return validatePayload(schema, payload);
  const result = schema.safeParse(payload);
  return result.success ? result.data : undefined;
}
