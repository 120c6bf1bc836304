// examples/readme/vonage-sms.ts — the README's Vonage SMS API route.

app.use(
  "/hooks/vonage",
  smsWebhook.router(
    vonageSms({ secret: process.env.VONAGE_SIGNATURE_SECRET!, signatureMethod: "sha256hmac" }),
    { store, handler },
  ),
);
