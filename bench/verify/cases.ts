// bench/verify/cases.ts — each verifier on a ~1 kB signed input, built once, checked to pass.

import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { validateWebhookSignature } from "@sinch/sdk-client";
import { TelnyxWebhook } from "telnyx/lib/webhooks";
import * as plivoSdk from "plivo";
import twilio from "twilio";
import type { Provider, RawRequest } from "../../lib/index.js";
import { createRequire } from "node:module";
import { createSecretKey, type KeyObject } from "node:crypto";
import {
  androidSmsGateway,
  bird,
  messageBird,
  mifumo,
  plivo,
  sinch,
  telnyx,
  vonageMessages,
  vonageSms,
} from "../library.js";
import {
  androidSmsGatewaySample,
  birdStatusSample,
  messageBirdStatusSample,
  signBird,
  signMessageBird,
  mifumoSample,
  plivoInboundSample,
  signAndroidSmsGateway,
  signMifumo,
  signPlivoV3,
  signSinch,
  signVonageMessages,
  signTelnyx,
  signVonageSms,
  sinchInboundSample,
  telnyxInboundSample,
  telnyxKeyPair,
  vonageInboundSample,
  vonageMessagesInboundSample,
} from "../../lib/testing/index.js";
import { secrets } from "../secrets.js";

/** `baseline`: what every ratio divides by; `ours`: held to the ≥ 1.0× baseline target. */
export type VerifyRole = "baseline" | "ours" | "other";

/** One thing to time: `run` once is one verification. */
export interface VerifyCase {
  readonly name: string;
  readonly what: string;
  readonly bodyBytes: number;
  readonly role: VerifyRole;
  readonly run: () => unknown;
}

const targetBytes = 1024;
const words =
  "Hi! Your parcel 1042 is out for delivery today between 14:00 and 16:00; reply STOP to opt out. ";

// Text that brings `render(text)` to about `targetBytes`.
function sized(render: (text: string) => string): string {
  const room = Math.max(0, targetBytes - Buffer.byteLength(render("")));
  return render(words.repeat(Math.ceil(room / words.length) + 1).slice(0, room));
}

function rawRequest(url: string, headers: Record<string, string>, body: string): RawRequest {
  const lowerCased = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { method: "POST", url, headers: lowerCased, rawBody: Buffer.from(body), rawQuery: "" };
}

// parse + verify (which answers the signed time): what the pipeline runs before it trusts
// anything. Generic, so each provider's own types flow from parse to verify.
function providerCase<Payload, Signed>(
  name: string,
  provider: Provider<Payload, Signed>,
  req: RawRequest,
): VerifyCase {
  const run = () => provider.verify(req, provider.parse?.(req) as Signed);
  return {
    name,
    what: "parse + verify",
    bodyBytes: req.rawBody.length,
    role: "ours",
    run,
  };
}

function androidBody(): string {
  const sample = JSON.parse(androidSmsGatewaySample("sms:received")) as {
    payload: { message: string };
  };
  return sized((text) =>
    JSON.stringify({ ...sample, payload: { ...sample.payload, message: text } }),
  );
}

