// __tests__/helpers/sdk-signatures.ts — the official SDKs' own signature code, as independent
// checks of our signers and verifiers. Imported from the modules that hold it, not from the
// packages' main modules, which also load their whole REST clients (about 0.15 s of CPU each,
// in every Jest file that imports them).

import * as plivoV2 from "plivo/dist/utils/security.js";
import * as plivoV3 from "plivo/dist/utils/v3Security.js";

/** What `require("twilio")` exposes for webhooks: validateRequest, webhook(), ... */
export * as twilioSdk from "twilio/lib/webhooks/webhooks.js";

/** What `require("plivo")` exposes for webhooks: the V2 and V3 signature checks, as it wraps them. */
export const plivoSdk = {
  validateSignature: plivoV2.validateSignature,
  validateV3Signature: (
    method: string,
    uri: string,
    nonce: string,
    authToken: string,
    signature: string,
    params: object = {},
  ): boolean => plivoV3.validateV3Signature(method, uri, nonce, authToken, signature, params),
};
