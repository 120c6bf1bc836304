// lib/providers/plivo/media.ts — an MMS's (or WhatsApp message's) attachments, from Media<n> and MediaCount.

import { isHttpUrl } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { PlivoPayload } from "./params.js";

/** One attachment of an inbound message, as the event carries it. */
export interface PlivoMedia {
  /** Its kind from WhatsApp's `MimeType` (`image`, `video`, `audio`), else `file`: MMS says none. */
  readonly type: string;
  /** Where to fetch it (Plivo's media URL). */
  readonly url: string;
}

const mediaKey = /^Media(\d{1,3})$/;
const kinds: ReadonlySet<string> = new Set(["image", "video", "audio"]);

/**
 * The attachments: `Media1…MediaN` (Plivo's docs; its support articles say `Media0…`, so either
 * numbering is read), in order. Throws `payload_invalid` when they disagree with `MediaCount`
 * (which a re-cut of the signed parameters would make), when an MMS has media without
 * `MediaCount` (its last URL could have swallowed it), or for a value that is not an http(s)
 * URL. WhatsApp messages, whose callbacks do not document `MediaCount`, may omit it.
 */
export function mediaOf(payload: PlivoPayload, count: number | undefined): PlivoMedia[] {
  const indexed: [number, string][] = [];
  for (const key of Object.keys(payload)) {
    const index = mediaKey.exec(key)?.[1];
    if (index === undefined) continue;
    const url = payload[key];
    if (typeof url !== "string" || !isHttpUrl(url)) throw invalid(`${key}: must be an http(s) URL`);
    indexed.push([Number(index), url]);
  }
  if (count === undefined && indexed.length > 0 && payload["Type"] === "mms") {
    throw invalid("an MMS with media must say MediaCount");
  }
  if (count !== undefined && indexed.length !== count) {
    throw invalid(`MediaCount is ${count}, but ${indexed.length} Media<n> parameters came`);
  }
  indexed.sort(([a], [b]) => a - b);
  const first = indexed[0]?.[0] ?? 0;
  if (first > 1 || indexed.some(([index], position) => index !== first + position)) {
    throw invalid("Media<n> must be numbered 1…N (or 0…N-1) without gaps");
  }
  const mimeType = payload["MimeType"];
  const kind = typeof mimeType === "string" ? mimeType.split("/")[0]?.toLowerCase() : undefined;
  return indexed.map(([, url]) => ({
    type: kind !== undefined && kinds.has(kind) ? kind : "file",
    url,
  }));
}

function invalid(problem: string): WebhookError {
  return new WebhookError("payload_invalid", `Invalid payload: ${problem}.`);
}
