// bench/http/traffic.ts — precomputed, validly signed requests with unique ids (and retries, if asked).
//
// Everything is signed before the clock starts, so the load generator only copies bytes: the
// figures measure the server, not the signing.

import {
  androidSmsGatewaySample,
  mifumoSample,
  signAndroidSmsGateway,
  signMifumo,
  signTelnyx,
  signTwilio,
  signVonageMessages,
  signVonageSms,
  telnyxStatusSample,
  plivoStatusSample,
  signedPlivoPost,
  twilioStatusSample,
  vonageMessagesStatusSample,
  vonageReceiptSample,
} from "../../lib/testing/index.js";
import { secrets } from "../secrets.js";
import { routes, twilioOrigin } from "./protocol.js";

/** The providers whose traffic the bench can make. */
export type TrafficKind =
  "android" | "mifumo" | "vonage-sms" | "vonage-messages" | "twilio" | "telnyx" | "plivo";

/** One request, ready to send. */
export interface PreparedRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a load run sends: new events in order, and the provider's retry of each. */
export interface Traffic {
  /** Each a new event, signed; sent in order. */
  readonly events: readonly PreparedRequest[];
  /** `retries[i]` is `events[i]` re-signed as the provider retries it; empty for none. */
  readonly retries: readonly PreparedRequest[];
  /** The share of requests that should be retries of events already answered. */
  readonly duplicateShare: number;
}

/**
 * `count` new events of `kind`, signed at `nowSec`. With `duplicateShare` > 0 (Android only),
 * each also gets its retry, signed with a later X-Timestamp as the app re-signs every attempt;
 * the load run decides which ones to send, from events already answered.
 */
export async function buildTraffic(
  kind: TrafficKind,
  count: number,
  duplicateShare = 0,
  nowSec = Math.floor(Date.now() / 1000),
): Promise<Traffic> {
  if (duplicateShare > 0 && kind !== "android") {
    throw new Error(`duplicate traffic is only made for android, not ${kind}`);
  }
  const events = await newEvents(kind, count, nowSec);
  const retries =
    duplicateShare > 0
      ? events.map(({ path, body }) => ({
          path,
          body,
          headers: signAndroidSmsGateway(body, secrets.android, nowSec + 5),
        }))
      : [];
  return { events, retries, duplicateShare };
}

async function newEvents(
  kind: TrafficKind,
  count: number,
  nowSec: number,
): Promise<PreparedRequest[]> {
  switch (kind) {
    case "android":
      return times(count, () => {
        const body = androidSmsGatewaySample("sms:received");
        return {
          path: routes.android,
          headers: signAndroidSmsGateway(body, secrets.android, nowSec),
          body,
        };
      });
    case "mifumo":
      return times(count, () => {
        const body = mifumoSample("message.sent");
        return { path: routes.mifumo, headers: signMifumo(body, secrets.mifumo), body };
      });
    case "vonage-sms":
      return times(count, () => {
        const params = signVonageSms(vonageReceiptSample(), secrets.vonageSms, {
          method: "md5hash",
          timestampSec: nowSec,
        });
        const body = new URLSearchParams(params).toString();
        const headers = { "Content-Type": "application/x-www-form-urlencoded" };
        return { path: routes.vonageSms, headers, body };
      });
    case "vonage-messages":
      return vonageMessagesTraffic(count, nowSec);
    case "twilio":
      return times(count, () => {
        // A status callback (delivered), signed for the public URL Twilio would call.
        const params = twilioStatusSample();
        const headers = {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Twilio-Signature": signTwilio(twilioOrigin + routes.twilio, params, secrets.twilio),
        };
        return { path: routes.twilio, headers, body: new URLSearchParams(params).toString() };
      });
    case "telnyx":
      return times(count, () => {
        // message.finalized (delivered), Ed25519-signed with the bench key pair's private key.
        const body = telnyxStatusSample("message.finalized");
        const headers = signTelnyx(body, secrets.telnyxPrivateKey, nowSec);
        return { path: routes.telnyx, headers, body };
      });
    case "plivo":
      return times(count, () => {
        // A status callback (delivered), V3-signed for the public URL Plivo would call.
        const params = plivoStatusSample();
        const signed = signedPlivoPost("v3", twilioOrigin + routes.plivo, params, secrets.plivo);
        return { path: routes.plivo, headers: signed.headers, body: signed.body ?? "" };
      });
  }
}

function times(count: number, make: () => PreparedRequest): PreparedRequest[] {
  return Array.from({ length: count }, make);
}

async function vonageMessagesTraffic(count: number, nowSec: number): Promise<PreparedRequest[]> {
  const requests: PreparedRequest[] = [];
  // jose signs through WebCrypto, which is asynchronous: sign in batches rather than one by one.
  const batch = 512;
  for (let start = 0; start < count; start += batch) {
    const bodies = Array.from({ length: Math.min(batch, count - start) }, () =>
      vonageMessagesStatusSample("delivered"),
    );
    const signed = await Promise.all(
      bodies.map((body) =>
        signVonageMessages(body, secrets.vonageMessages, { issuedAtSec: nowSec }),
      ),
    );
    bodies.forEach((body, i) => {
      requests.push({ path: routes.vonageMessages, headers: signed[i]!, body });
    });
  }
  return requests;
}
