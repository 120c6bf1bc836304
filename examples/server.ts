// examples/server.ts — `npm start`: every provider on one Express app, on the memory store.

import express, { type RequestHandler } from "express";
import {
  androidSmsGateway,
  bird,
  createInspector,
  MemoryStore,
  messageBird,
  mifumo,
  plivo,
  sinch,
  smsEventOf,
  smsWebhook,
  telnyx,
  twilio,
  vonageMessages,
  vonageSms,
  type SmsEvent,
} from "../lib/index.js";
import { paths, port, secrets } from "./config.js";

const app = express();
const store = new MemoryStore();
// Every route tells it how each request ended; its page is at /_webhooks (below).
const inspector = createInspector();
const observers = [inspector];

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
  smsWebhook(androidSmsGateway({ secret: secrets.android }), { store, observers }),
  handler,
);
app.use(
  paths.mifumo,
  smsWebhook.router(mifumo({ secret: secrets.mifumo }), { store, observers, handler }),
);
// GET and POST on /inbound and /status: set both URLs (and the HTTP method) in Vonage's dashboard.
app.use(
  paths.vonageSms,
  smsWebhook.router(vonageSms({ secret: secrets.vonage }), { store, observers, handler }),
);
// POST /inbound and /status: the Messages application's webhook URLs.
app.use(
  paths.vonageMessages,
  smsWebhook.router(vonageMessages({ secret: secrets.vonage }), { store, observers, handler }),
);

// GET and POST on /inbound and /status: the number's "A message comes in" webhook and your
// messages' StatusCallback. Twilio signs the URL it calls: behind a proxy or ngrok, pass
// publicUrl (e.g. "https://abc123.ngrok.app") or set app.set("trust proxy", …).
app.use(
  paths.twilio,
  smsWebhook.router(
    twilio({ secret: secrets.twilio, publicUrl: process.env["TWILIO_PUBLIC_URL"] }),
    { store, observers, handler },
  ),
);

// POST /: the callback URL of the SMS service plan (Sinch signs its callbacks once your account
// manager enables a callback secret).
app.use(
  paths.sinch,
  smsWebhook.router(sinch({ secret: secrets.sinch }), { store, observers, handler }),
);
// POST /: the messaging profile's webhook URL. Telnyx waits 2 s for an answer, so a real handler
// stores the event and answers at once, working after the response (retries are deduplicated).
app.use(
  paths.telnyx,
  smsWebhook.router(telnyx({ publicKey: secrets.telnyx }), { store, observers, handler }),
);
// Bird and MessageBird share a brand and a header prefix, not a scheme. POST /: the Bird
// platform's webhook subscription (its signingKey); GET and POST /: the legacy MessageBird REST
// API's status report and inbound URLs (the account's signing key). Both sign the URL they call.
app.use(
  paths.bird,
  smsWebhook.router(bird({ secret: secrets.bird, publicUrl: process.env["BIRD_PUBLIC_URL"] }), {
    store,
    observers,
    handler,
  }),
);
app.use(
  paths.messageBird,
  smsWebhook.router(
    messageBird({ secret: secrets.messageBird, publicUrl: process.env["MESSAGEBIRD_PUBLIC_URL"] }),
    { store, observers, handler },
  ),
);

// GET and POST on /inbound and /status: the Plivo application's Message URL and your messages'
// status callback URL. Plivo signs the URL it calls, like Twilio: behind a proxy or ngrok, pass
// publicUrl or set app.set("trust proxy", …).
app.use(
  paths.plivo,
  smsWebhook.router(plivo({ secret: secrets.plivo, publicUrl: process.env["PLIVO_PUBLIC_URL"] }), {
    store,
    observers,
    handler,
  }),
);

// The inspector shows your traffic: here only to this machine. Behind a reverse proxy on the
// same host every request comes from loopback, so check a login or your proxy's auth instead.
app.use(
  "/_webhooks",
  inspector.router({ authorize: (req) => isLoopback(req.socket.remoteAddress) }),
);

app.get("/", (_req, res) => {
  res.json({ routes: Object.values(paths), inspector: "/_webhooks" });
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
  console.log(`  Telnyx message events    POST ${url(paths.telnyx)}`);
  console.log(`  Bird                     POST ${url(paths.bird)}`);
  console.log(`  MessageBird (legacy)     GET|POST ${url(paths.messageBird)}`);
  console.log(`  Plivo inbound            GET|POST ${url(`${paths.plivo}/inbound`)}`);
  console.log(`  Plivo status callbacks   GET|POST ${url(`${paths.plivo}/status`)}`);
  console.log(`  Inspector                GET ${url("/_webhooks")}  (from this machine only)`);
  console.log(`Fire simulated signed traffic at it with: npm run demo`);
});

function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined && (address === "::1" || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address))
  );
}

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
