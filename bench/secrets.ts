// bench/secrets.ts — the signing secrets the bench servers, traffic and microbenchmarks share.

/** Made-up secrets, shaped like the real ones (the length changes nothing measurable). */
export const secrets = {
  android: "bench-android-sms-gateway-signing-key",
  mifumo: "bench-mifumo-webhook-secret",
  vonageSms: "bench-vonage-signature-secret",
  vonageMessages: "bench-vonage-messages-signature-secret-0123456789",
  standardWebhooks: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  twilio: "bench-twilio-auth-token-0123456789ab",
  plivo: "bench-plivo-auth-token-0123456789abcdef",
} as const;
