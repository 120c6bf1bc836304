// __tests__/helpers/telnyx-signer.ts — telnyx-signature-ed25519 as Telnyx's docs describe it, independent of lib/.

import crypto from "node:crypto";
import { createRequire } from "node:module";

/** telnyx@7.24.0's own verifier, loaded as shared/signing-scripts/more-providers/telnyx.mjs does. */
export const { TelnyxWebhook } = createRequire(import.meta.url)("telnyx/lib/webhooks") as {
  TelnyxWebhook: new (key: string) => {
    verify(payload: string, headers: Record<string, string>): Promise<void>;
  };
};

/** An Ed25519 key pair from a 32-byte seed, as shared/signing-scripts/more-providers/telnyx.mjs makes it. */
export function keyPairFromSeed(seedHex: string) {
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([
      Buffer.from("302e020100300506032b657004220420", "hex"),
      Buffer.from(seedHex, "hex"),
    ]),
    format: "der",
    type: "pkcs8",
  });
  const { x } = crypto.createPublicKey(privateKey).export({ format: "jwk" });
  return { privateKey, publicKey: Buffer.from(x!, "base64url").toString("base64") };
}

/** A key pair derived from any name: the same name, the same pair (for "another key" cases). */
export function keyPairNamed(name: string) {
  return keyPairFromSeed(crypto.createHash("sha256").update(name).digest("hex"));
}

/** base64 Ed25519 signature over `${timestamp}|` + the body's bytes. */
export function telnyxSignature(
  privateKey: crypto.KeyObject,
  timestamp: string | number,
  body: string | Buffer,
): string {
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`, "utf8"), Buffer.from(body)]);
  return crypto.sign(null, signed, privateKey).toString("base64");
}

/** The headers Telnyx sends with `body`. */
export function telnyxHeaders(
  privateKey: crypto.KeyObject,
  timestamp: string | number,
  body: string | Buffer,
): Record<string, string> {
  return {
    "content-type": "application/json",
    "telnyx-signature-ed25519": telnyxSignature(privateKey, timestamp, body),
    "telnyx-timestamp": String(timestamp),
  };
}

/** `crypto.verify` over the same bytes, for the vectors. */
export function telnyxVerifies(
  publicKeyBase64: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const key = crypto.createPublicKey({
    key: {
      kty: "OKP",
      crv: "Ed25519",
      x: Buffer.from(publicKeyBase64, "base64").toString("base64url"),
    },
    format: "jwk",
  });
  return crypto.verify(
    null,
    Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.from(body)]),
    key,
    Buffer.from(signature, "base64"),
  );
}
