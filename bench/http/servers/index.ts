// bench/http/servers/index.ts — builds the Express app for a server name, with what it must close.

import type { Express } from "express";
import {
  androidSmsGateway,
  MemoryStore,
  mifumo,
  plivo,
  telnyx,
  twilio,
  vonageMessages,
  vonageSms,
} from "../../library.js";
import { secrets } from "../../secrets.js";
import { redisPortEnv, routes, twilioOrigin, type ServerName } from "../protocol.js";
import { bareApp } from "./bare.js";
import { handwrittenApp } from "./handwritten.js";
import {
  handwrittenMifumoApp,
  handwrittenPlivoApp,
  handwrittenTelnyxApp,
  handwrittenVonageMessagesApp,
  handwrittenVonageSmsApp,
} from "./handwritten-others.js";
import { libraryApp } from "./library.js";
import { withOpenTelemetrySdk } from "./otel-sdk.js";
import { connectRedisStore } from "./redis-store.js";
import { handwrittenTwilioApp, sdkTwilioWebhookApp } from "./twilio.js";

/** A server ready to listen, or why it cannot run here. */
export type BuiltServer = { app: Express; close: () => Promise<void> } | { skip: string };

const nothingToClose = () => Promise.resolve();

export async function buildServer(name: ServerName): Promise<BuiltServer> {
  switch (name) {
    case "bare":
      return { app: bareApp(), close: nothingToClose };
    case "handwritten":
      return { app: handwrittenApp(secrets.android), close: nothingToClose };
    case "library-android-memory":
      return memory(libraryApp(routes.android, android(), new MemoryStore()));
    case "handwritten-mifumo":
      return { app: handwrittenMifumoApp(secrets.mifumo), close: nothingToClose };
    case "handwritten-vonage-sms":
      return { app: handwrittenVonageSmsApp(secrets.vonageSms), close: nothingToClose };
    case "handwritten-vonage-messages":
      return { app: handwrittenVonageMessagesApp(secrets.vonageMessages), close: nothingToClose };
    case "library-mifumo-memory":
      return memory(
        libraryApp(routes.mifumo, mifumo({ secret: secrets.mifumo }), new MemoryStore()),
      );
    case "library-vonage-sms-memory":
      return memory(
        libraryApp(
          routes.vonageSms,
          vonageSms({ secret: secrets.vonageSms, signatureMethod: "md5hash" }),
          new MemoryStore(),
        ),
      );
    case "library-vonage-messages-memory":
      return memory(
        libraryApp(
          routes.vonageMessages,
          vonageMessages({ secret: secrets.vonageMessages }),
          new MemoryStore(),
        ),
      );
    case "handwritten-twilio":
      return { app: handwrittenTwilioApp(secrets.twilio), close: nothingToClose };
    case "sdk-twilio-webhook":
      return { app: sdkTwilioWebhookApp(secrets.twilio), close: nothingToClose };
    case "library-twilio-memory":
      return memory(
        libraryApp(
          routes.twilio,
          twilio({ secret: secrets.twilio, publicUrl: twilioOrigin }),
          new MemoryStore(),
        ),
      );
    case "handwritten-telnyx":
      return { app: handwrittenTelnyxApp(secrets.telnyxPublicKey), close: nothingToClose };
    case "handwritten-plivo":
      return { app: handwrittenPlivoApp(secrets.plivo, twilioOrigin), close: nothingToClose };
    case "library-plivo-memory":
      return memory(
        libraryApp(
          routes.plivo,
          plivo({ secret: secrets.plivo, publicUrl: twilioOrigin }),
          new MemoryStore(),
        ),
      );
    case "library-telnyx-memory":
      return memory(
        libraryApp(
          routes.telnyx,
          telnyx({ publicKey: secrets.telnyxPublicKey }),
          new MemoryStore(),
        ),
      );
    case "library-android-redis":
      return redis();
    case "library-android-observed":
      // One observer that does nothing: the cost of being observed at all.
      return memory(
        libraryApp(routes.android, android(), new MemoryStore(), {
          observers: [{ onOutcome: () => {} }],
        }),
      );
    case "library-android-otel-sdk":
      return withOpenTelemetrySdk(libraryApp(routes.android, android(), new MemoryStore()));
  }
}

function android() {
  return androidSmsGateway({ secret: secrets.android });
}

function memory(app: Express): BuiltServer {
  return { app, close: nothingToClose };
}

async function redis(): Promise<BuiltServer> {
  const port = Number(process.env[redisPortEnv]);
  if (!Number.isInteger(port) || port <= 0) return { skip: `${redisPortEnv} is not set` };
  const { store, close } = await connectRedisStore(port);
  return { app: libraryApp(routes.android, android(), store), close };
}
