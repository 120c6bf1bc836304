// examples/readme/sinch.ts — the README's Sinch route.

app.use(
  "/hooks/sinch",
  smsWebhook.router(sinch({ secret: process.env.SINCH_CALLBACK_SECRET! }), { store, handler }),
);
