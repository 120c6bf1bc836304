// __tests__/helpers/vonage-sms-signer.ts — Vonage's `sig` as its docs describe it, independent of lib/.

import crypto from "node:crypto";

export type Method = "md5hash" | "md5hmac" | "sha1hmac" | "sha256hmac" | "sha512hmac";

/** sig over params (all but sig), sorted keys, `&k=v` with & and = in values made `_`. */
export function vonageSig(params: Record<string, string>, secret: string, method: Method): string {
  const keys = Object.keys(params)
    .filter((key) => key !== "sig")
    .sort();
  let base = "";
  for (const key of keys)
    base += "&" + key + "=" + params[key]!.split("&").join("_").split("=").join("_");
  if (method === "md5hash")
    return crypto
      .createHash("md5")
      .update(base + secret)
      .digest("hex");
  const algorithm = {
    md5hmac: "md5",
    sha1hmac: "sha1",
    sha256hmac: "sha256",
    sha512hmac: "sha512",
  }[method];
  return crypto.createHmac(algorithm, secret).update(base).digest("hex");
}

/** The params with timestamp, nonce and sig added, as Vonage sends a signed webhook. */
export function signVonageParams(
  params: Record<string, string>,
  secret: string,
  method: Method,
  timestampSec: number,
): Record<string, string> {
  const signed = { ...params, timestamp: String(timestampSec), nonce: crypto.randomUUID() };
  return { ...signed, sig: vonageSig(signed, secret, method) };
}

export const formEncode = (params: Record<string, string>) =>
  new URLSearchParams(params).toString();
