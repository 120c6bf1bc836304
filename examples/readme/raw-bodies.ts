// examples/readme/raw-bodies.ts — the README's "Raw bodies": keep the bytes for an app-wide parser.

import { captureRawBody } from "sms-webhooks";
app.use(express.json({ verify: captureRawBody }));
