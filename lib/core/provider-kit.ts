// lib/core/provider-kit.ts — what the built-in providers share, exported for writing your own.

// Reading the request.
export { headerValue, mediaTypeOf, rawQueryOf } from "./raw-request.js";
export { parseFlatParams, parseMultiParams, assertParamName } from "./flat-params.js";
export type { FlatParams, FlatParamsOptions, MultiParams } from "./flat-params.js";
export { parseJsonObject, validatePayload, matchedParam, isHttpUrl } from "./validate-payload.js";

// Secrets and signatures: constant-time, over bytes.
export { secretSchema, secretList, stringOrList, bytesEqual, decodeHex } from "./secrets.js";
export type { SecretInput } from "./secrets.js";
export { decodeBase64 } from "./base64.js";
export { hmacKeys, anyHmacMatches, bodyDigestKey } from "./hmac.js";

// Time.
export { parseUnixSeconds } from "./timestamp-window.js";
export { parseIsoDate } from "./iso-date.js";
export type { MissingOffset } from "./iso-date.js";

// Options and events.
export { validateOptions } from "./options.js";
export { unknownEvent, defaultRoutes } from "./provider.js";

// Providers that sign the URL they called.
export { publicUrlSchema, urlResolver, signedUrlHint } from "./public-url.js";
export type { PublicUrl } from "./public-url.js";
