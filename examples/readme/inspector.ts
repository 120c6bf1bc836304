// examples/readme/inspector.ts — the README's inspector.

import { createInspector, smsWebhook, twilio, vonageSms } from "sms-webhooks";

const inspector = createInspector(); // { capacity: 500, showContent: false }
const observers = [inspector];

app.use("/hooks/twilio", smsWebhook.router(twilio({ secret: authToken }), { observers, handler }));
app.use("/hooks/vonage", smsWebhook.router(vonageSms({ secret }), { observers, handler }));

// Your own check: a session, or a header your authenticating proxy sets.
app.use("/_webhooks", inspector.router({ authorize: (req) => isAdmin(req) }));