/** Every case, built and checked once. */
export async function verifyCases(): Promise<VerifyCase[]> {
  const nowSec = Math.floor(Date.now() / 1000);
  const cases: VerifyCase[] = [];

  // Standard Webhooks and Svix: the same ~1 kB JSON body the Android case verifies.
  const json = androidBody();
  const jsonBytes = Buffer.from(json);
  const standard = new StandardWebhook(secrets.standardWebhooks);
  const messageId = "msg_2Lh9KRb0pzN4LgKzzvXW6v5Sf1d";
  const standardHeaders = {
    "webhook-id": messageId,
    "webhook-timestamp": String(nowSec),
    "webhook-signature": standard.sign(messageId, new Date(nowSec * 1000), json),
  };
  cases.push({
    name: "standardwebhooks",
    what: "Webhook.verify (HMAC-SHA256, window, JSON.parse)",
    bodyBytes: jsonBytes.length,
    role: "baseline",
    run: () => standard.verify(jsonBytes, standardHeaders),
  });
  const svix = new SvixWebhook(secrets.standardWebhooks);
  const svixHeaders = {
    "svix-id": messageId,
    "svix-timestamp": String(nowSec),
    "svix-signature": svix.sign(messageId, new Date(nowSec * 1000), json),
  };
  cases.push({
    name: "svix",
    what: "Webhook.verify (HMAC-SHA256, window, JSON.parse)",
    bodyBytes: jsonBytes.length,
    role: "other",
    run: () => svix.verify(jsonBytes, svixHeaders),
  });

  // Twilio: an inbound-SMS form's parameters (already parsed, as Express hands them over).
  const twilioUrl = "https://example.com/hooks/twilio/sms";
  const base = {
    ToCountry: "US",
    ToState: "CA",
    SmsMessageSid: "SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8",
    NumMedia: "0",
    ToCity: "SAN FRANCISCO",
    FromZip: "94105",
    SmsSid: "SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8",
    FromState: "CA",
    SmsStatus: "received",
    FromCity: "SAN FRANCISCO",
    FromCountry: "US",
    To: "+14155550100",
    ToZip: "94105",
    NumSegments: "5",
    MessageSid: "SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8",
    AccountSid: "AC0123456789abcdef0123456789abcdef",
    From: "+14155550199",
    ApiVersion: "2010-04-01",
  };
  const twilioBody = sized((Body) => new URLSearchParams({ ...base, Body }).toString());
  const twilioParams = Object.fromEntries(new URLSearchParams(twilioBody));
  const twilioSignature = twilio.getExpectedTwilioSignature(
    secrets.twilio,
    twilioUrl,
    twilioParams,
  );
  cases.push({
    name: "twilio",
    what: "validateRequest (HMAC-SHA1 over URL + sorted params)",
    bodyBytes: Buffer.byteLength(twilioBody),
    role: "other",
    run: () => twilio.validateRequest(secrets.twilio, twilioSignature, twilioUrl, twilioParams),
  });

  cases.push(
    providerCase(
      "android-sms-gateway",
      androidSmsGateway({ secret: secrets.android }),
      rawRequest("/hooks/android", signAndroidSmsGateway(json, secrets.android, nowSec), json),
    ),
  );

  const mifumoBody = sized((text) =>
    mifumoSample("message.sent").replace("Your order #1042 has shipped.", text),
  );
  cases.push(
    providerCase(
      "mifumo",
      mifumo({ secret: secrets.mifumo }),
      rawRequest("/hooks/mifumo", signMifumo(mifumoBody, secrets.mifumo), mifumoBody),
    ),
  );

  // An inbound SMS form whose text is padded to ~1 kB (a real part carries ≤ 160 characters;
  // the point is the same number of bytes as the others).
  const inbound = vonageInboundSample("HELLO")[0]!;
  const vonageBody = sized((text) =>
    new URLSearchParams(
      signVonageSms({ ...inbound, text }, secrets.vonageSms, { timestampSec: nowSec }),
    ).toString(),
  );
  cases.push(
    providerCase(
      "vonage-sms (md5hash)",
      vonageSms({ secret: secrets.vonageSms }),
      rawRequest(
        "/hooks/vonage/inbound",
        { "content-type": "application/x-www-form-urlencoded" },
        vonageBody,
      ),
    ),
  );

  const messagesBody = sized((text) => vonageMessagesInboundSample(text));
  cases.push(
    providerCase(
      "vonage-messages (JWT HS256)",
      vonageMessages({ secret: secrets.vonageMessages }),
      rawRequest(
        "/hooks/vonage-messages/inbound",
        await signVonageMessages(messagesBody, secrets.vonageMessages, { issuedAtSec: nowSec }),
        messagesBody,
      ),
    ),
  );

  // Sinch: an inbound SMS (mo_text) whose text brings it to ~1 kB, verified by Sinch's own SDK
  // (which checks neither the algorithm header nor the timestamp) and by the provider.
  const sinchBody = sized((text) => sinchInboundSample(text));
  const sinchHeaders = signSinch(sinchBody, secrets.sinch, { timestampSec: nowSec });
  cases.push({
    name: "@sinch/sdk-client",
    what: "validateWebhookSignature (HMAC-SHA256, no window)",
    bodyBytes: Buffer.byteLength(sinchBody),
    role: "other",
    run: () => validateWebhookSignature(secrets.sinch, sinchHeaders, sinchBody),
  });
  cases.push(
    providerCase(
      "sinch",
      sinch({ secret: secrets.sinch }),
      rawRequest("/hooks/sinch", sinchHeaders, sinchBody),
    ),
  );

  // Telnyx: Ed25519 over the timestamp and the body. The SDK's verifier imports the key through
  // WebCrypto on every call; ours builds its KeyObject once, with the provider.
  const telnyxKeys = telnyxKeyPair(secrets.telnyxPrivateKey);
  if (telnyxKeys.publicKey !== secrets.telnyxPublicKey) {
    throw new Error("bench/secrets.ts: telnyxPublicKey is not telnyxPrivateKey's public key");
  }
  const telnyxBody = sized((text) => telnyxInboundSample(text));
  const telnyxSigned = signTelnyx(telnyxBody, telnyxKeys.privateKey, nowSec);
  const telnyxSdk = new TelnyxWebhook(telnyxKeys.publicKey);
  cases.push({
    name: "telnyx (TelnyxWebhook.verify)",
    what: "TelnyxWebhook.verify (Ed25519 via WebCrypto, window; async: awaited)",
    bodyBytes: Buffer.byteLength(telnyxBody),
    role: "other",
    run: () => telnyxSdk.verify(telnyxBody, telnyxSigned),
  });
  cases.push(
    providerCase(
      "telnyx (Ed25519)",
      telnyx({ publicKey: telnyxKeys.publicKey }),
      rawRequest("/hooks/telnyx", telnyxSigned, telnyxBody),
    ),
  );

  // Bird: no SDK verifies it (the docs give PHP and Go snippets): the library's row alone.
  const birdUrl = "https://example.com/hooks/bird";
  const birdBody = sized((text) =>
    birdStatusSample("delivered").replace("Your code is 1234", text),
  );
  cases.push(
    providerCase(
      "bird",
      bird({ secret: secrets.bird, publicUrl: "https://example.com" }),
      rawRequest("/hooks/bird", { ...signBird(birdUrl, birdBody, secrets.bird, nowSec) }, birdBody),
    ),
  );

  // MessageBird: a JSON status report under its JWT, against messagebird's own verify().
  const messageBirdUrl = "https://example.com/hooks/messagebird";
  const messageBirdBody = sized((reference) =>
    JSON.stringify(messageBirdStatusSample("delivered", { reference })),
  );
  const messageBirdHeaders = await signMessageBird(
    messageBirdUrl,
    messageBirdBody,
    secrets.messageBird,
    { notBeforeSec: nowSec },
  );
  const token = messageBirdHeaders["MessageBird-Signature-JWT"];
  const sdk = createRequire(import.meta.url)("messagebird/lib/webhook-signature-jwt") as {
    verify(url: string, payload: Buffer, jwt: string, key: KeyObject): Promise<boolean>;
  };
  const sdkKey = createSecretKey(Buffer.from(secrets.messageBird, "utf8"));
  const messageBirdBytes = Buffer.from(messageBirdBody);
  cases.push({
    name: "messagebird (SDK)",
    what: "webhook-signature-jwt verify (jose jwtVerify, url_hash, payload_hash)",
    bodyBytes: messageBirdBytes.length,
    role: "other",
    run: () => sdk.verify(messageBirdUrl, messageBirdBytes, token, sdkKey),
  });
  cases.push(
    providerCase(
      "messagebird (JWT)",
      messageBird({ secret: secrets.messageBird, publicUrl: "https://example.com" }),
      rawRequest(
        "/hooks/messagebird",
        { "content-type": "application/json", ...messageBirdHeaders },
        messageBirdBody,
      ),
    ),
  );

  // Plivo V3: an inbound-SMS form, against the SDK's validateV3Signature on the parsed params.
  const plivoOrigin = "https://example.com";
  const plivoPath = "/hooks/plivo/inbound";
  const plivoNonce = "05429567804466091622";
  const plivoBody = sized((text) =>
    new URLSearchParams(
      plivoInboundSample(text, { messageUuid: "2a3e5e2c-1c1a-11f0-9c4f-0242ac110002" }),
    ).toString(),
  );
  const plivoParams = Object.fromEntries(new URLSearchParams(plivoBody));
  const plivoUrl = plivoOrigin + plivoPath;
  const plivoSignature = signPlivoV3("POST", plivoUrl, plivoParams, plivoNonce, secrets.plivo);
  cases.push({
    name: "plivo",
    what: "validateV3Signature (HMAC-SHA256 over URL + sorted params + nonce)",
    bodyBytes: Buffer.byteLength(plivoBody),
    role: "other",
    run: () =>
      plivoSdk.validateV3Signature(
        "POST",
        plivoUrl,
        plivoNonce,
        secrets.plivo,
        plivoSignature,
        plivoParams,
      ),
  });
  cases.push(
    providerCase(
      "plivo (V3)",
      plivo({ secret: secrets.plivo, publicUrl: plivoOrigin }),
      rawRequest(
        plivoPath,
        {
          "content-type": "application/x-www-form-urlencoded",
          "x-plivo-signature-v3": plivoSignature,
          "x-plivo-signature-v3-nonce": plivoNonce,
        },
        plivoBody,
      ),
    ),
  );

  for (const verifyCase of cases) await check(verifyCase);
  return cases;
}

// A benchmark of a verifier that rejects its input would time the failure path.
async function check(verifyCase: VerifyCase): Promise<void> {
  const result: unknown = await verifyCase.run();
  if (result === false) throw new Error(`${verifyCase.name} rejected its own signed input`);
}
