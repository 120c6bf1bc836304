// lib/providers/telnyx/testing.ts — Telnyx: a test key pair, the test signer, sample payloads and CLI scenarios.

import { createPrivateKey, createPublicKey, randomBytes, randomUUID, sign } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { decodeBase64 } from "../../core/base64.js";
import { unixSeconds, type Scenario } from "../../testing/scenario.js";

// Keys. Telnyx never hands out its private key: tests sign with a key pair of their own and
// configure `telnyx({ publicKey })` with its public half.

/** An Ed25519 key pair for tests, each half base64 of its raw 32 bytes. */
export interface TelnyxKeyPair {
  /** What `telnyx({ publicKey })` takes, in Mission Control's format. */
  readonly publicKey: string;
  /** The private key's 32-byte seed: what {@link signTelnyx} and the CLI's `--secret` take. */
  readonly privateKey: string;
}

// PKCS#8 DER of an Ed25519 private key, up to its 32-byte seed (RFC 8410).
const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");

function privateKeyOf(seed: string): KeyObject {
  const raw = decodeBase64(seed, 32);
  if (raw === undefined) {
    throw new TypeError(
      "A Telnyx test private key must be base64 of a 32-byte Ed25519 seed (see telnyxKeyPair()).",
    );
  }
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, raw]), format: "der", type: "pkcs8" });
}

/**
 * A key pair for signing test traffic: from `seed` (base64 of 32 bytes; the same seed, the same
 * pair), or a fresh random one.
 */
export function telnyxKeyPair(seed: string = randomBytes(32).toString("base64")): TelnyxKeyPair {
  const jwk = createPublicKey(privateKeyOf(seed)).export({ format: "jwk" });
  return { publicKey: Buffer.from(jwk.x ?? "", "base64url").toString("base64"), privateKey: seed };
}

// Signing, exactly as the provider does.

/**
 * Headers for a request signed as Telnyx signs it. A type alias, not an interface, so it passes
 * where `Record<string, string>` is wanted (fetch, supertest).
 */
export type TelnyxHeaders = {
  "Content-Type": "application/json";
  "telnyx-signature-ed25519": string;
  "telnyx-timestamp": string;
};

/**
 * Signs `body` as Telnyx does: `telnyx-signature-ed25519` = base64 Ed25519 signature over
 * `` `${telnyx-timestamp}|` `` followed by the body's bytes. Send `body` byte for byte as signed.
 *
 * @param privateKey - a {@link TelnyxKeyPair}'s `privateKey` (base64 of the 32-byte seed).
 * @param timestampSec - unix seconds; default now.
 */
export function signTelnyx(
  body: string | Buffer,
  privateKey: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): TelnyxHeaders {
  const timestamp = String(timestampSec);
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.from(body)]);
  return {
    "Content-Type": "application/json",
    "telnyx-signature-ed25519": sign(null, signed, privateKeyOf(privateKey)).toString("base64"),
    "telnyx-timestamp": timestamp,
  };
}

// Sample payloads, fresh ids each time, shaped as Telnyx's API reference and SDK types show them.

const profileId = "400174a5-0000-0000-0000-000000000000";
const telnyxNumber = "+13125550002";

function envelope(eventType: string, at: Date, payload: Record<string, unknown>, id?: string) {
  return JSON.stringify({
    data: {
      event_type: eventType,
      id: id ?? randomUUID(),
      occurred_at: at.toISOString().replace("Z", "+00:00"),
      payload,
      record_type: "event",
    },
    meta: { attempt: 1, delivered_to: "https://example.com/webhooks/telnyx" },
  });
}

/** Options for {@link telnyxInboundSample}. */
export interface TelnyxInboundSampleOptions {
  /** The sender. Default a US number. */
  from?: string;
  /** Attachments (an MMS): each one's URL and content type. */
  media?: readonly { url: string; contentType: string }[];
  /** The event's `data.id` (its dedupe key). Default a fresh UUID. */
  eventId?: string;
  /** When it arrived. Default now. */
  at?: Date;
}

