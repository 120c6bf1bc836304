// lib/providers/bird/testing.ts — Bird: the test signer, sample payloads and CLI scenarios.

import { createHash, createHmac, randomUUID } from "node:crypto";
import { unixSeconds, type Scenario } from "../../testing/scenario.js";

// Signing, exactly as Bird does.

/** The headers Bird sends with a signed webhook. */
export interface BirdHeaders {
  "Content-Type": "application/json";
  "messagebird-signature": string;
  "messagebird-request-timestamp": string;
}

/**
 * Signs a Bird webhook as Bird does (docs.bird.com, "Verifying a webhook"):
 * `messagebird-signature` = base64 HMAC-SHA256(signing key, timestamp + `\n` + `url` + `\n` +
 * the body's SHA-256 as 32 raw bytes), `messagebird-request-timestamp` = unix seconds. `url`
 * is the exact URL Bird calls (the subscription's `url`).
 */
export function signBird(
  url: string,
  body: string | Buffer,
  signingKey: string,
  timestampSec: number = unixSeconds(new Date()),
): BirdHeaders {
  const bodyHash = createHash("sha256").update(body).digest();
  const signature = createHmac("sha256", signingKey)
    .update(`${timestampSec}\n${url}\n`)
    .update(bodyHash)
    .digest("base64");
  return {
    "Content-Type": "application/json",
    "messagebird-signature": signature,
    "messagebird-request-timestamp": String(timestampSec),
  };
}

// Sample payloads, fresh ids each time.

const channelId = "9a8b7c6d-0000-4000-8000-000000000001";

/** Options for {@link birdInboundSample}. */
export interface BirdInboundSampleOptions {
  /** The sender. Default a Dutch mobile number. */
  from?: string;
  /** Your channel's number. */
  to?: string;
  /** The message id. Default a fresh UUID. */
  messageId?: string;
  /** When Bird received it. Default now. */
  at?: Date;
}

/** An `sms.inbound` event as Bird posts it (providers-more.md §5, B1). */
export function birdInboundSample(text: string, options: BirdInboundSampleOptions = {}): string {
  const at = (options.at ?? new Date()).toISOString();
  return JSON.stringify({
    service: "channels",
    event: "sms.inbound",
    payload: {
      id: options.messageId ?? randomUUID(),
      channelId,
      sender: {
        contact: { identifierKey: "phonenumber", identifierValue: options.from ?? "+31612345678" },
      },
      receiver: { connector: { identifierValue: options.to ?? "+31970102030" } },
      body: { type: "text", text: { text } },
      direction: "incoming",
      status: "delivered",
      createdAt: at,
      updatedAt: at,
    },
  });
}

/** Options for {@link birdStatusSample}. */
export interface BirdStatusSampleOptions {
  /** The message id. Default a fresh UUID. */
  messageId?: string;
  /** The recipient of your message. */
  to?: string;
  /** Your reference, sent with the message. */
  reference?: string;
  /** When the status changed. Default now. */
  at?: Date;
}

/**
 * An `sms.outbound` lifecycle event for a message you sent (`accepted`, `sent`, `delivered`,
 * `delivery_failed`…); a failed one carries Bird's `reason`.
 */
export function birdStatusSample(status: string, options: BirdStatusSampleOptions = {}): string {
  const at = (options.at ?? new Date()).toISOString();
  const failed = status === "sending_failed" || status === "delivery_failed";
  return JSON.stringify({
    service: "channels",
    event: "sms.outbound",
    payload: {
      id: options.messageId ?? randomUUID(),
      channelId,
      sender: { connector: { identifierValue: "+31970102030" } },
      receiver: {
        contacts: [{ identifierKey: "phonenumber", identifierValue: options.to ?? "+31612345678" }],
      },
      body: { type: "text", text: { text: "Your code is 1234" } },
      direction: "outgoing",
      status,
      ...(failed ? { reason: "Unknown subscriber" } : {}),
      ...(options.reference === undefined ? {} : { reference: options.reference }),
      createdAt: at,
      updatedAt: at,
    },
  });
}

// Scenarios for the CLI and the demo.

function birdScenario(description: string, sample: (at: Date) => string): Scenario {
  return {
    provider: "bird",
    description,
    path: "",
    event(at) {
      const body = sample(at);
      // Bird signs the URL it calls and the time of each attempt.
      return {
        sign: (signingKey, sentAt, url) => [
          {
            method: "POST",
            headers: { ...signBird(url, body, signingKey, unixSeconds(sentAt)) },
            body,
          },
        ],
      };
    },
  };
}

/** The Bird scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const birdScenarios: Readonly<Record<string, Scenario>> = {
  "bird-inbound": birdScenario("an sms.inbound message", (at) =>
    birdInboundSample("Hoi! Is my order on its way?", { at }),
  ),
  "bird-status": birdScenario("an sms.outbound status: delivered", (at) =>
    birdStatusSample("delivered", { at }),
  ),
};
