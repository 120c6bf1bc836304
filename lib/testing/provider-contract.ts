// lib/testing/provider-contract.ts — the behaviour every provider must have, as a test suite.

import assert from "node:assert/strict";
import type { Outcome } from "../core/outcome.js";
import { createPipeline, type Pipeline } from "../core/pipeline.js";
import type { Provider } from "../core/provider.js";
import type { RawRequest } from "../core/raw-request.js";
import type { Claim } from "../core/stores.js";
import type { WebhookErrorCode } from "../core/webhook-error.js";
import { silentLogger } from "../core/logger.js";
import { MemoryStore } from "../stores/memory-store.js";
import { testGlobals } from "./test-globals.js";

/** What {@link runProviderContract} needs to drive a provider: how to sign for it. */
export interface ProviderFixtures<Payload = unknown, Signed = unknown> {
  /** Builds the provider under test with `secret` (one, or a rotation list). */
  provider(secret: string | readonly string[]): Provider<Payload, Signed>;
  /** The secret the suite signs with and configures. */
  readonly secret: string;
  /** The suite's clock: requests are signed at this time unless told otherwise. */
  readonly now: Date;
  /**
   * A validly signed request for a fresh event (ids of its own), signed with `secret` (default
   * the fixtures' own) at `signedAt` (default `now`), exactly as the provider sends it.
   */
  request(options?: { secret?: string; signedAt?: Date }): RawRequest | Promise<RawRequest>;
  /** A validly signed request whose payload the provider must refuse (400 `payload_invalid`). */
  badPayload(): RawRequest | Promise<RawRequest>;
  /** The same request without its signature. */
  unsign(req: RawRequest): RawRequest;
  /** What an unsigned request gets. Default `signature_missing`. */
  readonly unsignedCode?: WebhookErrorCode;
  /** True when the provider signs a time that the window checks. */
  readonly signsTime: boolean;
  /**
   * At most this many byte positions of the body and of the query string are tampered with,
   * spread evenly. Default 400.
   */
  readonly tamperedBytes?: number;
}

// A MemoryStore that counts what the pipeline asked of it.
class CountingStore extends MemoryStore {
  claims = 0;
  commits = 0;
  releases = 0;

  override claim(key: string, leaseMs: number): Claim {
    this.claims++;
    return super.claim(key, leaseMs);
  }

  override commit(key: string, token: string, ttlMs: number): void {
    this.commits++;
    super.commit(key, token, ttlMs);
  }

  override release(key: string, token: string): void {
    this.releases++;
    super.release(key, token);
  }
}

const rejectionStatuses = new Set([400, 401, 413, 415]);

/**
 * Registers a test suite (describe/it, in Jest, Vitest or Mocha) that checks a provider keeps
 * the contract the pipeline relies on, through the framework-free `receive()`: a good request
 * is delivered once and verified, its duplicate acknowledged; every tampered byte of the body
 * and query, another secret, no signature and a signed time outside the window are rejected
 * before the store; a bad payload gets 400 and holds no claim; report mode lets a forgery
 * through unverified without using up the genuine event's key.
 *
 * @example
 * runProviderContract("myProvider", {
 *   provider: (secret) => myProvider({ secret }),
 *   secret: "test-secret",
 *   now: new Date("2024-01-01T00:00:00Z"),
 *   request: ({ secret = "test-secret", signedAt } = {}) => signedRequest(secret, signedAt),
 *   badPayload: () => signedRequest("test-secret", undefined, "{}"),
 *   unsign: (req) => ({ ...req, headers: { ...req.headers, "x-signature": undefined } }),
 *   signsTime: true,
 * });
 */
