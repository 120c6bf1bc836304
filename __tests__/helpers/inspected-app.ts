// __tests__/helpers/inspected-app.ts — every provider on one app with an inspector, and a night's
// worth of signed traffic for it: events, retries, forgeries, replays, a proxy mix-up, a long SMS.

import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express, { type RequestHandler } from "express";
import {
  androidSmsGateway,
  createInspector,
  MemoryStore,
  mifumo,
  silentLogger,
  smsEventOf,
  smsWebhook,
  twilio,
  vonageMessages,
  vonageSms,
  type Inspector,
  type InspectorOptions,
  type InspectorRecord,
  type SmsEvent,
} from "../../lib/index.js";
import { fire, scenarios } from "../../lib/testing/index.js";

const secrets = {
  android: "test-android-signing-key",
  mifumo: "test-mifumo-webhook-secret",
  vonage: "test-vonage-signature-secret-0123",
  twilio: "test0twilio0auth0token0000000000",
};

/** Where each provider is mounted, and its secret and scenarios. */
const mounts = {
  android: "/hooks/android",
  mifumo: "/hooks/mifumo",
  vonageSms: "/hooks/vonage-sms",
  vonageMessages: "/hooks/vonage-messages",
  twilio: "/hooks/twilio",
};

/** An app listening on an ephemeral port, with its inspector at `/_webhooks`. */
export interface InspectedApp {
  readonly url: string;
  readonly inspector: Inspector;
  /** The events the handler got. */
  readonly events: readonly SmsEvent[];
  close(): Promise<void>;
}

/** Starts the app; the inspector is open to every caller (`authorize` says so explicitly). */
export async function startInspectedApp(options?: InspectorOptions): Promise<InspectedApp> {
  const inspector = createInspector(options);
  const app = express();
  const store = new MemoryStore();
  const common = { store, observers: [inspector], logger: silentLogger };
  const events: SmsEvent[] = [];
  const handler: RequestHandler = (req, res) => {
    events.push(smsEventOf(req));
    res.sendStatus(204);
  };
  app.post(
    mounts.android,
    smsWebhook(androidSmsGateway({ secret: secrets.android }), common),
    handler,
  );
  app.use(
    mounts.mifumo,
    smsWebhook.router(mifumo({ secret: secrets.mifumo }), { ...common, handler }),
  );
  app.use(
    mounts.vonageSms,
    smsWebhook.router(vonageSms({ secret: secrets.vonage }), { ...common, handler }),
  );
  app.use(
    mounts.vonageMessages,
    smsWebhook.router(vonageMessages({ secret: secrets.vonage }), { ...common, handler }),
  );
  app.use(
    mounts.twilio,
    smsWebhook.router(twilio({ secret: secrets.twilio }), { ...common, handler }),
  );
  app.use("/_webhooks", inspector.router({ authorize: () => true }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    inspector,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Send {
  readonly mount: string;
  readonly scenario: string;
  readonly secret: string;
  /** When the event happened and was signed. */
  readonly at?: Date;
  /** Sign for this origin instead of the one called (a proxy the app was not told about). */
  readonly signedOrigin?: string;
  /** Send the same event twice (the provider's retry). */
  readonly retry?: boolean;
  /** Send only this many of its requests (the first parts of a long SMS). */
  readonly parts?: number;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

// Each provider's story: an event and its retry, a forgery, a replay from outside the window.
const traffic: readonly Send[] = [
  { mount: mounts.android, scenario: "android-received", secret: secrets.android, retry: true },
  { mount: mounts.android, scenario: "android-received", secret: "not-the-secret" },
  {
    mount: mounts.android,
    scenario: "android-received",
    secret: secrets.android,
    at: minutesAgo(10),
  },
  { mount: mounts.mifumo, scenario: "mifumo-delivered", secret: secrets.mifumo, retry: true },
  { mount: mounts.mifumo, scenario: "mifumo-delivered", secret: "not-the-secret" },
  { mount: mounts.vonageSms, scenario: "vonage-dlr", secret: secrets.vonage, retry: true },
  { mount: mounts.vonageSms, scenario: "vonage-inbound", secret: secrets.vonage },
  { mount: mounts.vonageSms, scenario: "vonage-inbound-long", secret: secrets.vonage },
  { mount: mounts.vonageSms, scenario: "vonage-inbound-long", secret: secrets.vonage, parts: 1 },
  { mount: mounts.vonageSms, scenario: "vonage-dlr", secret: secrets.vonage, at: minutesAgo(10) },
  { mount: mounts.vonageMessages, scenario: "vonage-messages-inbound", secret: secrets.vonage },
  { mount: mounts.vonageMessages, scenario: "vonage-messages-inbound", secret: "not-the-secret" },
  { mount: mounts.twilio, scenario: "twilio-inbound", secret: secrets.twilio, retry: true },
  {
    mount: mounts.twilio,
    scenario: "twilio-inbound",
    secret: secrets.twilio,
    signedOrigin: "https://hooks.example.com",
  },
];

/**
 * Fires the traffic at `url` and waits until the inspector has seen every request (observers
 * are told after the answer). Returns how many requests were sent.
 */
export async function sendTraffic(url: string): Promise<number> {
  let sent = 0;
  for (const send of traffic) {
    const scenario = scenarios[send.scenario];
    if (scenario === undefined) throw new Error(`no scenario ${send.scenario}`);
    const at = send.at ?? new Date();
    const event = scenario.event(at);
    const target = `${url}${send.mount}${scenario.path}`;
    const signedFor =
      send.signedOrigin === undefined ? target : target.replace(url, send.signedOrigin);
    for (let attempt = 0; attempt < (send.retry ? 2 : 1); attempt++) {
      const requests = await event.sign(send.secret, at, signedFor);
      for (const request of requests.slice(0, send.parts ?? requests.length)) {
        await fire(target, request);
        sent++;
      }
    }
  }
  await seen(url, sent);
  return sent;
}

/** Waits until the inspector at `url` keeps `count` records. */
export async function seen(url: string, count: number): Promise<InspectorRecord[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const response = await fetch(`${url}/_webhooks/api/deliveries`);
    const { deliveries } = (await response.json()) as { deliveries: InspectorRecord[] };
    if (deliveries.length >= count) return deliveries;
    if (Date.now() > deadline)
      throw new Error(`the inspector saw ${deliveries.length} of ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
