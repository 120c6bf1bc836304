// lib/core/flat-params.ts — a query string or form body as flat string parameters, strictly.

import { WebhookError } from "./webhook-error.js";

/** Decoded parameters in a null-prototype record, so `__proto__` or `constructor` are plain keys. */
export type FlatParams = Record<string, string>;

/** How strict {@link parseFlatParams} is. */
export interface FlatParamsOptions {
  /**
   * The names a parameter may have. Default: letters, digits, `_` and `-` — so a key can hold
   * neither `[`/`]` (how nested objects are smuggled into query parsers) nor `&`/`=` (which a
   * signed string that escapes only values would let re-cut into other parameters).
   */
  readonly keyPattern?: RegExp;
}

const wordKey = /^[A-Za-z0-9_-]+$/;

/**
 * Parses `application/x-www-form-urlencoded` text (a query string without its `?`, or a form
 * body) into flat parameters, as the provider signed them. Throws `payload_invalid` for a key
 * outside `keyPattern` or a repeated key. Never use Express's `req.query`/`req.body` for this:
 * an extended parser may have turned keys into nested objects.
 */
export function parseFlatParams(text: string, options: FlatParamsOptions = {}): FlatParams {
  const keyPattern = options.keyPattern ?? wordKey;
  const params = Object.create(null) as FlatParams;
  for (const [key, value] of new URLSearchParams(text)) {
    assertParamName(key, keyPattern);
    if (Object.hasOwn(params, key)) {
      throw new WebhookError(
        "payload_invalid",
        `Invalid payload: parameter ${quoteKey(key)} is repeated.`,
      );
    }
    params[key] = value;
  }
  return params;
}

/** Throws `payload_invalid` unless `key` matches `keyPattern` (by default word characters and `-`). */
export function assertParamName(key: string, keyPattern: RegExp = wordKey): void {
  if (keyPattern.test(key)) return;
  const problem = /[[\]]/.test(key)
    ? "looks nested; this provider sends flat parameters"
    : "is not a parameter name this provider sends";
  throw new WebhookError(
    "payload_invalid",
    `Invalid payload: parameter ${quoteKey(key)} ${problem}.`,
  );
}

/** A caller's key, quoted and cut short, fit to go into an error message. */
export function quoteKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/**
 * Decoded parameters where a key may repeat: every key's values in the order sent, in a
 * null-prototype record (so `__proto__` or `constructor` are plain keys).
 */
export type MultiParams = Record<string, string[]>;

/**
 * Parses `application/x-www-form-urlencoded` text like {@link parseFlatParams}, for providers
 * whose scheme signs repeated keys (Twilio): a repeated key keeps all its values, in the order
 * sent. Throws `payload_invalid` for a key outside `keyPattern` (default: letters, digits, `_`
 * and `-`).
 */
export function parseMultiParams(text: string, options: FlatParamsOptions = {}): MultiParams {
  const keyPattern = options.keyPattern ?? wordKey;
  const params = Object.create(null) as MultiParams;
  for (const [key, value] of new URLSearchParams(text)) {
    assertParamName(key, keyPattern);
    const values = params[key];
    if (values === undefined) params[key] = [value];
    else values.push(value);
  }
  return params;
}
