// lib/providers/sinch/testing.ts — Sinch: the test signer, sample payloads and CLI scenarios.

import { createHmac, randomBytes } from "node:crypto";
import { unixSeconds, type Scenario } from "../../testing/scenario.js";

// Signing, exactly as Sinch does.

/**
 * Headers for a callback signed as Sinch signs it. A type alias, not an interface, so it passes
 * where `Record<string, string>` is wanted (fetch, supertest).
 */
export type SinchHeaders = {
  "Content-Type": "application/json";
  "x-sinch-webhook-signature": string;
  "x-sinch-webhook-signature-nonce": string;
  "x-sinch-webhook-signature-timestamp": string;
  "x-sinch-webhook-signature-algorithm": "HmacSHA256" | "HmacSHA512";
};

/** Options for {@link signSinch}. */
export interface SinchSignOptions {
  /** Unix seconds; default now. */
  timestampSec?: number;
  /** Default a fresh one, as Sinch sends with every request. */
  nonce?: string;
  /** Default `"HmacSHA256"`, what Sinch sends. */
  algorithm?: "HmacSHA256" | "HmacSHA512";
}

/**
 * Signs `body` as Sinch does: `x-sinch-webhook-signature` = base64 HMAC(secret, body + `.` +
 * nonce + `.` + timestamp). Send `body` byte for byte as signed.
 */
export function signSinch(
  body: string | Buffer,
  secret: string,
  options: SinchSignOptions = {},
): SinchHeaders {
  const timestamp = String(options.timestampSec ?? unixSeconds(new Date()));
  const nonce = options.nonce ?? ulid();
  const algorithm = options.algorithm ?? "HmacSHA256";
  const signature = createHmac(algorithm === "HmacSHA512" ? "sha512" : "sha256", secret)
    .update(body)
    .update(`.${nonce}.${timestamp}`)
    .digest("base64");
  return {
    "Content-Type": "application/json",
    "x-sinch-webhook-signature": signature,
    "x-sinch-webhook-signature-nonce": nonce,
    "x-sinch-webhook-signature-timestamp": timestamp,
    "x-sinch-webhook-signature-algorithm": algorithm,
  };
}

// Sample payloads, fresh ids each time.

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// A ULID-shaped id (26 Crockford base32 characters), as Sinch writes its ids and nonces.
function ulid(): string {
  return [...randomBytes(26)].map((byte) => crockford[byte % 32]).join("");
}

/** Options for {@link sinchInboundSample}. */
export interface SinchInboundSampleOptions {
  /** The sender (an MSISDN, no `+`, as Sinch writes it). */
  from?: string;
  /** Your Sinch number or short code. */
  to?: string;
  /** The inbound message's id. Default a fresh one. */
  id?: string;
  /** When Sinch received it. Default now. */
  at?: Date;
}

/** An inbound SMS (`mo_text`) as Sinch posts it: compact JSON (providers-more.md §4, S3). */
export function sinchInboundSample(text: string, options: SinchInboundSampleOptions = {}): string {
  return JSON.stringify({
    body: text,
    from: options.from ?? "46700000001",
    id: options.id ?? ulid(),
    operator_id: "24001",
    received_at: (options.at ?? new Date()).toISOString(),
    to: options.to ?? "12345",
    type: "mo_text",
  });
}

/** Options for {@link sinchDeliveryReportSample}. */
export interface SinchDeliveryReportSampleOptions {
  /** Sinch's status word. Default `"Delivered"`. */
  status?: string;
  /** The detailed code: 0 when delivered, e.g. 402 for an unroutable message. Default 0. */
  code?: number;
  /** The batch id. Default a fresh one. */
  batchId?: string;
  /** The recipient. */
  recipient?: string;
  /** When Sinch made the report; the operator's time is a second earlier. Default now. */
  at?: Date;
}

/**
 * A per-recipient delivery report (`recipient_delivery_report_sms`) as Sinch posts it for a
 * batch sent with `delivery_report: "per_recipient"` (providers-more.md §4, S2).
 */
export function sinchDeliveryReportSample(options: SinchDeliveryReportSampleOptions = {}): string {
  const at = options.at ?? new Date();
  return JSON.stringify({
    at: at.toISOString(),
    batch_id: options.batchId ?? ulid(),
    client_reference: "order-42",
    code: options.code ?? 0,
    operator_status_at: new Date(at.getTime() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    recipient: options.recipient ?? "46700000001",
    status: options.status ?? "Delivered",
    type: "recipient_delivery_report_sms",
  });
}

// Scenarios for the CLI and the demo.

function sinchScenario(description: string, sample: (at: Date) => string): Scenario {
  return {
    provider: "sinch",
    description,
    path: "",
    event(at) {
      const body = sample(at);
      // An attempt is signed when it is sent, with a fresh nonce (whether Sinch re-signs its
      // retries is not published; the default window takes them either way).
      return {
        sign: (secret, sentAt) => [
          {
            method: "POST",
            headers: { ...signSinch(body, secret, { timestampSec: unixSeconds(sentAt) }) },
            body,
          },
        ],
      };
    },
  };
}

/** The Sinch scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const sinchScenarios: Readonly<Record<string, Scenario>> = {
  "sinch-inbound": sinchScenario("an inbound SMS (mo_text)", (at) =>
    sinchInboundSample("Hi! Is the 3pm slot still free?", { at }),
  ),
  "sinch-delivered": sinchScenario("a delivery report: Delivered", (at) =>
    sinchDeliveryReportSample({ at }),
  ),
  "sinch-failed": sinchScenario("a delivery report: Aborted (code 402)", (at) =>
    sinchDeliveryReportSample({ status: "Aborted", code: 402, at }),
  ),
};
