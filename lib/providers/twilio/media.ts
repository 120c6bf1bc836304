// lib/providers/twilio/media.ts — an MMS's attachments, from NumMedia, MediaUrlN and MediaContentTypeN.

import { isHttpUrl } from "../../core/validate-payload.js";
import { WebhookError } from "../../core/webhook-error.js";
import type { TwilioPayload } from "./params.js";

/** One attachment of an inbound message, as the event carries it. */
export interface TwilioMedia {
  /** Its kind, from the content type: `image`, `video`, `audio`, or `file` for anything else. */
  readonly type: string;
  /** Where to fetch it (Twilio's URL; with HTTP Basic auth if your account requires it). */
  readonly url: string;
}

const mediaKey = /^Media(?:Url|ContentType)(\d+)$/;
const kinds: ReadonlySet<string> = new Set(["image", "video", "audio"]);

/**
 * The attachments `NumMedia` announces: `MediaUrl0…` with `MediaContentType0…`. Throws
 * `payload_invalid` when they do not agree — a missing one, or one past `NumMedia` (which a
 * re-cut of the signed parameters would make).
 */
export function mediaOf(payload: TwilioPayload, count: number): TwilioMedia[] {
  for (const key of Object.keys(payload)) {
    const index = mediaKey.exec(key)?.[1];
    if (index !== undefined && Number(index) >= count) {
      throw invalid(`${key} is beyond NumMedia (${count})`);
    }
  }
  const media: TwilioMedia[] = [];
  for (let index = 0; index < count; index++) {
    const url = payload[`MediaUrl${index}`];
    const contentType = payload[`MediaContentType${index}`];
    if (typeof url !== "string" || !isHttpUrl(url)) {
      throw invalid(`MediaUrl${index}: must be an http(s) URL (NumMedia is ${count})`);
    }
    if (typeof contentType !== "string" || !contentType.includes("/")) {
      throw invalid(`MediaContentType${index}: must be a content type (NumMedia is ${count})`);
    }
    const kind = contentType.slice(0, contentType.indexOf("/")).toLowerCase();
    media.push({ type: kinds.has(kind) ? kind : "file", url });
  }
  return media;
}

function invalid(problem: string): WebhookError {
  return new WebhookError("payload_invalid", `Invalid payload: ${problem}.`);
}
