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
  plivo: process.env["PLIVO_AUTH_TOKEN"] ?? "demo0plivo0auth0token0000000000000000",
};

/** Where each provider is mounted. */
export const paths = {
  android: "/hooks/android",
  mifumo: "/hooks/mifumo",
  vonageSms: "/hooks/vonage-sms",
  vonageMessages: "/hooks/vonage-messages",
  twilio: "/hooks/twilio",
  plivo: "/hooks/plivo",
};
