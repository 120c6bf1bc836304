// test-d/types.test-d.ts — type-level tests: this file must compile, and every @ts-expect-error
// line must fail to. `npm run typecheck` checks it.

import express from "express";
import {
  androidSmsGateway,
  createInspector,
  MemoryStore,
  smsEventOf,
  smsWebhook,
  unknownEvent,
  WebhookError,
  type ConcatAssembler,
  type MessagePart,
  type MessageStatus,
  type NormalizeContext,
  type Provider,
  type SmsEvent,
  type SmsEventHandler,
  type Verification,
  type WebhookErrorCode,
  type WebhookObserver,
  type InspectorRecord,
} from "sms-webhooks";
import { runDedupeStoreContract, signAndroidSmsGateway } from "sms-webhooks/testing";

const app = express();
const provider = androidSmsGateway({ secret: ["new-key", "old-key"] });

app.post("/hooks/android", smsWebhook(provider, { store: new MemoryStore() }), (req, res) => {
  // @ts-expect-error req.smsEvent is optional on every Request: a route may lack the middleware
  const unchecked: SmsEvent = req.smsEvent;
  void unchecked;
  const event: SmsEvent = smsEventOf(req);
  switch (event.type) {
    case "message.received": {
      const text: string = event.text;
      const at: Date = event.receivedAt;
      // @ts-expect-error a received message has no delivery status
      void event.status;
      void [text, at];
      break;
    }
    case "message.status": {
      const status: MessageStatus = event.status;
      const final: boolean = event.final;
      const amount: string | undefined = event.price?.amount;
      void [status, final, amount];
      break;
    }
    case "system.ping":
      void event.health.status;
      break;
    case "unknown":
      void event.eventName;
      break;
    default: {
      const unreachable: never = event;
      void unreachable;
    }
  }
  res.sendStatus(204);
});

app.use("/hooks/android2", smsWebhook.router(provider, { handler: (_req, res) => res.end() }));

// The router's handler gets a req whose event is present: it narrows with no cast or check.
app.use(
  "/hooks/android3",
  smsWebhook.router(provider, {
    handler: [
      (req, _res, next) => {
        if (req.smsEvent.type === "message.received") {
          const text: string = req.smsEvent.text;
          void text;
        }
        next();
      },
      (req, res) => {
        const event = req.smsEvent;
        if (event.type === "message.status") {
          const final: boolean = event.final;
          void final;
        }
        res.sendStatus(204);
      },
    ],
  }),
);
// Any Express RequestHandler is a router handler too, and a named SmsEventHandler can be shared.
const plain: express.RequestHandler = (_req, res) => res.end();
const typed: SmsEventHandler = (req, res) => res.json({ id: req.smsEvent.id });
app.use("/hooks/android4", smsWebhook.router(provider, { handler: [plain, typed] }));
// @ts-expect-error an SmsEventHandler needs the middleware before it: not a plain route handler
app.get("/elsewhere", typed);

// @ts-expect-error the secret is required
androidSmsGateway({});
// @ts-expect-error secrets are strings
androidSmsGateway({ secret: 42 });
// @ts-expect-error mode is "enforce" or "report"
smsWebhook(provider, { mode: "audit" });
// @ts-expect-error units are in the option name: toleranceSec takes seconds as a number
smsWebhook(provider, { toleranceSec: "5m" });
// @ts-expect-error unknown options are errors
smsWebhook(provider, { tolerance: 300 });

const code: WebhookErrorCode = new WebhookError("signature_invalid", "x").code;
// @ts-expect-error codes are a closed union
const wrong: WebhookErrorCode = "signature_bad";
void [code, wrong];

const headers: { "X-Signature": string } = signAndroidSmsGateway("{}", "key", 1);
void headers;
void runDedupeStoreContract;

// A provider of your own fits the same pipeline: everything it needs is exported.

const custom: Provider<Record<string, unknown>, undefined> = {
  name: "custom",
  defaults: { toleranceSec: 300, dedupeTtlMs: 3_600_000 },
  verify: (): Verification => "unverified",
  read: () => ({}),
  dedupeKey: () => "key",
  normalize: (_payload, context: NormalizeContext) => unknownEvent("event", context),
};
const assembler: ConcatAssembler<Record<string, unknown>> | undefined = custom.concat;
const part: MessagePart = { group: "g", index: 1, total: 2 };

void [assembler, part];
app.post("/custom", smsWebhook(custom));

// The inspector is an observer, and its router cannot be mounted without authorize.

const inspector = createInspector({ capacity: 100 });
const observers: WebhookObserver[] = [inspector];
app.use("/hooks/android-observed", smsWebhook.router(provider, { observers }));
app.use(
  "/_webhooks",
  inspector.router({ authorize: async (req) => Promise.resolve(req.ip === "::1") }),
);
// @ts-expect-error authorize is required: there is no open default
inspector.router({});
// @ts-expect-error showContent is a boolean
createInspector({ showContent: "yes" });
const kept: InspectorRecord["outcome"] = "rejected";
void kept;
