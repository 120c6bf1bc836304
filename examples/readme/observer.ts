// examples/readme/observer.ts — the README's custom observer.

import type { WebhookObserver } from "sms-webhooks";

// Page someone when a provider's requests stop verifying.
const rejections: WebhookObserver = {
  onOutcome(record) {
    if (record.outcome !== "rejected") return;
    console.warn(
      `${record.provider} ${record.route.method} ${record.route.path}: ${record.code} — ${record.hint}`,
    );
  },
};

app.use(
  "/hooks/twilio",
  smsWebhook.router(twilio({ secret }), { observers: [rejections], handler }),
);
