// lib/core/provider.ts — what a provider adapter is: a plain object the pipeline drives.

import type { SmsEvent, UnknownEvent } from "./events.js";
import type { RawRequest } from "./raw-request.js";

/** What a provider knows about its own traffic, used where the options say nothing. */
export interface ProviderDefaults {
  /** How far a signed timestamp may be from the clock, in seconds, either way. */
  readonly toleranceSec: number;
  /** How long a handled event is remembered: at least the provider's whole retry schedule. */
  readonly dedupeTtlMs: number;
}

/** What `normalize` learns from the pipeline's earlier steps. */
export interface NormalizeContext {
  /** The request, for what the parsed payload lost (e.g. a JSON number's exact digits). */
  readonly request: RawRequest;
  /** The event's dedupe key (becomes `event.id`). */
  readonly id: string;
  /** False when report mode let an unverified request through. */
  readonly verified: boolean;
  /** The signed request time, when the provider signs one. */
  readonly signedAt: Date | undefined;
  /** When the pipeline received the request (by the `clock` option). */
  readonly receivedAt: Date;
}

/**
 * A provider adapter: turns one signed provider request into one {@link SmsEvent}.
 *
 * The pipeline calls, in order: `parse` (only what verification needs; no schema), `verify`,
 * `timestamp` (checked against the window), `dedupeKey` (claimed in the store), `normalize`
 * (schema-validated). Each throws a `WebhookError` for bad input.
 */
export interface Provider<Payload = unknown> {
  /** Stable name, used in events (`event.provider`) and dedupe keys. */
  readonly name: string;
  /** Window and dedupe TTL for this provider's retry behaviour. */
  readonly defaults: ProviderDefaults;
  /**
   * The routes `smsWebhook.router()` mounts, relative to where it is mounted. A route accepts
   * every event the provider sends there, telling them apart by their fields.
   */
  readonly routes: readonly ProviderRoute[];
  /** Reads the request into the payload; throws `payload_invalid`. Runs before verification. */
  parse(req: RawRequest): Payload;
  /**
   * Checks the signature against the raw bytes; throws `signature_*` / `secret_unknown`.
   * Answers `"unverified"` for a request it accepts without a signature because its options
   * say so (Vonage SMS `allowUnsigned`): the event then has `verified: false`.
   */
  verify(req: RawRequest, payload: Payload): VerifyResult | Promise<VerifyResult>;
  /** The signed time of this request, or `undefined` when the provider signs none. */
  timestamp(req: RawRequest, payload: Payload): Date | undefined;
  /** The idempotency key: equal for every delivery of one event, different across events. */
  dedupeKey(payload: Payload, req: RawRequest): string;
  /** Validates the payload (zod) and maps it to the common event; throws `payload_invalid`. */
  normalize(payload: Payload, context: NormalizeContext): SmsEvent;
  /** For a provider that sends one message as several requests: how to put it together. */
  readonly concat?: ConcatAssembler<Payload>;
  /** Said once, through the pipeline's logger, when a pipeline is built (risky settings). */
  readonly notices?: readonly string[];
}

/** What `verify` answers when it does not throw. */
export type VerifyResult = void | "unverified";

/** One part of a concatenated message. */
export interface MessagePart {
  /** The group: the same for every part of one message, different across senders and recipients. */
  readonly group: string;
  /** This part's number, 1-based. */
  readonly index: number;
  /** How many parts the message has. */
  readonly total: number;
  /** What to keep of this part until the others arrive (the provider reads it back). */
  readonly value: string;
}

/**
 * Reassembles a message the provider sends in parts (Vonage's concatenated SMS): each part is
 * acknowledged, and the handler runs once, with the whole message, when the last part lands.
 */
export interface ConcatAssembler<Payload> {
  /** How long an incomplete group waits for its missing parts, in ms. */
  readonly ttlMs: number;
  /** The part this request is, or `undefined` for a whole message. Throws `payload_invalid`. */
  partOf(payload: Payload, event: SmsEvent): MessagePart | undefined;
  /** The whole message from every part's `value`, in part order. */
  assemble(values: readonly string[], context: NormalizeContext): SmsEvent;
}

/** A path and the methods a provider sends to it. */
export interface ProviderRoute {
  /** Path relative to the router's mount point, e.g. `"/inbound"`. */
  readonly path: string;
  /** Lower-case methods, e.g. `["get", "post"]`. */
  readonly methods: readonly ("get" | "post")[];
}

/**
 * The `unknown` event for a validly signed payload a provider does not model (yet): its
 * provider event name and raw payload, at the signed time (or when it arrived).
 */
export function unknownEvent(
  provider: string,
  eventName: string,
  raw: unknown,
  context: NormalizeContext,
): UnknownEvent {
  return {
    type: "unknown",
    provider,
    id: context.id,
    verified: context.verified,
    raw,
    eventName,
    occurredAt: context.signedAt ?? context.receivedAt,
  };
}
