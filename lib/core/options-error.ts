// lib/core/options-error.ts — the error a bad option throws at start-up, with a stable code.

/**
 * Why options were refused (as express-rate-limit's `ERR_ERL_*` codes):
 * - `ERR_SMS_WEBHOOKS_INVALID_OPTION`: a value of the wrong type or range, or an unknown option
 *   (a typo).
 * - `ERR_SMS_WEBHOOKS_MISSING_OPTION`: a required option is absent.
 * - `ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS`: options that are fine alone but not together (a
 *   dedupe TTL shorter than the replay window; a store that keeps no parts for a provider that
 *   sends messages in parts).
 */
export type OptionsErrorCode =
  | "ERR_SMS_WEBHOOKS_INVALID_OPTION"
  | "ERR_SMS_WEBHOOKS_MISSING_OPTION"
  | "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS";

/**
 * Thrown when a factory or middleware is built with options it cannot work with: at start-up,
 * never on the first webhook. A `TypeError`, so `instanceof TypeError` checks keep working;
 * switch on `code`, the message may improve.
 */
export class OptionsError extends TypeError {
  /** The stable reason. */
  readonly code: OptionsErrorCode;

  constructor(code: OptionsErrorCode, message: string) {
    super(`sms-webhooks: ${message}`);
    this.name = "OptionsError";
    this.code = code;
  }
}
