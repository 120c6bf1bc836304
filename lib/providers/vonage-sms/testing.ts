// lib/providers/vonage-sms/testing.ts — Vonage SMS API: the test signer, sample payloads and CLI scenarios.

import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { unixSeconds, type Scenario, type TrafficRequest } from "../../testing/scenario.js";

// Signing, exactly as the provider does.

/** The signature methods Vonage's dashboard offers. */
export type VonageSmsSignatureMethod =
  "md5hash" | "md5hmac" | "sha1hmac" | "sha256hmac" | "sha512hmac";

/** Options for {@link signVonageSms}. */
export interface VonageSmsSignOptions {
  /** The dashboard's signature method. Default `"md5hash"`. */
  method?: VonageSmsSignatureMethod;
  /** The signed `timestamp`, unix seconds. Default now. */
  timestampSec?: number;
  /** The signed `nonce`. Default a random UUID. */
  nonce?: string;
}

/**
 * Signs Vonage SMS webhook parameters as Vonage does: adds `timestamp` and `nonce`, then `sig`
 * over every parameter, keys sorted, `&key=value` with `&` and `=` in values made `_`. Send the
 * result as a query string, a form body or JSON.
 */
export function signVonageSms(
  params: Readonly<Record<string, string>>,
  secret: string,
  options: VonageSmsSignOptions = {},
): Record<string, string> {
  const {
    method = "md5hash",
    timestampSec = Math.floor(Date.now() / 1000),
    nonce = randomUUID(),
  } = options;
  const signed: Record<string, string> = { ...params, timestamp: String(timestampSec), nonce };
  delete signed["sig"];
  let base = "";
  for (const key of Object.keys(signed).sort()) {
    base += `&${key}=${signed[key]!.replace(/[&=]/g, "_")}`;
  }
  const sig =
    method === "md5hash"
      ? createHash("md5")
          .update(base + secret)
          .digest("hex")
      : createHmac(method.slice(0, -4), secret).update(base).digest("hex");
  return { ...signed, sig };
}

// Sample payloads, fresh ids each time.

const vonageMessageId = () => `0B0000${randomBytes(5).toString("hex").toUpperCase()}`;

// `2020-01-01 12:00:00`: Vonage's message-timestamp, UTC.
const vonageTime = (at: Date) => at.toISOString().slice(0, 19).replace("T", " ");

/**
 * A Vonage SMS delivery receipt's parameters (unsigned), as in Vonage's DLR guide, for a
 * message that reached `status` at `at`.
 */
export function vonageReceiptSample(
  options: { messageId?: string; status?: string; errCode?: string; at?: Date } = {},
): Record<string, string> {
  const at = options.at ?? new Date();
  const yymmddhhmm = at.toISOString().replace(/\D/g, "").slice(2, 12);
  return {
    msisdn: "447700900000",
    to: "AcmeInc",
    "network-code": "23410",
    messageId: options.messageId ?? vonageMessageId(),
    price: "0.03330000",
    status: options.status ?? "delivered",
    scts: yymmddhhmm,
    "err-code": options.errCode ?? "0",
    "api-key": "abcd1234",
    "message-timestamp": vonageTime(at),
  };
}

/**
 * A Vonage inbound SMS's parameters (unsigned): one request for a short `text`, or one per
 * 153-character part (`concat-*` fields set) for a long one, as Vonage sends them.
 */
export function vonageInboundSample(
  text: string,
  options: { from?: string; to?: string; at?: Date } = {},
): Record<string, string>[] {
  const base = {
    "api-key": "abcd1234",
    msisdn: options.from ?? "447700900001",
    to: options.to ?? "447700900000",
    type: "text",
    keyword: (text.split(/\s/)[0] ?? "").toUpperCase(),
    "message-timestamp": vonageTime(options.at ?? new Date()),
  };
  const chunks = text.length <= 160 ? [text] : (text.match(/[\s\S]{1,153}/g) ?? []);
  if (chunks.length === 1) return [{ ...base, messageId: vonageMessageId(), text }];
  const ref = String(randomBytes(1)[0]);
  return chunks.map((chunk, index) => ({
    ...base,
    messageId: vonageMessageId(),
    text: chunk,
    concat: "true",
    "concat-ref": ref,
    "concat-total": String(chunks.length),
    "concat-part": String(index + 1),
  }));
}

// Scenarios for the CLI and the demo.

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

const longText =
  "Hello from the clinic: your appointment on Tuesday the 14th at 10:30 is confirmed. " +
  "Please arrive ten minutes early and bring your insurance card and a list of current " +
  "medication. Reply STOP to opt out of reminders, or call us to reschedule.";

/** The Vonage SMS API scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const vonageSmsScenarios: Readonly<Record<string, Scenario>> = {
  "vonage-dlr": vonageSmsScenario("/status", "a delivery receipt (GET)", "GET", (at) => [
    vonageReceiptSample({ at }),
  ]),
  "vonage-inbound": vonageSmsScenario("/inbound", "an inbound SMS (POST form)", "POST", (at) =>
    vonageInboundSample("Hello, is this still available?", { at }),
  ),
  "vonage-inbound-long": vonageSmsScenario(
    "/inbound",
    "a 2-part concatenated SMS (POST form)",
    "POST",
    (at) => vonageInboundSample(longText, { at }),
  ),
};
