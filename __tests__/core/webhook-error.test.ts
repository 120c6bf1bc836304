// __tests__/core/webhook-error.test.ts — codes, statuses and the answer body.

import request from "supertest";
import {
  isWebhookError,
  smsWebhook,
  unknownEvent,
  WebhookError,
  webhookErrorStatus,
  type Provider,
} from "../../lib/index.js";
import { express } from "../helpers/app.js";
import { memoryLogger } from "../helpers/logger.js";

describe("WebhookError", () => {
  it.each([
    ["raw_body_unavailable", 500],
    ["body_too_large", 413],
    ["unsupported_media_type", 415],
    ["payload_invalid", 400],
    ["signature_missing", 401],
    ["signature_invalid", 401],
    ["secret_unknown", 401],
    ["timestamp_missing", 401],
    ["timestamp_out_of_window", 401],
    ["duplicate_in_flight", 409],
    ["unsigned_callback", 503],
    ["store_unavailable", 503],
    ["internal_error", 500],
  ] as const)("gives %s the HTTP status %i", (code, status) => {
    expect(new WebhookError(code, "m").status).toBe(status);
    expect(webhookErrorStatus[code]).toBe(status);
  });

  it("serializes to the answer body, without the cause", () => {
    const error = new WebhookError("payload_invalid", "Bad.", {
      cause: new Error("secret detail"),
    });
    expect(JSON.stringify(error)).toBe('{"error":{"code":"payload_invalid","message":"Bad."}}');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.name).toBe("WebhookError");
  });

  it("recognizes a WebhookError from another copy of the package by its name and code", () => {
    const foreign = Object.assign(new Error("x"), {
      name: "WebhookError",
      code: "signature_invalid",
    });
    expect(isWebhookError(foreign)).toBe(true);
    expect(
      isWebhookError(Object.assign(new Error("x"), { name: "WebhookError", code: "nope" })),
    ).toBe(false);
    expect(isWebhookError(new Error("x"))).toBe(false);
    expect(isWebhookError({ name: "WebhookError", code: "signature_invalid" })).toBe(false);
  });
});

describe("WebhookError hint", () => {
  const hinted = () =>
    new WebhookError("signature_invalid", "The signature does not match.", {
      hint: "It was checked against https://internal.example:8080/hook; set publicUrl.",
    });

  it("keeps the hint for the log, out of the answer body", () => {
    const error = hinted();
    expect(error.hint).toContain("publicUrl");
    expect(JSON.stringify(error)).toBe(
      '{"error":{"code":"signature_invalid","message":"The signature does not match."}}',
    );
  });

  it("is logged with the rejection and never reaches the response", async () => {
    const logger = memoryLogger();
    const provider: Provider<undefined, undefined> = {
      name: "hinted",
      defaults: { toleranceSec: 300, dedupeTtlMs: 3_600_000 },
      verify() {
        throw hinted();
      },
      dedupeKey: () => "k",
      normalize: (_payload, context) => unknownEvent("x", context),
    };
    const app = express();
    app.post("/hook", smsWebhook(provider, { logger }), (_req, res) => res.sendStatus(204));
    const res = await request(app).post("/hook").send("x");
    expect(res.status).toBe(401);
    expect(res.text).not.toContain("internal.example");
    expect(res.text).not.toContain("publicUrl");
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]?.message).toBe(
      "webhook rejected: The signature does not match. It was checked against " +
        "https://internal.example:8080/hook; set publicUrl.",
    );
  });
});
