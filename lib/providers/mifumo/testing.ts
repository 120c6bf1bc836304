// lib/providers/mifumo/testing.ts — Mifumo: the test signer, sample payloads and CLI scenarios.

import { createHmac, randomBytes } from "node:crypto";
import type { Scenario } from "../../testing/scenario.js";

// Signing, exactly as the provider does.

/** Headers for a request signed as Mifumo signs it. */
export type MifumoHeaders = {
  "Content-Type": "application/json";
  "X-Webhook-Signature": string;
};

/** Signs `body` as Mifumo does: `X-Webhook-Signature` = hex HMAC-SHA256(secret, body). */
export function signMifumo(body: string | Buffer, secret: string): MifumoHeaders {
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return { "Content-Type": "application/json", "X-Webhook-Signature": signature };
}

// Sample payloads, fresh ids each time.

/** Events the Mifumo sample builder knows. */
export type MifumoSampleEvent = "message.sent" | "message.delivered" | "message.failed";

/**
 * A Mifumo webhook body shaped as its integration guide shows (pretty-printed, cost as a JSON
 * number), for `messageId` and `recipient`, timestamped `at`.
 */
export function mifumoSample(
  event: MifumoSampleEvent,
  options: { messageId?: string; recipient?: string; at?: Date } = {},
): string {
  const messageId = options.messageId ?? `msg_${randomBytes(6).toString("hex")}`;
  const recipient = options.recipient ?? "+255123456789";
  const at = (options.at ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const fields: Record<MifumoSampleEvent, object> = {
    "message.sent": {
      recipients: [recipient, "+255987654321"],
      sender_id: "Taarifa-SMS",
      content: "Your order #1042 has shipped.",
      sent_at: at,
      cost: 10.0,
      currency: "TZS",
      provider: "beem_africa",
    },
    "message.delivered": {
      recipient,
      status: "delivered",
      delivered_at: at,
      provider_status: "DELIVRD",
      error_message: null,
    },
    "message.failed": {
      recipient,
      status: "failed",
      failed_at: at,
      error_code: "INVALID_NUMBER",
      error_message: "Invalid phone number format",
    },
  };
  const body = JSON.stringify(
    { event, message_id: messageId, ...fields[event], timestamp: at },
    null,
    2,
  );
  // JSON.stringify writes 10.0 as 10; Mifumo's examples write the float as Python does.
  return body.replace('"cost": 10,', '"cost": 10.0,');
}

// Scenarios for the CLI and the demo.

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

/** The Mifumo scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const mifumoScenarios: Readonly<Record<string, Scenario>> = {
  "mifumo-sent": mifumoScenario("message.sent", "a message went out to two recipients"),
  "mifumo-delivered": mifumoScenario("message.delivered", "a message reached a recipient"),
  "mifumo-failed": mifumoScenario("message.failed", "a message could not be delivered"),
};
