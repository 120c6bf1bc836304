// examples/readme/telnyx.ts — the README's Telnyx route.

app.use(
  "/hooks/telnyx",
  smsWebhook.router(telnyx({ publicKey: process.env.TELNYX_PUBLIC_KEY! }), { store, handler }),
);
