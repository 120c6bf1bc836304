// examples/readme/twilio.ts — the README's Twilio route.

app.use(
  "/hooks/twilio",
  smsWebhook.router(
    twilio({
      secret: process.env.TWILIO_AUTH_TOKEN!, // or [primary, secondary] while rotating
      publicUrl: "https://hooks.example.com", // optional: see "Behind a proxy or ngrok"
    }),
    { store, handler },
  ),
);