export function runProviderContract<Payload, Signed>(
  name: string,
  fixtures: ProviderFixtures<Payload, Signed>,
): void {
  const { describe, it } = testGlobals();
  const provider = fixtures.provider(fixtures.secret);

  function pipeline(options: { mode?: "report"; toleranceSec?: number } = {}) {
    const store = new CountingStore();
    const received: Pipeline = createPipeline(provider, {
      store,
      clock: () => fixtures.now,
      logger: silentLogger,
      ...options,
    });
    return { store, receive: (req: RawRequest) => received.receive(req) };
  }

  const delivered = (outcome: Outcome) => {
    assert.equal(outcome.type, "deliver", `expected a delivery, got ${summary(outcome)}`);
    return outcome.delivery;
  };

  const rejected = (outcome: Outcome, what: string) => {
    assert.equal(outcome.type, "reject", `${what}: expected a rejection, got ${summary(outcome)}`);
    return outcome.error;
  };

  const signedAtOffset = (seconds: number) => ({
    signedAt: new Date(fixtures.now.getTime() + seconds * 1000),
  });

  describe(`${name} (provider contract)`, () => {
    it("delivers a fresh signed event once, verified, with the pipeline's fields", async () => {
      const { receive } = pipeline();
      const req = await fixtures.request();
      const delivery = delivered(await receive(req));
      const { event } = delivery;
      assert.equal(event.provider, provider.name);
      assert.equal(event.verified, true);
      assert.ok(typeof event.id === "string" && event.id.length > 0, "the event has an id");
      assert.notEqual(event.raw, undefined, "the event keeps the payload as raw");
      const concurrent = rejected(await receive(req), "a concurrent duplicate");
      assert.equal(concurrent.code, "duplicate_in_flight");
      await delivery.settle(true);
      assert.deepEqual(await receive(req), { type: "acknowledge", status: "duplicate" });
    });

    it("delivers the provider's retry again when the first delivery failed", async () => {
      const { receive } = pipeline();
      const req = await fixtures.request();
      await delivered(await receive(req)).settle(false);
      delivered(await receive(req));
    });

    it("rejects every tampered byte of the body and query, before the store", async () => {
      const { receive, store } = pipeline();
      const req = await fixtures.request();
      for (const tampered of tamperings(req, fixtures.tamperedBytes ?? 400)) {
        const error = rejected(await receive(tampered.req), tampered.what);
        assert.ok(rejectionStatuses.has(error.status), `${tampered.what}: got ${error.code}`);
      }
      assert.equal(store.claims, 0, "a tampered request reached the store");
      delivered(await receive(req));
    });

    it("rejects a request signed with another secret, before the store", async () => {
      const { receive, store } = pipeline();
      const error = rejected(
        await receive(await fixtures.request({ secret: `${fixtures.secret}-other` })),
        "another secret",
      );
      assert.ok(["signature_invalid", "secret_unknown"].includes(error.code), error.code);
      assert.equal(store.claims, 0);
    });

    it("accepts a request signed with any secret of a rotation list", async () => {
      const rotating = createPipeline(
        fixtures.provider([`${fixtures.secret}-next`, fixtures.secret]),
        {
          store: new MemoryStore(),
          clock: () => fixtures.now,
          logger: silentLogger,
        },
      );
      delivered(await rotating.receive(await fixtures.request()));
    });

    it("rejects a request without its signature, before the store", async () => {
      const { receive, store } = pipeline();
      const error = rejected(await receive(fixtures.unsign(await fixtures.request())), "unsigned");
      assert.equal(error.code, fixtures.unsignedCode ?? "signature_missing");
      assert.equal(store.claims, 0);
    });

    if (fixtures.signsTime) {
      it("rejects a signed time outside the window either way, before the store", async () => {
        const { receive, store } = pipeline();
        const toleranceSec = provider.defaults.toleranceSec;
        for (const offset of [-(toleranceSec + 5), toleranceSec + 5]) {
          const req = await fixtures.request(signedAtOffset(offset));
          const error = rejected(await receive(req), `signed ${offset} s away`);
          assert.equal(error.code, "timestamp_out_of_window");
        }
        assert.equal(store.claims, 0);
        delivered(await receive(await fixtures.request(signedAtOffset(5 - toleranceSec))));
      });
    }

    it("answers a signed bad payload 400 payload_invalid, holding no claim", async () => {
      const { receive, store } = pipeline();
      const error = rejected(await receive(await fixtures.badPayload()), "a bad payload");
      assert.equal(error.code, "payload_invalid");
      assert.equal(store.claims, store.releases, "a claim was left held");
      assert.equal(store.commits, 0);
    });

    it("lets a forgery through in report mode, unverified, apart from the genuine event", async () => {
      const { receive } = pipeline({ mode: "report" });
      const req = await fixtures.request();
      const unverified = delivered(await receive(fixtures.unsign(req)));
      assert.equal(unverified.event.verified, false);
      await unverified.settle(true);
      const genuine = delivered(await receive(req));
      assert.equal(genuine.event.verified, true);
    });
  });
}

function summary(outcome: Outcome): string {
  if (outcome.type === "reject") return `reject ${outcome.error.code}`;
  if (outcome.type === "acknowledge") return `acknowledge ${outcome.status}`;
  return "deliver";
}

// One copy of `req` per tampered byte (the lowest bit flipped), at most `limit` per part.
function* tamperings(req: RawRequest, limit: number): Generator<{ what: string; req: RawRequest }> {
  for (const index of spread(req.rawBody.length, limit)) {
    const rawBody = Buffer.from(req.rawBody);
    rawBody[index] = (rawBody[index] ?? 0) ^ 1;
    yield { what: `body byte ${index}`, req: { ...req, rawBody } };
  }
  const path = req.url.slice(0, req.url.length - req.rawQuery.length);
  for (const index of spread(req.rawQuery.length, limit)) {
    const rawQuery = flipChar(req.rawQuery, index);
    yield { what: `query byte ${index}`, req: { ...req, rawQuery, url: path + rawQuery } };
  }
}

function* spread(length: number, limit: number): Generator<number> {
  const step = Math.max(1, length / limit);
  for (let at = 0; at < length; at += step) yield Math.floor(at);
}

function flipChar(text: string, index: number): string {
  return (
    text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ 1) + text.slice(index + 1)
  );
}
