// examples/readme/messagebird.ts — the README's MessageBird route.

app.use(
  "/hooks/messagebird",
  smsWebhook.router(
    messageBird({
      secret: process.env.MESSAGEBIRD_SIGNING_KEY!,
      publicUrl: "https://hooks.example.com", // optional: the token signs the URL it was sent to
    }),
    { store, handler },
  ),
);
