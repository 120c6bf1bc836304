// lib/providers/plivo/testing.ts — Plivo: the test signers, sample payloads and CLI scenarios.

import { createHmac, randomInt, randomUUID } from "node:crypto";
import type { Scenario, TrafficRequest } from "../../testing/scenario.js";

// Signing, exactly as Plivo does (plivo-node 4.79.0, providers-more.md §3).

/**
 * Form parameters, a repeated key as an array.
 * @inline
 */
type Params = Readonly<Record<string, string | readonly string[]>>;

const hmac = (authToken: string, data: string) =>
  createHmac("sha256", authToken).update(data, "utf8").digest("base64");

function sortedPairs(params: Params): [string, string][] {
  return Object.keys(params)
    .sort()
    .flatMap((key) => {
      const value = params[key] ?? "";
      return [...(typeof value === "string" ? [value] : value)].sort().map((one) => [key, one]);
    }) as [string, string][];
}

/**
 * `X-Plivo-Signature-V3` for a request Plivo sends to `url` (the exact URL it calls, query
 * included) with form `params` (a POST's; for a GET the parameters are in `url`: pass `{}`):
 * base64 HMAC-SHA256(Auth Token, URL without query + `?` + sorted query `k=v&…` + `.` + sorted
 * `key + value` + `.` + nonce), text as UTF-8 once.
 */
export function signPlivoV3(
  method: "GET" | "POST",
  url: string,
  params: Params,
  nonce: string,
  authToken: string,
): string {
  const [withoutQuery = url, query = ""] = url.split("#")[0]!.split(/\?(.*)/s);
  const base = withoutQuery.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
  const fromQuery: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) (fromQuery[key] ??= []).push(value);
  const queryString = sortedPairs(fromQuery)
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  let data: string;
  if (method === "GET" || Object.keys(params).length === 0) {
    data = queryString === "" ? base : `${base}?${queryString}`;
  } else {
    const form = sortedPairs(params)
      .map(([key, value]) => key + value)
      .join("");
    data = `${base}?${queryString}${queryString === "" ? "" : "."}${form}`;
  }
  return hmac(authToken, `${data}.${nonce}`);
}

/**
 * `X-Plivo-Signature-V2` for a request Plivo sends to `url`: base64 HMAC-SHA256(Auth Token, the
 * URL without its query + nonce). It covers no parameters: any body verifies with it.
 */
export function signPlivoV2(url: string, nonce: string, authToken: string): string {
  const withoutQuery = url.split(/[?#]/)[0]!;
  return hmac(authToken, withoutQuery.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1") + nonce);
}

/** A nonce as Plivo sends them: 20 digits. */
export function plivoNonce(): string {
  return Array.from({ length: 20 }, () => randomInt(10)).join("");
}

// Sample payloads, fresh ids each time.

/** Options for {@link plivoInboundSample}. */
export interface PlivoInboundSampleOptions {
  /** The sender. Default a US number, as Plivo writes it (digits, no `+`). */
  from?: string;
  /** Your Plivo number. */
  to?: string;
  /** Attachment URLs (an MMS: `Body`, `MediaCount`, `Media1…`). */
  media?: readonly string[];
  /** The message UUID. Default a fresh one. */
  messageUuid?: string;
}

/** An inbound SMS (or, with `media`, MMS) as Plivo posts it to your number's message URL (§3, P1). */
export function plivoInboundSample(
  text: string,
  options: PlivoInboundSampleOptions = {},
): Record<string, string> {
  const media = options.media ?? [];
  const params: Record<string, string> = {
    From: options.from ?? "14155550100",
    To: options.to ?? "14155550199",
    ...(media.length === 0 ? { Text: text, Type: "sms" } : { Body: text, Type: "mms" }),
    MessageUUID: options.messageUuid ?? randomUUID(),
    TotalRate: "0",
    TotalAmount: "0",
    Units: String(Math.max(1, Math.ceil(text.length / 153))),
    PowerpackUUID: "",
  };
  if (media.length > 0) params["MediaCount"] = String(media.length);
  media.forEach((url, index) => {
    params[`Media${index + 1}`] = url;
  });
  return params;
}

/** Options for {@link plivoStatusSample}. */
export interface PlivoStatusSampleOptions {
  /** Plivo's `Status`. Default `"delivered"`. */
  status?: string;
  /** `ErrorCode`: `000` when delivered, else as Plivo adds it to `failed` and `undelivered`. */
  errorCode?: string;
  /** The message UUID. Default a fresh one. */
  messageUuid?: string;
  /** The recipient of your message. */
  to?: string;
}

/** A status callback for a message you sent, as Plivo posts it (§3, P2). */
export function plivoStatusSample(options: PlivoStatusSampleOptions = {}): Record<string, string> {
  const uuid = options.messageUuid ?? randomUUID();
  const status = options.status ?? "delivered";
  return {
    From: "14155550199",
    To: options.to ?? "14155550100",
    MessageUUID: uuid,
    Status: status,
    ErrorCode: options.errorCode ?? (status === "delivered" ? "000" : ""),
    TotalRate: "0.0050",
    TotalAmount: "0.0050",
    Units: "1",
    MCC: "310",
    MNC: "260",
    PartInfo: "1 of 1",
    Sequence: "1",
    ParentMessageUUID: uuid,
    Type: "sms",
  };
}

// Scenarios for the CLI and the demo.

/** A form POST as Plivo sends it to `url`, signed with V2 (SMS today) or V3. */
export function signedPlivoPost(
  version: "v2" | "v3",
  url: string,
  params: Record<string, string>,
  authToken: string,
  nonce: string = plivoNonce(),
): TrafficRequest {
  const prefix = version === "v3" ? "X-Plivo-Signature-V3" : "X-Plivo-Signature-V2";
  const signature =
    version === "v3"
      ? signPlivoV3("POST", url, params, nonce, authToken)
      : signPlivoV2(url, nonce, authToken);
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      [prefix]: signature,
      [`${prefix}-Nonce`]: nonce,
    },
    body: new URLSearchParams(params).toString(),
  };
}

function plivoScenario(
  path: "/inbound" | "/status",
  version: "v2" | "v3",
  description: string,
  sample: () => Record<string, string>,
): Scenario {
  return {
    provider: "plivo",
    description,
    path,
    event() {
      const params = sample();
      // A retry resends the request as signed, nonce and bytes alike (whether Plivo re-signs its
      // retries is not documented; identical bytes are what a single-use nonce must let through).
      const nonce = plivoNonce();
      return {
        sign: (authToken, _sentAt, url) => [
          signedPlivoPost(version, url, params, authToken, nonce),
        ],
      };
    },
  };
}

/** The Plivo scenarios the CLI (`sms-webhooks send <scenario>`) and the demo can fire. */
export const plivoScenarios: Readonly<Record<string, Scenario>> = {
  "plivo-inbound": plivoScenario("/inbound", "v2", "an inbound SMS (V2 form)", () =>
    plivoInboundSample("Hi! Is the 3pm slot still free?"),
  ),
  "plivo-inbound-v3": plivoScenario("/inbound", "v3", "an inbound SMS (V3 form)", () =>
    plivoInboundSample("Running 10 minutes late, sorry!"),
  ),
  "plivo-status": plivoScenario("/status", "v2", "a status callback: delivered (V2 form)", () =>
    plivoStatusSample(),
  ),
};
