// lib/providers/twilio/testing.ts — Twilio: the test signer, sample payloads and CLI scenarios.

import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Scenario } from "../../testing/scenario.js";

// Signing, exactly as Twilio does.

/**
 * `X-Twilio-Signature` for a request Twilio sends to `url` with form `params`: base64
 * HMAC-SHA1(Auth Token, url + every `key + value`, keys sorted; a repeated key's values
 * de-duplicated and sorted). For a GET the parameters are in `url`: pass `{}`. `url` is the
 * exact URL Twilio calls, query included.
 */
export function signTwilio(
  url: string,
  params: Readonly<Record<string, string | readonly string[]>>,
  authToken: string,
): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key] ?? "";
    const values = typeof value === "string" ? [value] : [...new Set(value)].sort();
    for (const one of values) data += key + one;
  }
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/**
 * A JSON webhook as Twilio signs it: `bodySHA256` (hex SHA-256 of `body`) added to `url`'s
 * query, and the signature over that URL with no parameters. Send `body` to the returned `url`.
 */
export function signTwilioJson(
  url: string,
  body: string,
  authToken: string,
): { url: string; signature: string } {
  const hash = createHash("sha256").update(body, "utf8").digest("hex");
  const signedUrl = `${url}${url.includes("?") ? "&" : "?"}bodySHA256=${hash}`;
  return { url: signedUrl, signature: signTwilio(signedUrl, {}, authToken) };
}

// Sample payloads, fresh ids each time.

const hex32 = () => randomBytes(16).toString("hex");
const accountSid = "AC0123456789abcdef0123456789abcdef";

/** Options for {@link twilioInboundSample}. */
export interface TwilioInboundSampleOptions {
  /** The sender. Default a US number; `whatsapp:+1…` for WhatsApp. */
  from?: string;
  /** Your Twilio number. */
  to?: string;
  /** Attachments (an MMS): each one's URL and content type. */
  media?: readonly { url: string; contentType: string }[];
  /** The message sid. Default a fresh one (`MM…` with media, else `SM…`). */
  messageSid?: string;
}

/**
 * An inbound SMS (or, with `media`, MMS) as Twilio posts it to your number's webhook:
 * every parameter a string, geographic fields included (providers-more.md §1, W1).
 */
export function twilioInboundSample(
  text: string,
  options: TwilioInboundSampleOptions = {},
): Record<string, string> {
  const media = options.media ?? [];
  const sid = options.messageSid ?? `${media.length > 0 ? "MM" : "SM"}${hex32()}`;
  const params: Record<string, string> = {
    ToCountry: "US",
    ToState: "CA",
    SmsMessageSid: sid,
    NumMedia: String(media.length),
    ToCity: "",
    FromZip: "94105",
    SmsSid: sid,
    FromState: "CA",
    SmsStatus: "received",
    FromCity: "SAN FRANCISCO",
    Body: text,
    FromCountry: "US",
    To: options.to ?? "+15005550006",
    MessagingServiceSid: "MG0123456789abcdef0123456789abcdef",
    ToZip: "",
    NumSegments: String(Math.max(1, Math.ceil(text.length / 153))),
    MessageSid: sid,
    AccountSid: accountSid,
    From: options.from ?? "+14155550100",
    ApiVersion: "2010-04-01",
  };
  media.forEach((item, index) => {
    params[`MediaContentType${index}`] = item.contentType;
    params[`MediaUrl${index}`] = item.url;
  });
  return params;
}

/** Options for {@link twilioStatusSample}. */
export interface TwilioStatusSampleOptions {
  /** Twilio's `MessageStatus`. Default `"delivered"`. */
  status?: string;
  /** `ErrorCode`, as Twilio adds it to `failed` and `undelivered`. */
  errorCode?: string;
  /** The message sid. Default a fresh one. */
  messageSid?: string;
  /** The recipient of your message. */
  to?: string;
}

/** A status callback for a message you sent, as Twilio posts it (providers-more.md §1, W2). */
export function twilioStatusSample(
  options: TwilioStatusSampleOptions = {},
): Record<string, string> {
  const sid = options.messageSid ?? `SM${hex32()}`;
  const status = options.status ?? "delivered";
  return {
    AccountSid: accountSid,
    ApiVersion: "2010-04-01",
    From: "+15005550006",
    MessageSid: sid,
    MessageStatus: status,
    SmsSid: sid,
    SmsStatus: status,
    To: options.to ?? "+14155550100",
    ...(options.errorCode === undefined ? {} : { ErrorCode: options.errorCode }),
    ...(status === "delivered" ? { RawDlrDoneDate: "2501011200" } : {}),
  };
}

// Scenarios for the CLI and the demo.

function twilioScenario(
  path: "/inbound" | "/status",
  description: string,
  sample: () => Record<string, string>,
): Scenario {
  return {
    provider: "twilio",
    description,
    path,
    event() {
      const params = sample();
      const body = new URLSearchParams(params).toString();
      // Twilio signs the exact URL it calls, so the signature depends on where it is sent.
      return {
        sign: (authToken, _sentAt, url) => [
          {
            method: "POST",
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              "X-Twilio-Signature": signTwilio(url, params, authToken),
            },
            body,
          },
        ],
      };
    },
  };
}

/** The Twilio scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const twilioScenarios: Readonly<Record<string, Scenario>> = {
  "twilio-inbound": twilioScenario("/inbound", "an inbound SMS (POST form)", () =>
    twilioInboundSample("Hi! Is the 3pm slot still free?"),
  ),
  "twilio-status": twilioScenario("/status", "a status callback: delivered (POST form)", () =>
    twilioStatusSample(),
  ),
};
