// __tests__/core/single-use.test.ts — a signature that leaves the body out is bound to its first body.

import { createHash, createHmac } from "node:crypto";
import {
  createPipeline,
  MemoryStore,
  WebhookError,
  type DedupeStore,
  type NonceStore,
  type Provider,
  type RawRequest,
} from "../../lib/index.js";
import { memoryLogger } from "../helpers/logger.js";

const secret = "nonce-secret";

// A provider shaped like Plivo V2: the signature covers a nonce, not the body.
interface Signed {
  readonly nonce: string;
}
const nonceSigned: Provider<{ id: string; text: string }, Signed> = {
  name: "nonce-signed",
  defaults: { toleranceSec: 300, dedupeTtlMs: 3_600_000 },
  parse: (req) => ({ nonce: String(req.headers["x-nonce"] ?? "") }),
  verify(req, signed) {
    const expected = createHmac("sha256", secret).update(signed.nonce).digest("hex");
    if (req.headers["x-signature"] !== expected) {
      throw new WebhookError("signature_invalid", "bad signature");
    }
    return undefined;
  },
  singleUse: (signed, req) => ({
    key: signed.nonce,
    fingerprint: createHash("sha256").update(req.rawBody).digest("hex"),
  }),
  read: (req) => JSON.parse(req.rawBody.toString()) as { id: string; text: string },
  dedupeKey: (payload) => payload.id,
  normalize: (payload, context) => ({
    type: "message.received",
    messageId: payload.id,
    from: "+1",
    to: "+2",
    text: payload.text,
    media: [],
    receivedAt: context.receivedAt,
  }),
};

function request(nonce: string, body: object, signature?: string): RawRequest {
  const signed = createHmac("sha256", secret).update(nonce).digest("hex");
  return {
    method: "POST",
    url: "/hook",
    headers: { "x-nonce": nonce, "x-signature": signature ?? signed },
    rawBody: Buffer.from(JSON.stringify(body)),
    rawQuery: "",
  };
}

function pipeline(options: { store?: DedupeStore; mode?: "enforce" | "report" } = {}) {
  const logger = memoryLogger();
  const p = createPipeline(nonceSigned, {
    store: options.store ?? new MemoryStore(),
    logger,
    mode: options.mode ?? "enforce",
    storeTimeoutMs: 50,
  });
  return { p, logger };
}

async function delivered(p: ReturnType<typeof pipeline>["p"], req: RawRequest) {
  const outcome = await p.receive(req);
  if (outcome.type !== "deliver")
    throw new Error(`expected deliver, got ${JSON.stringify(outcome)}`);
  await outcome.delivery.settle(true);
  return outcome.delivery;
}

describe("single-use nonces (Provider.singleUse)", () => {
  it("refuses a captured signature carrying another body: 401 signature_reused", async () => {
    const { p } = pipeline();
    await delivered(p, request("n1", { id: "m1", text: "hello" }));
    const outcome = await p.receive(request("n1", { id: "m2", text: "send money" }));
    expect(outcome).toMatchObject({ type: "reject", error: { code: "signature_reused" } });
    if (outcome.type === "reject") expect(outcome.error.status).toBe(401);
  });

  it("refuses a re-cut of the same event's body too (same id, other text)", async () => {
    const { p } = pipeline();
    await delivered(p, request("n2", { id: "m1", text: "hello" }));
    expect(await p.receive(request("n2", { id: "m1", text: "other" }))).toMatchObject({
      type: "reject",
      error: { code: "signature_reused" },
    });
  });

  it("answers the same request again as a duplicate, and hands it over again if it failed", async () => {
    const { p } = pipeline();
    const first = await p.receive(request("n3", { id: "m3", text: "hi" }));
    if (first.type !== "deliver") throw new Error("expected deliver");
    await first.delivery.settle(false); // the handler failed: the provider's retry must run it
    await delivered(p, request("n3", { id: "m3", text: "hi" }));
    expect(await p.receive(request("n3", { id: "m3", text: "hi" }))).toEqual({
      type: "acknowledge",
      status: "duplicate",
    });
  });

  it("does not let a forged request bind a nonce first", async () => {
    const { p } = pipeline();
    expect(await p.receive(request("n4", { id: "evil", text: "x" }, "0".repeat(64)))).toMatchObject(
      { type: "reject", error: { code: "signature_invalid" } },
    );
    await delivered(p, request("n4", { id: "m4", text: "genuine" }));
  });

  it("lets a reuse through unverified in report mode, logged, apart from the verified event", async () => {
    const { p, logger } = pipeline({ mode: "report" });
    await delivered(p, request("n5", { id: "m5", text: "hello" }));
    const reused = await delivered(p, request("n5", { id: "m5", text: "changed" }));
    expect(reused.event.verified).toBe(false);
    expect(reused.warning?.code).toBe("signature_reused");
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ details: expect.objectContaining({ code: "signature_reused" }) }),
    );
  });

  it("refuses, at construction, a store that cannot keep nonces", () => {
    const plain: DedupeStore = {
      claim: () => ({ state: "claimed", token: "t" }),
      commit: () => {},
      release: () => {},
    };
    expect(() => pipeline({ store: plain })).toThrow(
      expect.objectContaining({ code: "ERR_SMS_WEBHOOKS_CONFLICTING_OPTIONS" }),
    );
  });

  it("answers 503 store_unavailable when the nonce store fails or hangs", async () => {
    const failing = (bindNonce: NonceStore["bindNonce"]) =>
      Object.assign(new MemoryStore(), { bindNonce });
    for (const store of [
      failing(() => {
        throw new Error("down");
      }),
      failing(() => new Promise<boolean>(() => {})),
    ]) {
      const { p } = pipeline({ store });
      expect(await p.receive(request("n6", { id: "m6", text: "hi" }))).toMatchObject({
        type: "reject",
        error: { code: "store_unavailable" },
      });
    }
  });
});
