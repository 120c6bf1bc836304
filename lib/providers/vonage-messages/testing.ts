// lib/providers/vonage-messages/testing.ts — Vonage Messages API: the test signer, sample payloads and CLI scenarios.

import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { unixSeconds, type Scenario } from "../../testing/scenario.js";

// Signing, exactly as the provider does.

/** Options for {@link signVonageMessages}. */
export interface VonageMessagesSignOptions {
  /** The `api_key` claim (which secret signed it). Default `"a1b2c3d"`. */
  apiKey?: string;
  /** The `application_id` claim, when the message belongs to an application. */
  applicationId?: string;
  /** The `iat` claim, unix seconds. Default now. */
  issuedAtSec?: number;
}

/**
 * Signs a Messages API webhook body as Vonage does: `Authorization: Bearer <JWT>`, HS256 with
 * the signature secret, claims `iat`, `jti`, `iss: "Vonage"`, `payload_hash` (hex SHA-256 of
 * the body), `api_key` and `application_id`.
 */
export async function signVonageMessages(
  body: string | Buffer,
  secret: string,
  options: VonageMessagesSignOptions = {},
): Promise<{ "Content-Type": "application/json"; Authorization: string }> {
  const token = await new SignJWT({
    payload_hash: createHash("sha256").update(body).digest("hex"),
    api_key: options.apiKey ?? "a1b2c3d",
    ...(options.applicationId === undefined ? {} : { application_id: options.applicationId }),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(options.issuedAtSec ?? Math.floor(Date.now() / 1000))
    .setJti(randomUUID())
    .setIssuer("Vonage")
    .sign(Buffer.from(secret, "utf8"));
  return { "Content-Type": "application/json", Authorization: `Bearer ${token}` };
}

// Sample payloads, fresh ids each time.

/** A Messages API inbound SMS body, as Vonage's API reference shows it. */
export function vonageMessagesInboundSample(
  text: string,
  options: { from?: string; to?: string; at?: Date } = {},
): string {
  return JSON.stringify({
    channel: "sms",
    message_uuid: randomUUID(),
    to: options.to ?? "447700900000",
    from: options.from ?? "447700900001",
    timestamp: (options.at ?? new Date()).toISOString(),
    text,
    sms: {
      num_messages: String(Math.max(1, Math.ceil(text.length / 153))),
      keyword: (text.split(/\s/)[0] ?? "").toUpperCase(),
    },
    usage: { currency: "EUR", price: "0.0057" },
    message_type: "text",
  });
}

/** A Messages API status body for an SMS you sent (`submitted`, `delivered`, `rejected`…). */
export function vonageMessagesStatusSample(
  status: string,
  options: { messageUuid?: string; at?: Date } = {},
): string {
  return JSON.stringify({
    message_uuid: options.messageUuid ?? randomUUID(),
    to: "447700900000",
    from: "AcmeInc",
    timestamp: (options.at ?? new Date()).toISOString(),
    status,
    usage: { currency: "EUR", price: "0.0333" },
    channel: "sms",
    destination: { network_code: "23410" },
    sms: { count_total: "1" },
    ...(status === "rejected"
      ? {
          error: {
            type: "https://developer.vonage.com/api-errors/messages#1320",
            title: "1320",
            detail: "Message already sent",
          },
        }
      : {}),
  });
}

// Scenarios for the CLI and the demo.

function vonageMessagesScenario(
  path: "/status" | "/inbound",
  description: string,
  sample: (at: Date) => string,
): Scenario {
  return {
    provider: "vonage-messages",
    description,
    path,
    event(at) {
      const body = sample(at);
      // Each attempt gets its own token (fresh iat and jti).
      return {
        sign: async (secret, sentAt) => [
          {
            method: "POST",
            headers: {
              ...(await signVonageMessages(body, secret, { issuedAtSec: unixSeconds(sentAt) })),
            },
            body,
          },
        ],
      };
    },
  };
}

/** The Vonage Messages API scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const vonageMessagesScenarios: Readonly<Record<string, Scenario>> = {
  "vonage-messages-inbound": vonageMessagesScenario(
    "/inbound",
    "a Messages API inbound SMS",
    (at) => vonageMessagesInboundSample("Can I change my delivery address?", { at }),
  ),
  "vonage-messages-status": vonageMessagesScenario(
    "/status",
    "a Messages API status (delivered)",
    (at) => vonageMessagesStatusSample("delivered", { at }),
  ),
};
