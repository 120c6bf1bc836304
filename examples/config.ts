// examples/config.ts — where the example server listens and the secrets it and the demo share.

/** Port of the example server (`PORT`, default 3000). */
export const port = Number(process.env["PORT"] ?? 3000);

/** Base URL the demo fires at (`DEMO_URL`, default the local example server). */
export const baseUrl = process.env["DEMO_URL"] ?? `http://localhost:${port}`;

/** Demo secrets; set the env variables to receive real provider traffic. */
export const secrets = {
  android: process.env["ASG_SIGNING_KEY"] ?? "demo-android-signing-key",
  mifumo: process.env["MIFUMO_WEBHOOK_SECRET"] ?? "demo-mifumo-webhook-secret",
  // One signature secret signs both Vonage APIs' webhooks.
  vonage: process.env["VONAGE_SIGNATURE_SECRET"] ?? "demo-vonage-signature-secret-0123",
  twilio: process.env["TWILIO_AUTH_TOKEN"] ?? "demo0twilio0auth0token0000000000",
  sinch: process.env["SINCH_CALLBACK_SECRET"] ?? "demo-sinch-callback-secret",
  // Telnyx signs with its private key; the server checks with the account's public key. The
  // demo signs with a demo key pair's private half (telnyxKeyPair() from sms-webhooks/testing).
  telnyx: process.env["TELNYX_PUBLIC_KEY"] ?? "bwoCkKW6osTLGR6pR2tts4AqNOO0C+5y8twh8ljSch8=",
  telnyxDemoPrivateKey: "wQ/phHXi1t7fsL/GzyBc/y3MYBYRT9fP+294TWERTeo=",
  bird: process.env["BIRD_SIGNING_KEY"] ?? "demo-bird-webhook-signing-key",
  messageBird: process.env["MESSAGEBIRD_SIGNING_KEY"] ?? "demo-messagebird-signing-key",
  plivo: process.env["PLIVO_AUTH_TOKEN"] ?? "demo0plivo0auth0token0000000000000000",
};

/** Where each provider is mounted. */
export const paths = {
  android: "/hooks/android",
  mifumo: "/hooks/mifumo",
  vonageSms: "/hooks/vonage-sms",
  vonageMessages: "/hooks/vonage-messages",
  twilio: "/hooks/twilio",
  sinch: "/hooks/sinch",
  telnyx: "/hooks/telnyx",
  bird: "/hooks/bird",
  messageBird: "/hooks/messagebird",
  plivo: "/hooks/plivo",
};
