// lib/providers/twilio/url.ts — the URL Twilio signed: from `publicUrl`, or as the framework saw it.

import { z } from "zod";
import type { RawRequest } from "../../core/raw-request.js";

/**
 * Where Twilio sends its webhooks: the origin it calls (`"https://hooks.example.com"`,
 * optionally with a path prefix a proxy strips before the app sees it), or a function that
 * returns the whole URL Twilio called for a request.
 */
export type TwilioPublicUrl = string | ((req: RawRequest) => string);

/** The zod schema of the `publicUrl` option: an http(s) origin (and path prefix), or a function. */
export const publicUrlSchema = z.union(
  [
    z.string().refine(isOriginAndPrefix, {
      message:
        'must be the http(s) origin Twilio calls, optionally with a path prefix ("https://hooks.example.com"), without a query or fragment — or a function returning the whole URL',
    }),
    z.custom<(req: RawRequest) => string>((value) => typeof value === "function"),
  ],
  {
    message:
      'must be the http(s) origin Twilio calls ("https://hooks.example.com") or a function returning the whole URL',
  },
);

function isOriginAndPrefix(value: string): boolean {
  if (!/^https?:\/\/[^/?#]+(\/[^?#]*)?$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * How the URL of a request is found. A `publicUrl` string (trailing `/` ignored) is followed by
 * the request's original path and query, as received; a function gives the whole URL; without
 * one, the adapter's `fullUrl()` (Express: `req.protocol`, the host as `trust proxy` allows,
 * `req.originalUrl`). Forwarded headers are never read here: the framework's setting decides.
 * Throws a plain `Error` (an `internal_error`, logged, never answered) when no URL can be known.
 */
export function urlResolver(publicUrl: TwilioPublicUrl | undefined): (req: RawRequest) => string {
  if (typeof publicUrl === "string") {
    const origin = publicUrl.replace(/\/+$/, "");
    return (req) => origin + req.url;
  }
  if (publicUrl !== undefined) {
    return (req) => {
      const url: unknown = publicUrl(req);
      if (typeof url !== "string" || url === "") {
        throw new Error("twilio: the publicUrl function must return the whole URL, as a string");
      }
      return url;
    };
  }
  return (req) => {
    if (req.fullUrl === undefined) {
      throw new Error(
        "twilio: this adapter cannot tell which URL the request was sent to (RawRequest.fullUrl " +
          'is absent), and Twilio signs that URL: set twilio({ publicUrl: "https://your-public-host" })',
      );
    }
    return req.fullUrl();
  };
}

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
