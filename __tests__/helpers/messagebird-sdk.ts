// __tests__/helpers/messagebird-sdk.ts — messagebird's own JWT verifier (CommonJS, untyped), at a given time.

import crypto from "node:crypto";
import { createRequire } from "node:module";

interface WebhookSignatureJwt {
  verify(
    url: string,
    payload: Buffer,
    jwt: string,
    key: crypto.KeyObject,
    options: unknown,
  ): Promise<boolean>;
  VerifyOptions: new () => { jwtVerifyOptions: Record<string, unknown> };
}

const sdk = createRequire(__filename)(
  "messagebird/lib/webhook-signature-jwt",
) as WebhookSignatureJwt;

/** Whether messagebird 4's `verify()` accepts `token` for `url` and `payload` at `at`. */
export function sdkVerifies(
  url: string,
  payload: string,
  token: string,
  key: string,
  at: Date,
): Promise<boolean> {
  const options = new sdk.VerifyOptions();
  options.jwtVerifyOptions = { ...options.jwtVerifyOptions, currentDate: at };
  const secretKey = crypto.createSecretKey(Buffer.from(key, "utf8"));
  return sdk.verify(url, Buffer.from(payload), token, secretKey, options).then(
    () => true,
    () => false,
  );
}
