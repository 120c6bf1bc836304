// examples/readme/router.ts — the README's Quickstart: the router mounts every path and method.

app.use("/hooks/android", smsWebhook.router(androidSmsGateway({ secret }), { store, handler }));
// Twilio: GET and POST /hooks/twilio/inbound and /status (behind a proxy or ngrok, see publicUrl)
app.use("/hooks/twilio", smsWebhook.router(twilio({ secret: authToken }), { store, handler }));

// The router's handler gets req.smsEvent typed as present: no smsEventOf, no cast.
app.use(
  "/hooks/sinch",
  smsWebhook.router(sinch({ secret }), {
    store,
    handler: (req, res) => {
      if (req.smsEvent.type === "message.received") console.log(req.smsEvent.text);
      res.sendStatus(204);
    },
  }),
);
