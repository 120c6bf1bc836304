// __tests__/express/sms-event-of.test.ts — the typed way to the event, and its error off the route.

import request from "supertest";
import { smsEventOf, smsWebhookErrorHandler, type SmsEvent } from "../../lib/index.js";
import { androidApp, androidRequest } from "../helpers/android-app.js";
import { express } from "../helpers/app.js";
import { send } from "../helpers/http.js";

describe("smsEventOf", () => {
  it("returns the event the middleware set, in a handler mounted after it", async () => {
    const seen: SmsEvent[] = [];
    const { app } = androidApp({}, (req, res) => {
      seen.push(smsEventOf(req));
      res.sendStatus(204);
    });
    expect((await send(app, androidRequest())).status).toBe(204);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.provider).toBe("android-sms-gateway");
  });

  it("throws an internal_error naming the fix on a route without the middleware", async () => {
    const app = express();
    app.post("/plain", (req, res) => {
      res.json(smsEventOf(req));
    });
    app.use(smsWebhookErrorHandler);
    const answer = await request(app).post("/plain").send("{}").expect(500);
    expect(answer.body).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
  });

  it("says in its message which middleware is missing", () => {
    expect(() => smsEventOf({} as Parameters<typeof smsEventOf>[0])).toThrow(
      /smsWebhook\(\).*Mount the handler after the middleware/s,
    );
  });
});
