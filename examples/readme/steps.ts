// examples/readme/steps.ts — the README's "The pipeline": the steps composed by hand.

import {
  rawBody,
  verifySignature,
  timestampWindow,
  dedupe,
  normalize,
  smsWebhookErrorHandler,
} from "sms-webhooks";

const android = androidSmsGateway({ secret });
app.post(
  "/hooks/android",
  rawBody(),
  verifySignature(android),
  timestampWindow(android),
  dedupe(android, { store }),
  normalize(android),
  handler,
);
app.use(smsWebhookErrorHandler);