/** A `message.received` webhook body: an inbound SMS (or, with `media`, MMS) to your number. */
export function telnyxInboundSample(text: string, options: TelnyxInboundSampleOptions = {}) {
  const at = options.at ?? new Date();
  const media = options.media ?? [];
  return envelope(
    "message.received",
    at,
    {
      cc: [],
      cost: null,
      direction: "inbound",
      encoding: "GSM-7",
      errors: [],
      from: {
        carrier: "T-Mobile USA",
        line_type: "Wireless",
        phone_number: options.from ?? "+13125550001",
      },
      id: randomUUID(),
      media: media.map(({ url, contentType }) => ({ content_type: contentType, url })),
      messaging_profile_id: profileId,
      parts: Math.max(1, Math.ceil(text.length / 153)),
      received_at: at.toISOString().replace("Z", "+00:00"),
      record_type: "message",
      text,
      to: [{ phone_number: telnyxNumber, status: "webhook_delivered" }],
      type: media.length > 0 ? "MMS" : "SMS",
    },
    options.eventId,
  );
}

/** Options for {@link telnyxStatusSample}. */
export interface TelnyxStatusSampleOptions {
  /** Each recipient and its `status`. Default one, `delivered` (`queued` for `message.sent`). */
  to?: readonly { phoneNumber: string; status: string }[];
  /** Errors, as Telnyx attaches them to a failed or unconfirmed delivery. */
  errors?: readonly { code: string; title: string; detail?: string }[];
  /** The message id (`data.payload.id`). Default a fresh UUID. */
  messageId?: string;
  /** The event's `data.id` (its dedupe key). Default a fresh UUID. */
  eventId?: string;
  /** When it happened. Default now. */
  at?: Date;
}

/** A `message.sent` or `message.finalized` webhook body for a message you sent. */
export function telnyxStatusSample(
  eventType: "message.sent" | "message.finalized",
  options: TelnyxStatusSampleOptions = {},
): string {
  const at = options.at ?? new Date();
  const finalized = eventType === "message.finalized";
  const to = options.to ?? [
    { phoneNumber: "+13125550001", status: finalized ? "delivered" : "queued" },
  ];
  return envelope(
    eventType,
    at,
    {
      completed_at: finalized ? at.toISOString().replace("Z", "+00:00") : null,
      cost: { amount: "0.0040", currency: "USD" },
      direction: "outbound",
      encoding: "GSM-7",
      errors: options.errors ?? [],
      from: { carrier: "Telnyx", line_type: "VoIP", phone_number: telnyxNumber },
      id: options.messageId ?? randomUUID(),
      messaging_profile_id: profileId,
      parts: 1,
      record_type: "message",
      text: "Your code is 1234",
      to: to.map(({ phoneNumber, status }) => ({
        carrier: "T-MOBILE USA, INC.",
        line_type: "Wireless",
        phone_number: phoneNumber,
        status,
      })),
      type: to.length > 1 ? "MMS" : "SMS",
    },
    options.eventId,
  );
}

// Scenarios for the CLI and the demo.

function telnyxScenario(description: string, sample: (at: Date) => string): Scenario {
  return {
    provider: "telnyx",
    description,
    path: "",
    event(at) {
      const body = sample(at);
      // A retry repeats the body (its data.id), signed with the time it is sent.
      return {
        sign: (privateKey, sentAt) => [
          {
            method: "POST",
            headers: signTelnyx(body, privateKey, unixSeconds(sentAt)),
            body,
          },
        ],
      };
    },
  };
}

/**
 * The Telnyx scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. Their
 * `--secret` is the private key of a test key pair ({@link telnyxKeyPair}) whose public key the
 * server is configured with.
 */
export const telnyxScenarios: Readonly<Record<string, Scenario>> = {
  "telnyx-received": telnyxScenario("an inbound SMS (message.received)", (at) =>
    telnyxInboundSample("Hi! Is the 3pm slot still free?", { at }),
  ),
  "telnyx-sent": telnyxScenario("your SMS is on its way (message.sent)", (at) =>
    telnyxStatusSample("message.sent", { at }),
  ),
  "telnyx-finalized": telnyxScenario("your SMS was delivered (message.finalized)", (at) =>
    telnyxStatusSample("message.finalized", { at }),
  ),
};
