// examples/readme/bird.ts — the README's Bird route.

app.use(
  "/hooks/bird",
  smsWebhook.router(
    bird({
      secret: process.env.BIRD_SIGNING_KEY!, // or [current, next] while rotating
      publicUrl: "https://hooks.example.com", // optional: as for Twilio, behind a proxy or ngrok
    }),
    { store, handler },
  ),
);
