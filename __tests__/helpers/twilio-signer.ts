// __tests__/helpers/twilio-signer.ts — X-Twilio-Signature as Twilio's docs describe it, independent of lib/.

import crypto from "node:crypto";

export type TwilioParams = Record<string, string | string[]>;

/** base64 HMAC-SHA1(token, url + sorted key+value); a repeated key's values de-duplicated, sorted. */
export function twilioSignature(token: string, url: string, params: TwilioParams = {}): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => {
      const value = params[key]!;
      const values = Array.isArray(value) ? Array.from(new Set(value)).sort() : [value];
      return acc + values.map((one) => key + one).join("");
    }, url);
  return crypto.createHmac("sha1", token).update(Buffer.from(data, "utf-8")).digest("base64");
}

/** Hex SHA-256 of a JSON body, as Twilio puts it in `bodySHA256`. */
export function twilioBodyHash(body: string): string {
  return crypto.createHash("sha256").update(Buffer.from(body, "utf-8")).digest("hex");
}

/** A form body with every value of a repeated key, in the order given. */
export function twilioForm(params: TwilioParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
  }
  return form.toString();
}
