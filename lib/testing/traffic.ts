// lib/testing/traffic.ts — named, signed sample requests, and a small client to fire them.

import {
  androidSmsGatewaySample,
  mifumoSample,
  type AndroidSampleEvent,
  type MifumoSampleEvent,
} from "./samples.js";
import { signAndroidSmsGateway, signMifumo } from "./signers.js";

/** One request, ready to send. */
export interface TrafficRequest {
  readonly method: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Appended to the URL as `?query` (GET-style providers). */
  readonly query?: string;
}

/** A named kind of request a provider sends. */
export interface Scenario {
  readonly provider: string;
  readonly description: string;
  /** A fresh event body (new ids) for an event that happened at `at`, unsigned. */
  body(at: Date): string;
  /** Signs `body` as the provider would when sending it at `now`. */
  sign(body: string, secret: string, now: Date): TrafficRequest;
}

function androidScenario(event: AndroidSampleEvent, description: string): Scenario {
  return {
    provider: "android-sms-gateway",
    description,
    body: (at) => androidSmsGatewaySample(event, { at }),
    sign: (body, secret, now) => ({
      method: "POST",
      headers: { ...signAndroidSmsGateway(body, secret, Math.floor(now.getTime() / 1000)) },
      body,
    }),
  };
}

function mifumoScenario(event: MifumoSampleEvent, description: string): Scenario {
  return {
    provider: "mifumo",
    description,
    body: (at) => mifumoSample(event, { at }),
    sign: (body, secret) => ({ method: "POST", headers: { ...signMifumo(body, secret) }, body }),
  };
}

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
