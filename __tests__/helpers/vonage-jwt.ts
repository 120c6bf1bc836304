// __tests__/helpers/vonage-jwt.ts — HS256 JWTs as Vonage signs its webhooks, written out plainly.

import crypto from "node:crypto";

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** header.claims.HMAC-SHA256(secret) — claims serialized in the order given. */
export function hs256(
  claims: object,
  secret: string,
  header: object = { alg: "HS256", typ: "JWT" },
): string {
  const input = `${base64url(header)}.${base64url(claims)}`;
  return `${input}.${crypto.createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/** The claims Vonage puts in a signed webhook's token, for `body`. */
export function vonageClaims(
  body: string,
  options: { iat: number; apiKey?: string; applicationId?: string; jti?: string },
): Record<string, unknown> {
  return {
    iat: options.iat,
    jti: options.jti ?? crypto.randomUUID(),
    iss: "Vonage",
    payload_hash: crypto.createHash("sha256").update(body).digest("hex"),
    api_key: options.apiKey ?? "a1b2c3d",
    ...(options.applicationId === undefined ? {} : { application_id: options.applicationId }),
  };
}
