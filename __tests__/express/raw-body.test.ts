// __tests__/express/raw-body.test.ts — rawBody(): a body over the limit is refused with 413, and
// the message says the limit with its unit.

import type { ErrorRequestHandler } from "express";
import request from "supertest";
import { rawBody, type WebhookError } from "../../lib/index.js";
import { express } from "../helpers/app.js";

function appWithLimit(limit?: number | string) {
  const app = express();
  app.post("/", limit === undefined ? rawBody() : rawBody({ limit }), (_req, res) => {
    res.sendStatus(204);
  });
  const answer: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const { status, code, message } = error as WebhookError;
    res.status(status).json({ code, message });
  };
  app.use(answer);
  return app;
}

const post = (limit: number | string | undefined, bytes: number) =>
  request(appWithLimit(limit)).post("/").type("text/plain").send("x".repeat(bytes));

describe("rawBody limit", () => {
  it.each([
    [100, 101, "The body is larger than 100 bytes (option limit)."],
    ["100", 101, "The body is larger than 100 bytes (option limit)."],
    [1, 2, "The body is larger than 1 byte (option limit)."],
    ["1kb", 1025, "The body is larger than the 1kb limit (option limit)."],
  ])("refuses a body over limit %j with 413 and says the unit", async (limit, bytes, message) => {
    const res = await post(limit, bytes);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: "body_too_large", message });
  });

  it('says "the 64kb limit" for the default', async () => {
    const res = await post(undefined, 64 * 1024 + 1);
    expect(res.body.message).toBe("The body is larger than the 64kb limit (option limit).");
  });

  it("accepts a body of exactly the limit", async () => {
    expect((await post(100, 100)).status).toBe(204);
  });
});
