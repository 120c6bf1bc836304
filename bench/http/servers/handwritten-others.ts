// bench/http/servers/handwritten-others.ts — careful hand-written receivers for the other
// providers: the baseline each library row is compared with, like for like.
//
// Each does what a careful developer does without the library — raw body, the provider's
// signature compared in constant time, the window where the provider signs a time, parse, and
// a Set to drop retries — and nothing more (no schema, no normalized event, no TTL).

import {
  createHash,
  createHmac,
  createPublicKey,
  createSecretKey,
  timingSafeEqual,
  verify,
} from "node:crypto";
import express, { type Express, type Response } from "express";
import { jwtVerify } from "jose";
import { routes } from "../protocol.js";

const toleranceSec = 300;

function app(path: string, handle: (body: Buffer, headers: Record<string, unknown>) => number) {
  const server = express();
  server.post(path, express.raw({ type: "*/*" }), (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body)) return void res.sendStatus(400);
    answer(res, handle(body, req.headers));
  });
  return server;
}

function answer(res: Response, status: number): void {
  res.sendStatus(status);
}

function hexEqual(given: unknown, expected: Buffer): boolean {
  if (typeof given !== "string") return false;
  const bytes = Buffer.from(given, "hex");
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/** Mifumo: X-Webhook-Signature = hex HMAC-SHA256 of the body; dedupe per message, event, recipient. */
export function handwrittenMifumoApp(secret: string): Express {
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  const seen = new Set<string>();
  return app(routes.mifumo, (body, headers) => {
    const expected = createHmac("sha256", key).update(body).digest();
    if (!hexEqual(headers["x-webhook-signature"], expected)) return 401;
    const event = JSON.parse(body.toString("utf8")) as Record<string, string | undefined>;
    const id = `${event["message_id"]}:${event["event"]}:${event["recipient"] ?? ""}`;
    if (seen.has(id)) return 200;
    seen.add(id);
    return 204;
  });
}

/** Vonage SMS: the sig parameter (md5hash) over the sorted form parameters; dedupe per receipt. */
export function handwrittenVonageSmsApp(secret: string): Express {
  const seen = new Set<string>();
  return app(routes.vonageSms, (body) => {
    const params = Object.fromEntries(new URLSearchParams(body.toString("utf8")));
    let signed = "";
    for (const name of Object.keys(params).sort()) {
      if (name !== "sig") signed += `&${name}=${params[name]!.replace(/[&=]/g, "_")}`;
    }
    const expected = createHash("md5")
      .update(signed + secret)
      .digest();
    if (!hexEqual(params["sig"], expected)) return 401;
    if (Math.abs(Date.now() / 1000 - Number(params["timestamp"])) > toleranceSec) return 401;
    const id = `${params["messageId"]}:${params["status"]}`;
    if (seen.has(id)) return 200;
    seen.add(id);
    return 204;
  });
}

/** Vonage Messages: the JWT (jose, HS256, iss Vonage), payload_hash and iat; dedupe per status. */
export function handwrittenVonageMessagesApp(secret: string): Express {
  const key = createSecretKey(Buffer.from(secret, "utf8"));
  const seen = new Set<string>();
  const server = express();
  server.post(routes.vonageMessages, express.raw({ type: "*/*" }), (req, res) => {
    const body: unknown = req.body;
    const token = req.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!Buffer.isBuffer(body)) return void res.sendStatus(400);
    jwtVerify(token, key, { algorithms: ["HS256"], issuer: "Vonage" }).then(
      ({ payload }) => {
        const hash = createHash("sha256").update(body).digest();
        if (!hexEqual(payload["payload_hash"], hash)) return answer(res, 401);
        if (Math.abs(Date.now() / 1000 - (payload.iat ?? 0)) > toleranceSec)
          return answer(res, 401);
        const update = JSON.parse(body.toString("utf8")) as Record<string, string | undefined>;
        const id = `${update["message_uuid"]}:${update["status"]}`;
        if (seen.has(id)) return answer(res, 200);
        seen.add(id);
        answer(res, 204);
      },
      () => answer(res, 401),
    );
  });
  return server;
}

/** Telnyx: Ed25519 over `${telnyx-timestamp}|` + the body, the window; dedupe on data.id. */
export function handwrittenTelnyxApp(publicKey: string): Express {
  const key = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey, "base64").toString("base64url") },
    format: "jwk",
  });
  const seen = new Set<string>();
  return app(routes.telnyx, (body, headers) => {
    const timestamp = headers["telnyx-timestamp"];
    const signature = headers["telnyx-signature-ed25519"];
    if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return 401;
    if (typeof signature !== "string") return 401;
    const signed = Buffer.concat([Buffer.from(`${timestamp}|`), body]);
    if (!verify(null, signed, key, Buffer.from(signature, "base64"))) return 401;
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSec) return 401;
    const event = JSON.parse(body.toString("utf8")) as { data: { id: string } };
    if (seen.has(event.data.id)) return 200;
    seen.add(event.data.id);
    return 204;
  });
}

/**
 * Plivo V3: base64 HMAC-SHA256 of the public URL + `?` + the sorted `key + value` form
 * parameters + `.` + the nonce, any of the header's comma-separated signatures; no time is
 * signed; dedupe on MessageUUID + Status.
 */
export function handwrittenPlivoApp(authToken: string, origin: string): Express {
  const key = createSecretKey(Buffer.from(authToken, "utf8"));
  const seen = new Set<string>();
  return app(routes.plivo, (body, headers) => {
    const nonce = headers["x-plivo-signature-v3-nonce"];
    const header = headers["x-plivo-signature-v3"];
    if (typeof nonce !== "string" || typeof header !== "string") return 401;
    const params = new Map<string, string[]>();
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
      params.set(name, [...(params.get(name) ?? []), value]);
    }
    let signed = `${origin}${routes.plivo}?`;
    for (const name of [...params.keys()].sort()) {
      for (const value of [...(params.get(name) ?? [])].sort()) signed += name + value;
    }
    const expected = createHmac("sha256", key).update(`${signed}.${nonce}`).digest();
    const matches = header.split(",").some((one) => {
      const given = Buffer.from(one.trim(), "base64");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!matches) return 401;
    const id = `${params.get("MessageUUID")?.[0]}:${params.get("Status")?.[0]}`;
    if (seen.has(id)) return 200;
    seen.add(id);
    return 204;
  });
}
