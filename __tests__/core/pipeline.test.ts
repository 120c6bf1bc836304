// __tests__/core/pipeline.test.ts — the framework-free pipeline on a RawRequest, no Express.

import {
  androidSmsGateway,
  createPipeline,
  MemoryStore,
  type RawRequest,
} from "../../lib/index.js";
import { signAndroid } from "../helpers/android-signer.js";
import { memoryLogger } from "../helpers/logger.js";

const key = "core-key";
const now = new Date("2024-06-22T08:46:30Z");

function rawRequest(id: string, signature?: string): RawRequest {
  const body = JSON.stringify({
    id,
    event: "system:ping",
    deviceId: "d",
    payload: { health: { status: "warn", checks: { "battery:level": { status: "warn" } } } },
  });
  const headers = signAndroid(body, key, Math.floor(now.getTime() / 1000));
  if (signature !== undefined) headers["x-signature"] = signature;
  return { method: "POST", url: "/hook", headers, rawBody: Buffer.from(body), rawQuery: "" };
}

function pipeline(mode: "enforce" | "report" = "enforce") {
  return createPipeline(androidSmsGateway({ secret: key }), {
    clock: () => now,
    store: new MemoryStore(),
    logger: memoryLogger(),
    mode,
  });
}

describe("WebhookPipeline.receive", () => {
  it("delivers a verified event, and a second receive of it is a duplicate once settled", async () => {
    const p = pipeline();
    const outcome = await p.receive(rawRequest("p1"));
    if (outcome.type !== "deliver") throw new Error(`expected deliver, got ${outcome.type}`);
    expect(outcome.delivery.event).toMatchObject({ type: "system.ping", id: "p1", verified: true });
    expect(await p.receive(rawRequest("p1"))).toMatchObject({
      type: "reject",
      error: { code: "duplicate_in_flight", retryAfterSec: 5 },
    });
    await outcome.delivery.settle(true);
    expect(await p.receive(rawRequest("p1"))).toEqual({ type: "acknowledge", status: "duplicate" });
  });

  it("frees the event for a retry when settled as not handled", async () => {
    const p = pipeline();
    const first = await p.receive(rawRequest("p2"));
    if (first.type !== "deliver") throw new Error("expected deliver");
    await first.delivery.settle(false);
    expect((await p.receive(rawRequest("p2"))).type).toBe("deliver");
  });

  it("settles once: a later commit cannot undo a release", async () => {
    const p = pipeline();
    const first = await p.receive(rawRequest("p3"));
    if (first.type !== "deliver") throw new Error("expected deliver");
    await first.delivery.settle(false);
    await first.delivery.settle(true);
    expect((await p.receive(rawRequest("p3"))).type).toBe("deliver");
  });

  it("rejects a bad signature without throwing", async () => {
    const outcome = await pipeline().receive(rawRequest("p4", "0".repeat(64)));
    expect(outcome).toMatchObject({ type: "reject", error: { code: "signature_invalid" } });
  });

  it("lets a bad signature through in report mode, with the failure as a warning", async () => {
    const outcome = await pipeline("report").receive(rawRequest("p5", "0".repeat(64)));
    if (outcome.type !== "deliver") throw new Error("expected deliver");
    expect(outcome.delivery.event.verified).toBe(false);
    expect(outcome.delivery.warning?.code).toBe("signature_invalid");
    // Unverified, the ping still gets a time: the clock's.
    expect(outcome.delivery.event).toMatchObject({ occurredAt: now });
  });

  it("still rejects a bad payload in report mode", async () => {
    const req = rawRequest("p6");
    const outcome = await pipeline("report").receive({ ...req, rawBody: Buffer.from("{") });
    expect(outcome).toMatchObject({ type: "reject", error: { code: "payload_invalid" } });
  });
});
