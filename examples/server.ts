// examples/server.ts — `npm start`: every provider on one Express app, on the memory store.

import express, { type RequestHandler } from "express";
import {
  androidSmsGateway,
  MemoryStore,
  mifumo,
  sinch,
  smsEventOf,
  smsWebhook,
  twilio,
  vonageMessages,
  vonageSms,
  type SmsEvent,
} from "../lib/index.js";
import { paths, port, secrets } from "./config.js";

const app = express();
const store = new MemoryStore();

// What an app would do with each event; here, one line of log.
function describe(event: SmsEvent): string {
  switch (event.type) {
    case "message.received":
      return `SMS from ${event.from}: ${JSON.stringify(event.text)}${event.parts ? ` (${event.parts.length} parts)` : ""}`;
    case "message.status":
      return `message ${event.messageId} to ${event.recipients.join(", ") || "?"} → ${event.status}${event.final ? " (final)" : ""}`;
    case "system.ping":
      return `device ${event.deviceId ?? "?"} health: ${event.health.status}`;
    case "unknown":
      return `unmodelled event ${event.eventName}`;
  }
}

// A plain RequestHandler, mounted after smsWebhook() or given to the router: smsEventOf(req)
// returns the event typed as present.
const handler: RequestHandler = (req, res) => {
  const event = smsEventOf(req);
  console.log(`[${event.provider}] ${describe(event)}  (id ${event.id})`);
  res.sendStatus(204);
};

app.post(
  paths.android,
  smsWebhook(androidSmsGateway({ secret: secrets.android }), { store }),
  handler,
);
app.use(paths.mifumo, smsWebhook.router(mifumo({ secret: secrets.mifumo }), { store, handler }));
// GET and POST on /inbound and /status: set both URLs (and the HTTP method) in Vonage's dashboard.
app.use(
  paths.vonageSms,
  smsWebhook.router(vonageSms({ secret: secrets.vonage }), { store, handler }),
);
// POST /inbound and /status: the Messages application's webhook URLs.
app.use(
  paths.vonageMessages,
  smsWebhook.router(vonageMessages({ secret: secrets.vonage }), { store, handler }),
);

// GET and POST on /inbound and /status: the number's "A message comes in" webhook and your
// messages' StatusCallback. Twilio signs the URL it calls: behind a proxy or ngrok, pass
// publicUrl (e.g. "https://abc123.ngrok.app") or set app.set("trust proxy", …).
app.use(
  paths.twilio,
  smsWebhook.router(
    twilio({ secret: secrets.twilio, publicUrl: process.env["TWILIO_PUBLIC_URL"] }),
    {
      store,
      handler,
    },
  ),
);

// POST /: the callback URL of the SMS service plan (Sinch signs its callbacks once your account
// manager enables a callback secret).
app.use(paths.sinch, smsWebhook.router(sinch({ secret: secrets.sinch }), { store, handler }));

app.get("/", (_req, res) => {
  res.json({ routes: Object.values(paths) });
});

// Express 5 calls back with the listen error (a busy port): fail loudly rather than print the
// banner, which .ci/run's readiness check (and a person) would take for a running server.
app.listen(port, (error?: Error) => {
  if (error !== undefined) {
    console.error(listenFailure(error));
    process.exit(1);
  }
  const url = (path: string) => `http://localhost:${port}${path}`;
  console.log(`sms-webhooks example server on http://localhost:${port}`);
  console.log(`  SMS Gateway for Android  POST ${url(paths.android)}`);
  console.log(`  Mifumo                   POST ${url(paths.mifumo)}`);
  console.log(`  Vonage SMS inbound       GET|POST ${url(`${paths.vonageSms}/inbound`)}`);
  console.log(`  Vonage SMS receipts      GET|POST ${url(`${paths.vonageSms}/status`)}`);
  console.log(`  Vonage Messages inbound  POST ${url(`${paths.vonageMessages}/inbound`)}`);
  console.log(`  Vonage Messages status   POST ${url(`${paths.vonageMessages}/status`)}`);
  console.log(`  Twilio inbound           GET|POST ${url(`${paths.twilio}/inbound`)}`);
  console.log(`  Twilio status callbacks  GET|POST ${url(`${paths.twilio}/status`)}`);
  console.log(`  Sinch                    POST ${url(paths.sinch)}`);
  console.log(`Fire simulated signed traffic at it with: npm run demo`);
});

function listenFailure(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "EADDRINUSE"
      ? `port ${port} is in use (another server, or an earlier npm start, is listening on it)`
      : `it could not listen on port ${port}: ${error.message}`;
  return (
    `The example server did not start: ${why}.\n` +
    `Pick another port with PORT, e.g. PORT=${port + 1} npm start ` +
    `(and the same PORT=… for npm run demo).`
  );
}
