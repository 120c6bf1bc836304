// examples/readme/testing-routes.ts — the README's "Testing your own routes".

import request from "supertest";
import {
  androidSmsGatewaySample,
  signAndroidSmsGateway,
  signVonageSms,
  vonageReceiptSample,
} from "sms-webhooks/testing";

const body = androidSmsGatewaySample("sms:received");
await request(app)
  .post("/hooks/android")
  .set(signAndroidSmsGateway(body, key))
  .send(body)
  .expect(204);

// Vonage: sign the parameters, send them as a query string, a form or JSON.
const params = signVonageSms(vonageReceiptSample(), secret, { method: "sha256hmac" });
await request(app).get("/hooks/vonage/status").query(params).expect(204);
