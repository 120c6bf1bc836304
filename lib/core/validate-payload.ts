// lib/core/validate-payload.ts — runs a provider's zod schema and turns failures into payload_invalid.

import type { z } from "zod";
import { WebhookError } from "./webhook-error.js";

/**
 * Parses `value` with `schema`, or throws `payload_invalid` naming each bad field
 * (`payload.receivedAt: …`), each prefixed with `path` when the value sits inside the body. Messages name fields and expectations, never the values sent.
 */
export function validatePayload<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  path: readonly string[] = [],
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const field = [...path, ...issue.path.map(String)].join(".") || "body";
    return `${field}: ${issue.message}`;
  });
  throw new WebhookError("payload_invalid", `Invalid payload: ${problems.join("; ")}.`);
}

/** Parses a JSON body that must be an object; throws `payload_invalid` otherwise. */
export function parseJsonObject(rawBody: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookError("payload_invalid", "The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WebhookError("payload_invalid", "The body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/**
 * `payload[field]` when it is a string matching `pattern`, else throws `payload_invalid` saying
 * `rule` (never the value): for the ids a dedupe key is made of, checked before the store.
 */
export function matchedParam(
  payload: Readonly<Record<string, unknown>>,
  field: string,
  pattern: RegExp,
  rule: string,
): string {
  const value = payload[field];
  if (typeof value === "string" && pattern.test(value)) return value;
  throw new WebhookError("payload_invalid", `Invalid payload: ${field}: ${rule}.`);
}

/** True for an absolute `http:` or `https:` URL (a media link a provider sends). */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
