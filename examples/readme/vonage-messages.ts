// examples/readme/vonage-messages.ts — the README's Vonage Messages API route.

const applicationId = process.env.VONAGE_APPLICATION_ID; // optional: refuse other applications' tokens
app.use(
  "/hooks/vonage-messages",
  smsWebhook.router(
    vonageMessages({
      secret: process.env.VONAGE_SIGNATURE_SECRET!, // or { [apiKey]: secret(s) }, or async (apiKey) => secret(s)
      ...(applicationId === undefined ? {} : { applicationId }),
    }),
    { store, handler },
  ),
);
