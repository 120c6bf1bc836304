// lib/inspector/filters.ts — the page's and the API's query (provider, outcome, code, limit), checked.

import type { DeliveryOutcome } from "../core/observer.js";
import { webhookErrorStatus, type WebhookErrorCode } from "../core/webhook-error.js";
import { outcomes, type RecordFilter } from "./record-store.js";

/** Every error code, in the order `webhookErrorStatus` lists them. */
export const errorCodes = Object.keys(webhookErrorStatus) as WebhookErrorCode[];

const filterParameters = ["provider", "outcome", "code", "limit"];

/** A query that could be read, or why not (answered 400). */
export type ParsedFilter =
  | { readonly ok: true; readonly filter: RecordFilter }
  | { readonly ok: false; readonly error: string };

/**
 * Reads `provider`, `outcome`, `code` and `limit` from a request's query. An empty value means
 * no filter (what an HTML form sends for "any"); a value that can match nothing (a misspelt
 * outcome or code, a provider not seen since start) is an error rather than an empty list, so
 * a typo at 3 a.m. is not mistaken for "no rejections".
 *
 * @param query - Express's `req.query` (strings, or arrays and objects for repeated keys).
 * @param knownProvider - Whether a provider name was seen.
 * @param maxLimit - The largest `limit` (the inspector's capacity).
 * @param defaultLimit - The `limit` when none is given.
 * @param otherParameters - Parameters the caller reads itself (the page's `refresh`).
 */
export function parseFilter(
  query: Record<string, unknown>,
  knownProvider: (name: string) => boolean,
  maxLimit: number,
  defaultLimit = maxLimit,
  otherParameters: readonly string[] = [],
): ParsedFilter {
  const problems: string[] = [];
  // A misspelt parameter (`outcom=rejected`) would otherwise list everything, unfiltered.
  for (const name of Object.keys(query)) {
    if (!filterParameters.includes(name) && !otherParameters.includes(name)) {
      problems.push(`unknown parameter "${name}"`);
    }
  }
  const single = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string") return value;
    problems.push(`${name} must be given once, as a plain value`);
    return undefined;
  };
  const provider = single("provider");
  if (provider !== undefined && !knownProvider(provider)) {
    problems.push(`provider: no delivery from "${provider}" was seen since the inspector started`);
  }
  const outcome = single("outcome");
  if (outcome !== undefined && !(outcomes as readonly string[]).includes(outcome)) {
    problems.push(`outcome must be one of ${outcomes.join(", ")}`);
  }
  const code = single("code");
  if (code !== undefined && !(errorCodes as readonly string[]).includes(code)) {
    problems.push(`code must be one of ${errorCodes.join(", ")}`);
  }
  const limitText = single("limit");
  const limit = limitText === undefined ? defaultLimit : Number(limitText);
  if (!/^\d{1,9}$/.test(limitText ?? "1") || limit < 1 || limit > maxLimit) {
    problems.push(`limit must be a whole number from 1 to ${maxLimit}`);
  }
  if (problems.length > 0) return { ok: false, error: `Invalid query: ${problems.join("; ")}.` };
  return {
    ok: true,
    filter: {
      provider,
      outcome: outcome as DeliveryOutcome | undefined,
      code: code as WebhookErrorCode | undefined,
      limit,
    },
  };
}
