// lib/core/base64.ts — exact-length base64 signatures, decoded strictly.

/**
 * Decodes a base64 (or, with `url`, unpadded base64url) signature of exactly `bytes` bytes, or
 * `undefined` when it is not one. Only the canonical spelling is accepted — Node's decoder
 * skips characters it does not know and ignores stray trailing bits, so otherwise several
 * strings would carry one signature.
 */
export function decodeBase64(value: string, bytes: number, url = false): Buffer | undefined {
  const encoding = url ? "base64url" : "base64";
  const decoded = Buffer.from(value, encoding);
  if (decoded.length !== bytes || decoded.toString(encoding) !== value) return undefined;
  return decoded;
}
