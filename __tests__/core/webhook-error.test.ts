// __tests__/core/webhook-error.test.ts — codes, statuses and the answer body.

import { isWebhookError, WebhookError, webhookErrorStatus } from "../../lib/index.js";

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
