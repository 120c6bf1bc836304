// lib/providers/twilio/url.ts — the URLs a Twilio signature may cover: with and without the default port.

import type { PublicUrl } from "../../core/public-url.js";

/** The `publicUrl` option of `twilio()`: see {@link PublicUrl}. */
export type TwilioPublicUrl = PublicUrl;

const authority = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;

/**
 * The URLs a signature may cover, as Twilio's SDK tries them (twilio-node `validateRequest`):
 * without any port, and with the scheme's default port when it has none. Twilio signs
 * `https://host/…` and `https://host:443/…` alike, and for a non-standard port has signed both
 * with and without it (twilio/twilio-node#411). Only the URL as received is tried, never a
 * re-encoded one: Twilio signs the exact characters it requested. A `user:password@` is left
 * out, as Twilio leaves it out of what it signs.
 */
export function urlCandidates(url: string): readonly string[] {
  const match = authority.exec(url);
  if (match === null) return [url];
  const [prefix, scheme = "", authorityPart = ""] = match;
  const rest = url.slice(prefix.length);
  const hostAndPort = authorityPart.slice(authorityPart.lastIndexOf("@") + 1);
  // A colon starts the port only after an IPv6 literal's closing bracket.
  const portStart = hostAndPort.indexOf(":", hostAndPort.lastIndexOf("]") + 1);
  const host = portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart);
  const withoutPort = scheme + host + rest;
  if (portStart !== -1) return [withoutPort, scheme + hostAndPort + rest];
  const defaultPort = scheme.toLowerCase() === "https://" ? ":443" : ":80";
  return [withoutPort, scheme + host + defaultPort + rest];
}
