// examples/readme/mifumo.ts — the README's Mifumo route.

app.use(
  "/hooks/mifumo",
  smsWebhook.router(mifumo({ secret: process.env.MIFUMO_WEBHOOK_SECRET! }), { handler }),
);
