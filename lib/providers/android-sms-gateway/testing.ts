// lib/providers/android-sms-gateway/testing.ts — SMS Gateway for Android: the test signer, sample payloads and CLI scenarios.

import { createHmac, randomBytes } from "node:crypto";
import { unixSeconds, type Scenario } from "../../testing/scenario.js";

// Signing, exactly as the provider does.

/**
 * Headers for a request signed as SMS Gateway for Android signs it. A type alias, not an
 * interface, so it passes where `Record<string, string>` is wanted (fetch, supertest).
 */
export type AndroidSmsGatewayHeaders = {
  "Content-Type": "application/json";
  "X-Signature": string;
  "X-Timestamp": string;
};

/**
 * Signs `body` as SMS Gateway for Android does: `X-Signature` = hex HMAC-SHA256(key, body +
 * X-Timestamp). Send `body` byte for byte as signed.
 *
 * @param timestampSec - unix seconds; default now. The app re-signs every retry with a fresh one.
 */
export function signAndroidSmsGateway(
  body: string | Buffer,
  key: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): AndroidSmsGatewayHeaders {
  const timestamp = String(timestampSec);
  const signature = createHmac("sha256", key).update(body).update(timestamp).digest("hex");
  return { "Content-Type": "application/json", "X-Signature": signature, "X-Timestamp": timestamp };
}

// Sample payloads, fresh ids each time.

/** Events the SMS Gateway for Android sample builder knows. */
export type AndroidSampleEvent =
  "sms:received" | "sms:sent" | "sms:delivered" | "sms:failed" | "system:ping";

const nanoId = () => randomBytes(16).toString("base64url").slice(0, 21);

// Shapes follow the app's payload classes (modules/webhooks/payload/*.kt); times carry the
// phone's offset, as the app writes them.
function androidPayload(event: AndroidSampleEvent, at: string): Record<string, unknown> {
  const outbound = {
    messageId: "PyDmBQZZXYmyxMwED8Fzy",
    recipient: "+15551234567",
    simNumber: 1,
    phoneNumber: "+15551234567",
  };
  switch (event) {
    case "sms:received":
      return {
        messageId: "a1b2c3d4",
        message: "Hi! Is the 3pm delivery slot still free? 📦",
        sender: "+15557654321",
        recipient: "+15551230000",
        simNumber: 1,
        phoneNumber: "+15557654321",
        receivedAt: at,
      };
    case "sms:sent":
      return { ...outbound, partsCount: 1, sentAt: at };
    case "sms:delivered":
      return { ...outbound, deliveredAt: at };
    case "sms:failed":
      return { ...outbound, failedAt: at, reason: "RESULT_ERROR_NO_SERVICE" };
    case "system:ping":
      return {
        health: {
          version: "1.68.0",
          releaseId: 68000,
          status: "pass",
          checks: {
            "battery:level": {
              status: "pass",
              observedValue: 87,
              observedUnit: "percent",
              description: "Battery level in percent",
            },
          },
        },
      };
  }
}

/**
 * An SMS Gateway for Android webhook body, as the app sends it: compact JSON, a fresh envelope
 * `id`, the device's local time with its offset.
 */
export function androidSmsGatewaySample(
  event: AndroidSampleEvent,
  options: { id?: string; at?: Date } = {},
): string {
  const at = deviceTime(options.at ?? new Date(), 3 * 60);
  return JSON.stringify({
    id: options.id ?? nanoId(),
    webhookId: "LreFUt-Z3sSq0JufY9uWB",
    event,
    deviceId: "ffffffffceb0b1db0000018e937c815b",
    payload: androidPayload(event, at),
  });
}

// `2024-06-22T15:46:11.000+03:00` for a phone `offsetMin` east of UTC.
function deviceTime(at: Date, offsetMin: number): string {
  const local = new Date(at.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

// Scenarios for the CLI and the demo.

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

/** The SMS Gateway for Android scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const androidSmsGatewayScenarios: Readonly<Record<string, Scenario>> = {
  "android-received": androidScenario("sms:received", "an SMS arrived on the phone"),
  "android-sent": androidScenario("sms:sent", "the phone sent an SMS"),
  "android-delivered": androidScenario("sms:delivered", "an SMS the phone sent was delivered"),
  "android-failed": androidScenario("sms:failed", "an SMS the phone sent failed"),
  "android-ping": androidScenario("system:ping", "the phone's health ping"),
};
