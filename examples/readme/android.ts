// examples/readme/android.ts — the README's SMS Gateway for Android route.

app.post(
  "/hooks/android",
  smsWebhook(androidSmsGateway({ secret: process.env.ASG_SIGNING_KEY! })),
  handler,
);
