// lib/testing/signers.ts — sign requests exactly as each provider does, to test your own routes.

import { createHash, createHmac, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/**
 * Headers for a request signed as SMS Gateway for Android signs it. A type alias, not an
 * interface, so it passes where `Record<string, string>` is wanted (fetch, supertest).
 */
export type AndroidSmsGatewayHeaders = {
  "Content-Type": "application/json";
  "X-Signature": string;
  "X-Timestamp": string;
};

/**
 * Signs `body` as SMS Gateway for Android does: `X-Signature` = hex HMAC-SHA256(key, body +
 * X-Timestamp). Send `body` byte for byte as signed.
 *
 * @param timestampSec - unix seconds; default now. The app re-signs every retry with a fresh one.
 */
export function signAndroidSmsGateway(
  body: string | Buffer,
  key: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): AndroidSmsGatewayHeaders {
  const timestamp = String(timestampSec);
  const signature = createHmac("sha256", key).update(body).update(timestamp).digest("hex");
  return { "Content-Type": "application/json", "X-Signature": signature, "X-Timestamp": timestamp };
}

/** Headers for a request signed as Mifumo signs it. */
export type MifumoHeaders = {
  "Content-Type": "application/json";
  "X-Webhook-Signature": string;
};

/** Signs `body` as Mifumo does: `X-Webhook-Signature` = hex HMAC-SHA256(secret, body). */
export function signMifumo(body: string | Buffer, secret: string): MifumoHeaders {
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  return { "Content-Type": "application/json", "X-Webhook-Signature": signature };
}

/** The signature methods Vonage's dashboard offers. */
export type VonageSmsSignatureMethod =
  "md5hash" | "md5hmac" | "sha1hmac" | "sha256hmac" | "sha512hmac";

/** Options for {@link signVonageSms}. */
export interface VonageSmsSignOptions {
  /** The dashboard's signature method. Default `"md5hash"`. */
  method?: VonageSmsSignatureMethod;
  /** The signed `timestamp`, unix seconds. Default now. */
  timestampSec?: number;
  /** The signed `nonce`. Default a random UUID. */
  nonce?: string;
}

/**
 * Signs Vonage SMS webhook parameters as Vonage does: adds `timestamp` and `nonce`, then `sig`
 * over every parameter, keys sorted, `&key=value` with `&` and `=` in values made `_`. Send the
 * result as a query string, a form body or JSON.
 */
export function signVonageSms(
  params: Readonly<Record<string, string>>,
  secret: string,
  options: VonageSmsSignOptions = {},
): Record<string, string> {
  const {
    method = "md5hash",
    timestampSec = Math.floor(Date.now() / 1000),
    nonce = randomUUID(),
  } = options;
  const signed: Record<string, string> = { ...params, timestamp: String(timestampSec), nonce };
  delete signed["sig"];
  let base = "";
  for (const key of Object.keys(signed).sort()) {
    base += `&${key}=${signed[key]!.replace(/[&=]/g, "_")}`;
  }
  const sig =
    method === "md5hash"
      ? createHash("md5")
          .update(base + secret)
          .digest("hex")
      : createHmac(method.slice(0, -4), secret).update(base).digest("hex");
  return { ...signed, sig };
}

/** Options for {@link signVonageMessages}. */
export interface VonageMessagesSignOptions {
  /** The `api_key` claim (which secret signed it). Default `"a1b2c3d"`. */
  apiKey?: string;
  /** The `application_id` claim, when the message belongs to an application. */
  applicationId?: string;
  /** The `iat` claim, unix seconds. Default now. */
  issuedAtSec?: number;
}

/**
 * Signs a Messages API webhook body as Vonage does: `Authorization: Bearer <JWT>`, HS256 with
 * the signature secret, claims `iat`, `jti`, `iss: "Vonage"`, `payload_hash` (hex SHA-256 of
 * the body), `api_key` and `application_id`.
 */
export async function signVonageMessages(
  body: string | Buffer,
  secret: string,
  options: VonageMessagesSignOptions = {},
): Promise<{ "Content-Type": "application/json"; Authorization: string }> {
  const token = await new SignJWT({
    payload_hash: createHash("sha256").update(body).digest("hex"),
    api_key: options.apiKey ?? "a1b2c3d",
    ...(options.applicationId === undefined ? {} : { application_id: options.applicationId }),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(options.issuedAtSec ?? Math.floor(Date.now() / 1000))
    .setJti(randomUUID())
    .setIssuer("Vonage")
    .sign(Buffer.from(secret, "utf8"));
  return { "Content-Type": "application/json", Authorization: `Bearer ${token}` };
}
