// lib/core/public-url.ts — the URL a provider signed (Twilio, Plivo, Bird, MessageBird): from `publicUrl`, or as the framework saw it.

import { z } from "zod";
import type { RawRequest } from "./raw-request.js";

/**
 * Where a provider sends its webhooks: the origin it calls (`"https://hooks.example.com"`,
 * optionally with a path prefix a proxy strips before the app sees it), or a function that
 * returns the whole URL the provider called for a request.
 */
export type PublicUrl = string | ((req: RawRequest) => string);

/** The zod schema of a `publicUrl` option: an http(s) origin (and path prefix), or a function. */
export const publicUrlSchema = z.union(
  [
    z.string().refine(isOriginAndPrefix, {
      message:
        'must be the http(s) origin the provider calls, optionally with a path prefix ("https://hooks.example.com"), without a query or fragment — or a function returning the whole URL',
    }),
    z.custom<(req: RawRequest) => string>((value) => typeof value === "function"),
  ],
  {
    message:
      'must be the http(s) origin the provider calls ("https://hooks.example.com") or a function returning the whole URL',
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
 *
 * @param provider - The factory's name, for those errors (`"twilio"`).
 */
export function urlResolver(
  provider: string,
  publicUrl: PublicUrl | undefined,
): (req: RawRequest) => string {
  if (typeof publicUrl === "string") {
    const origin = publicUrl.replace(/\/+$/, "");
    return (req) => origin + req.url;
  }
  if (publicUrl !== undefined) {
    return (req) => {
      const url: unknown = publicUrl(req);
      if (typeof url !== "string" || url === "") {
        throw new Error(
          `${provider}: the publicUrl function must return the whole URL, as a string`,
        );
      }
      return url;
    };
  }
  return (req) => {
    if (req.fullUrl === undefined) {
      throw new Error(
        `${provider}: this adapter cannot tell which URL the request was sent to (RawRequest.fullUrl ` +
          `is absent), and the provider signs that URL: set ${provider}({ publicUrl: "https://your-public-host" })`,
      );
    }
    return req.fullUrl();
  };
}

/**
 * The log hint for a URL signature that failed (never sent in a response: the URL is the
 * operator's own, and what to set depends on where it came from).
 *
 * @param provider - The factory's name (`"twilio"`).
 * @param url - The URL that was checked, as it will be named.
 * @param publicUrlSet - Whether it came from the `publicUrl` option.
 * @param how - How it was checked, after the URL (`" (with and without the port)"`).
 */
export function signedUrlHint(
  provider: string,
  url: string,
  publicUrlSet: boolean,
  how = "",
): string {
  // The query stays out of the log: a GET webhook's holds the sender's number and the text.
  const query = url.indexOf("?");
  const shown = query === -1 ? url : `${url.slice(0, query)}?… (query not shown)`;
  const checked = `It was checked against ${shown}${how}.`;
  if (publicUrlSet) {
    return `${checked} If the provider calls another URL, fix ${provider}({ publicUrl }): the origin (and any path prefix a proxy strips) of the webhook URL set in the provider's console.`;
  }
  return `${checked} The provider signs the URL it called: behind a proxy, load balancer or tunnel (ngrok…) the app sees another scheme, host or port — set ${provider}({ publicUrl: "https://your-public-host" }), or app.set("trust proxy", …) so Express reads X-Forwarded-Proto and X-Forwarded-Host from your proxy.`;
}
