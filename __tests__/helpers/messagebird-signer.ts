// __tests__/helpers/messagebird-signer.ts — MessageBird-Signature-JWT built with node:crypto HMAC, independent of lib/ and jose.

import crypto from "node:crypto";

const hashes = { HS256: "sha256", HS384: "sha384", HS512: "sha512" } as const;
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const hex = (data: string) =>
  crypto.createHash("sha256").update(Buffer.from(data, "utf-8")).digest("hex");

/** The claims MessageBird signs, in its order; `changes` overrides or (undefined) drops some. */
export function messageBirdClaims(
  url: string,
  body: string,
  nbf: number,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    url_hash: hex(url),
    ...(body === "" ? {} : { payload_hash: hex(body) }),
    iss: "MessageBird",
    nbf,
    exp: nbf + 60,
    jti: crypto.randomUUID(),
    ...changes,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return claims;
}

/** A compact JWS over `claims` with an HMAC of `alg`, as RFC 7515 spells it out. */
export function messageBirdJwt(
  claims: Record<string, unknown>,
  key: string,
  alg: keyof typeof hashes = "HS256",
): string {
  const input = `${b64url({ alg, typ: "JWT" })}.${b64url(claims)}`;
  const signature = crypto
    .createHmac(hashes[alg], Buffer.from(key, "utf-8"))
    .update(input)
    .digest("base64url");
  return `${input}.${signature}`;
}
