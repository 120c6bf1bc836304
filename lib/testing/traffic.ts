// lib/testing/traffic.ts — every provider's named events, and a client that fires them.

import { androidSmsGatewayScenarios } from "../providers/android-sms-gateway/testing.js";
import { birdScenarios } from "../providers/bird/testing.js";
import { messageBirdScenarios } from "../providers/messagebird/testing.js";
import { mifumoScenarios } from "../providers/mifumo/testing.js";
import { plivoScenarios } from "../providers/plivo/testing.js";
import { sinchScenarios } from "../providers/sinch/testing.js";
import { telnyxScenarios } from "../providers/telnyx/testing.js";
import { twilioScenarios } from "../providers/twilio/testing.js";
import { vonageMessagesScenarios } from "../providers/vonage-messages/testing.js";
import { vonageSmsScenarios } from "../providers/vonage-sms/testing.js";
import type { Scenario, TrafficRequest } from "./scenario.js";

/** Every scenario the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  ...androidSmsGatewayScenarios,
  ...mifumoScenarios,
  ...vonageSmsScenarios,
  ...vonageMessagesScenarios,
  ...twilioScenarios,
  ...sinchScenarios,
  ...telnyxScenarios,
  ...birdScenarios,
  ...messageBirdScenarios,
  ...plivoScenarios,
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
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}
