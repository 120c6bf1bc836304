// lib/core/webhook-error.ts — the one error type the pipeline answers with; its codes are the API.

/** HTTP status for every {@link WebhookErrorCode}. The codes are stable; messages may improve. */
export const webhookErrorStatus = {
  /** The body was consumed before the library could read its raw bytes. */
  raw_body_unavailable: 500,
  /** The body is larger than the `limit` option. */
  body_too_large: 413,
  /** The body's content type (or content encoding) is not one the provider sends. */
  unsupported_media_type: 415,
  /** The body or query cannot be read as the provider's payload. */
  payload_invalid: 400,
  /** The request carries no signature. */
  signature_missing: 401,
  /** The signature does not match any configured secret. */
  signature_invalid: 401,
  /** The request names a key (e.g. Vonage `api_key`) that no secret is configured for. */
  secret_unknown: 401,
  /** The provider signs a timestamp, and this request has none (or not a usable one). */
  timestamp_missing: 401,
  /** The signed timestamp is further from the clock than the tolerance allows. */
  timestamp_out_of_window: 401,
  /**
   * The signature's single-use nonce (Plivo V2, a MessageBird token's `jti`) already came with
   * a different request: a captured signature carrying another body.
   */
  signature_reused: 401,
  /** Another delivery of the same event is being handled right now; retry later. */
  duplicate_in_flight: 409,
  /** Vonage sent an unsigned callback after an internal error; a 5xx makes it retry signed. */
  unsigned_callback: 503,
  /** The dedupe store failed or timed out; the provider should retry later. */
  store_unavailable: 503,
  /** A configured callback (such as a secret resolver) failed, or the library hit a bug. */
  internal_error: 500,
} as const;

/** Every code a {@link WebhookError} can carry. Switch on it; it never changes meaning. */
export type WebhookErrorCode = keyof typeof webhookErrorStatus;

/** The JSON body the library answers a rejected webhook with. */
export interface WebhookErrorBody {
  error: { code: WebhookErrorCode; message: string };
}

/**
 * A webhook the library refuses (or, in report mode, lets through with a warning).
 *
 * `message` is safe to send to the caller: it never contains a secret, a computed signature
 * or any other value the caller could not already see.
 */
export class WebhookError extends Error {
  /** The stable reason; see {@link webhookErrorStatus} for each code's meaning. */
  readonly code: WebhookErrorCode;
  /** The HTTP status the library answers with. */
  readonly status: number;
  /** Seconds the caller should wait before retrying, sent as `Retry-After` when set. */
  readonly retryAfterSec: number | undefined;
  /**
   * What the operator should know to fix it (e.g. the URL a signature was checked against and
   * the option to set): logged with the rejection, never sent to the caller.
   */
  readonly hint: string | undefined;

  constructor(
    code: WebhookErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterSec?: number; hint?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WebhookError";
    this.code = code;
    this.status = webhookErrorStatus[code];
    this.retryAfterSec = options.retryAfterSec;
    this.hint = options.hint;
  }

  /** The response body: `{"error":{"code","message"}}` (never the `cause` or the `hint`). */
  toJSON(): WebhookErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** True for any {@link WebhookError}, also one thrown by another copy of this package. */
export function isWebhookError(value: unknown): value is WebhookError {
  if (value instanceof WebhookError) return true;
  if (!(value instanceof Error) || value.name !== "WebhookError") return false;
  const code: unknown = (value as { code?: unknown }).code;
  return typeof code === "string" && Object.hasOwn(webhookErrorStatus, code);
}
