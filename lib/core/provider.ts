// lib/core/provider.ts — what a provider adapter is: a plain object the pipeline drives.

import type { SmsEvent } from "./events.js";
import type { RawRequest } from "./raw-request.js";

/** What a provider knows about its own traffic, used where the options say nothing. */
export interface ProviderDefaults {
  /** How far a signed timestamp may be from the clock, in seconds, either way. */
  readonly toleranceSec: number;
  /** How long a handled event is remembered: at least the provider's whole retry schedule. */
  readonly dedupeTtlMs: number;
}

/**
 * What `verify` learned: the time the provider signed (checked against the window), `undefined`
 * for a valid signature that covers no time, or `"unverified"` for a request the provider's
 * options accept unsigned (the event then has `verified: false`).
 */
export type Verification = Date | undefined | "unverified";

/** What `normalize` learns from the pipeline's earlier steps. */
export interface NormalizeContext {
  /** The request, for what the parsed payload lost (e.g. a JSON number's exact digits). */
  readonly request: RawRequest;
  /** The signed request time, when the provider signs one. */
  readonly signedAt: Date | undefined;
  /** When the pipeline received the request (by the `clock` option). */
  readonly receivedAt: Date;
}

/**
 * An event as a provider's `normalize` builds it: the pipeline adds `provider`, `id` (the
 * dedupe key), `verified` and `raw` (the payload), so no provider can get them wrong.
 */
// One Omit per kind of event (an Omit of the union would merge them and lose the narrowing).
export type EventFields = {
  [Type in SmsEvent["type"]]: Omit<Extract<SmsEvent, { type: Type }>, StampedField>;
}[SmsEvent["type"]];

/** The fields of one kind of event, as `normalize` builds it: `FieldsOf<MessageStatusEvent>`. */
export type FieldsOf<Event extends SmsEvent> = Omit<Event, StampedField>;

/** @inline */
type StampedField = "provider" | "id" | "verified" | "raw";

/**
 * A provider adapter: turns one signed provider request into one {@link SmsEvent}.
 *
 * The pipeline calls, in order: `parse` (only what the signature needs, if anything), `verify`
 * (its answer's signed time is checked against the window), `read` (the payload, now that it is
 * authentic), `dedupeKey` (claimed in the store) and `normalize` (schema-validated). Each throws
 * a `WebhookError` for bad input. `Signed` is what `parse` reads (`undefined`, the default, for
 * a provider without `parse`); `Payload` what `read` makes — or, without `read`, what `parse`
 * read, so omit `read` only when `Signed` is `Payload`.
 */
export interface Provider<Payload = unknown, Signed = undefined> {
  /** Stable name, used in events (`event.provider`) and dedupe keys. */
  readonly name: string;
  /** Window and dedupe TTL for this provider's retry behaviour. */
  readonly defaults: ProviderDefaults;
  /**
   * The routes `smsWebhook.router()` mounts, relative to where it is mounted. A route accepts
   * every event the provider sends there, telling them apart by their fields. Default `POST /`.
   */
  readonly routes?: readonly ProviderRoute[];
  /**
   * Reads what verification needs from the request, before the signature is checked: only
   * what the scheme signs (Vonage SMS: its parameters). Omit it when the signature covers the
   * raw body, so unauthenticated bytes reach no parser. Throws `payload_invalid`.
   */
  parse?(req: RawRequest): Signed;
  /**
   * Checks the signature against the raw bytes and says what it learned (see
   * {@link Verification}); throws `signature_*`, `secret_unknown` or `timestamp_missing`.
   */
  verify(req: RawRequest, signed: Signed): Verification | Promise<Verification>;
  /**
   * Reads the payload once the request is authentic (e.g. parses the JSON body); throws
   * `payload_invalid`. Omit it when `parse` already read the whole payload.
   */
  read?(req: RawRequest, signed: Signed): Payload;
  /**
   * For a signature that does not cover the whole request (Plivo V2 signs the URL and a nonce,
   * not the body): the nonce, and a fingerprint of what the signature leaves out. After a
   * successful verify the pipeline binds the nonce to the first fingerprint it came with, for
   * the dedupe TTL: the same nonce with another fingerprint is 401 `signature_reused`; with the
   * same one, the request goes on to dedupe. Answer `undefined` when the signature covers it all.
   * A provider with this hook needs a store that implements `NonceStore`.
   */
  singleUse?(signed: Signed, req: RawRequest): SingleUse | undefined;
  /** The idempotency key: equal for every delivery of one event, different across events. */
  dedupeKey(payload: Payload, req: RawRequest): string;
  /**
   * Validates the payload (zod) and maps it to the event's fields, in a new object each call
   * (the pipeline adds the common fields to it); throws `payload_invalid`.
   */
  normalize(payload: Payload, context: NormalizeContext): EventFields;
  /** For a provider that sends one message as several requests: how to put it together. */
  readonly concat?: ConcatAssembler<Payload>;
  /** Said once, through the pipeline's logger, when a pipeline is built (risky settings). */
  readonly notices?: readonly string[];
}

/** What {@link Provider.singleUse} answers: a nonce, and what it must keep coming with. */
export interface SingleUse {
  /** The nonce (kept apart per provider by the pipeline). */
  readonly key: string;
  /** A digest of what the signature does not cover (e.g. the hex SHA-256 of the raw body). */
  readonly fingerprint: string;
}

/** Where a part of a concatenated message belongs. */
export interface MessagePart {
  /** The group: the same for every part of one message, different across senders and recipients. */
  readonly group: string;
  /** This part's number, 1-based. */
  readonly index: number;
  /** How many parts the message has. */
  readonly total: number;
}

/**
 * Reassembles a message the provider sends in parts (Vonage's concatenated SMS): each part is
 * acknowledged and kept (its payload, as JSON, in the store's `parts`), and the handler runs
 * once, with the whole message, when the last part lands. The event's `id` is the group and
 * its `raw` every part's payload, in part order.
 */
export interface ConcatAssembler<Payload> {
  /** How long an incomplete group waits for its missing parts, in ms. */
  readonly ttlMs: number;
  /** The part this request is, or `undefined` for a whole message. Throws `payload_invalid`. */
  partOf(payload: Payload, event: EventFields): MessagePart | undefined;
  /** The whole message from every part's payload, in part order. */
  assemble(parts: readonly Payload[], context: NormalizeContext): EventFields;
}

/** A path and the methods a provider sends to it. */
export interface ProviderRoute {
  /** Path relative to the router's mount point, e.g. `"/inbound"`. */
  readonly path: string;
  /** Lower-case methods, e.g. `["get", "post"]`. */
  readonly methods: readonly ("get" | "post")[];
}

/** The routes of a provider that names none: `POST /`. */
export const defaultRoutes: readonly ProviderRoute[] = [{ path: "/", methods: ["post"] }];

/**
 * The fields of an `unknown` event, for a validly signed payload a provider does not model
 * (yet): its provider event name, at the signed time (or when it arrived).
 */
export function unknownEvent(eventName: string, context: NormalizeContext): EventFields {
  return {
    type: "unknown",
    eventName,
    occurredAt: context.signedAt ?? context.receivedAt,
  };
}
