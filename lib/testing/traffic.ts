// lib/testing/traffic.ts — named provider events that sign (and re-sign) themselves, and a client.

import {
  androidSmsGatewaySample,
  mifumoSample,
  vonageInboundSample,
  vonageMessagesInboundSample,
  vonageMessagesStatusSample,
  vonageReceiptSample,
  type AndroidSampleEvent,
  type MifumoSampleEvent,
} from "./samples.js";
import { signAndroidSmsGateway, signMifumo, signVonageMessages, signVonageSms } from "./signers.js";

/** One request, ready to send. */
export interface TrafficRequest {
  readonly method: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Appended to the URL as `?query` (GET-style providers). */
  readonly query?: string;
}

/**
 * One event as the provider sends it: `sign` gives the request(s) of one delivery attempt (a
 * concatenated SMS is several); calling it again is the provider's retry of the same event.
 */
export interface TrafficEvent {
  sign(secret: string, sentAt: Date): TrafficRequest[] | Promise<TrafficRequest[]>;
}

/** A named kind of event a provider sends. */
export interface Scenario {
  readonly provider: string;
  readonly description: string;
  /** Where the provider sends it, relative to the provider's mount point (`"/status"`). */
  readonly path: string;
  /** A fresh event (new ids) that happened at `at`. */
  event(at: Date): TrafficEvent;
}

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

function androidScenario(event: AndroidSampleEvent, description: string): Scenario {
  return {
    provider: "android-sms-gateway",
    description,
    path: "",
    event(at) {
      const body = androidSmsGatewaySample(event, { at });
      // The app re-signs every attempt with a fresh X-Timestamp.
      return {
        sign: (secret, sentAt) => [
          {
            method: "POST",
            headers: { ...signAndroidSmsGateway(body, secret, unixSeconds(sentAt)) },
            body,
          },
        ],
      };
    },
  };
}

function mifumoScenario(event: MifumoSampleEvent, description: string): Scenario {
  return {
    provider: "mifumo",
    description,
    path: "",
    event(at) {
      const body = mifumoSample(event, { at });
      return {
        sign: (secret) => [{ method: "POST", headers: { ...signMifumo(body, secret) }, body }],
      };
    },
  };
}

function vonageSmsScenario(
  path: "/status" | "/inbound",
  description: string,
  transport: "GET" | "POST",
  sample: (at: Date) => Record<string, string>[],
): Scenario {
  return {
    provider: "vonage-sms",
    description,
    path,
    event(at) {
      const parts = sample(at);
      return {
        sign: (secret, sentAt) =>
          parts.map((params): TrafficRequest => {
            const query = new URLSearchParams(
              signVonageSms(params, secret, { timestampSec: unixSeconds(sentAt) }),
            ).toString();
            return transport === "GET"
              ? { method: "GET", headers: {}, query }
              : {
                  method: "POST",
                  headers: { "Content-Type": "application/x-www-form-urlencoded" },
                  body: query,
                };
          }),
      };
    },
  };
}

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

const longText =
  "Hello from the clinic: your appointment on Tuesday the 14th at 10:30 is confirmed. " +
  "Please arrive ten minutes early and bring your insurance card and a list of current " +
  "medication. Reply STOP to opt out of reminders, or call us to reschedule.";

/** Every scenario the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  "android-received": androidScenario("sms:received", "an SMS arrived on the phone"),
  "android-sent": androidScenario("sms:sent", "the phone sent an SMS"),
  "android-delivered": androidScenario("sms:delivered", "an SMS the phone sent was delivered"),
  "android-failed": androidScenario("sms:failed", "an SMS the phone sent failed"),
  "android-ping": androidScenario("system:ping", "the phone's health ping"),
  "mifumo-sent": mifumoScenario("message.sent", "a message went out to two recipients"),
  "mifumo-delivered": mifumoScenario("message.delivered", "a message reached a recipient"),
  "mifumo-failed": mifumoScenario("message.failed", "a message could not be delivered"),
  "vonage-dlr": vonageSmsScenario("/status", "a delivery receipt (GET)", "GET", (at) => [
    vonageReceiptSample({ at }),
  ]),
  "vonage-inbound": vonageSmsScenario("/inbound", "an inbound SMS (POST form)", "POST", (at) =>
    vonageInboundSample("Hello, is this still available?", { at }),
  ),
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
  "vonage-inbound-long": vonageSmsScenario(
    "/inbound",
    "a 2-part concatenated SMS (POST form)",
    "POST",
    (at) => vonageInboundSample(longText, { at }),
  ),
};

/** What the server answered. */
export interface TrafficResponse {
  readonly status: number;
  readonly body: string;
}

/** Sends `request` to `url` (with its query appended) and reads the answer. */
export async function fire(url: string, request: TrafficRequest): Promise<TrafficResponse> {
  const target = request.query === undefined ? url : `${url}?${request.query}`;
  const response = await fetch(target, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}
