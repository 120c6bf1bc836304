// examples/readme/plivo.ts — the README's Plivo route.

app.use(
  "/hooks/plivo",
  smsWebhook.router(
    plivo({
      secret: process.env.PLIVO_AUTH_TOKEN!, // or [token, next token] while rotating
      publicUrl: "https://hooks.example.com", // optional: see "Behind a proxy or ngrok" (Twilio)
    }),
    { store, handler },
  ),
);
