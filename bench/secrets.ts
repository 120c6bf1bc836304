// bench/secrets.ts — the signing secrets the bench servers, traffic and microbenchmarks share.

/** Made-up secrets, shaped like the real ones (the length changes nothing measurable). */
export const secrets = {
  android: "bench-android-sms-gateway-signing-key",
  mifumo: "bench-mifumo-webhook-secret",
  vonageSms: "bench-vonage-signature-secret",
  vonageMessages: "bench-vonage-messages-signature-secret-0123456789",
  standardWebhooks: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  twilio: "bench-twilio-auth-token-0123456789ab",
  sinch: "bench-sinch-callback-secret",
  // Telnyx signs with Ed25519: the bench key pair's seed (the traffic signs with it) and its
  // public key (the servers check with it), = telnyxKeyPair(telnyxPrivateKey).publicKey.
  telnyxPrivateKey: "YmVuY2gtdGVsbnl4LWVkMjU1MTktc2VlZC0wMTIzNDU=",
  telnyxPublicKey: "Gg2xzVVhDHMplDahiOnnV0zvYMDptl3QI9uWHtgonk8=",
  bird: "bench-bird-webhook-signing-key",
  messageBird: "bench-messagebird-signing-key-0123456789",
  plivo: "bench-plivo-auth-token-0123456789abcdef",
} as const;
