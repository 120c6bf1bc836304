// lib/core/iso-date.ts — the ISO-8601 date-times providers send, read as UTC instants.

import { WebhookError } from "./webhook-error.js";

// Accepted: `2024-06-22T15:46:11.000+07:00`, `…Z`, `…+0700`, `…+07`, seconds optional, a space
// for the `T` (Vonage SMS), any number of fraction digits (Python writes microseconds). Read
// character by character: every webhook carries a date or two, and a regex with eight groups
// plus `new Date(string)` cost more than the rest of the payload's validation.

/** How to read a date-time that carries no offset. */
export type MissingOffset = "utc" | "reject";

const fourCenturiesMs = 146_097 * 86_400_000;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The number written by `length` digits at `at`, or -1 when one of them is not a digit.
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48; // NaN past the end
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads an ISO-8601 date-time as a `Date`, or `undefined` when it is not one (`2024-02-30`
 * included). Without an offset it is UTC (`missingOffset: "utc"`) or refused: a server's local
 * zone is never assumed.
 */
export function parseIsoDate(value: string, missingOffset: MissingOffset): Date | undefined {
  if (value.length < 16 || value[4] !== "-" || value[7] !== "-" || value[13] !== ":")
    return undefined;
  if (value[10] !== "T" && value[10] !== "t" && value[10] !== " ") return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  let at = 16;
  let second = 0;
  if (value[at] === ":") {
    second = digits(value, at + 1, 2);
    at += 3;
  }
  let millis = 0;
  if (value[at] === ".") {
    const start = ++at;
    while (digits(value, at, 1) >= 0) at++;
    if (at === start) return undefined;
    const kept = Math.min(at - start, 3);
    millis = digits(value, start, kept) * 10 ** (3 - kept);
  }
  const offset = offsetMinutes(value, at);
  if (offset === undefined || (offset === null && missingOffset === "reject")) return undefined;
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) {
    return undefined;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (day > daysInMonth[month - 1]! + leap || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  // Date.UTC reads years 0–99 as 1900–1999: count from 400 years on (the calendar repeats
  // every 400 years) and step back.
  const utc =
    year < 100
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - fourCenturiesMs
      : Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return new Date(utc - (offset ?? 0) * 60_000);
}

// The offset at `at` in minutes: null when there is none, undefined when it is malformed.
function offsetMinutes(value: string, at: number): number | null | undefined {
  const rest = value.length - at;
  if (rest === 0) return null;
  const sign = value[at];
  if (rest === 1) return sign === "Z" || sign === "z" ? 0 : undefined;
  if (sign !== "+" && sign !== "-") return undefined;
  const direction = sign === "-" ? -1 : 1;
  const hours = digits(value, at + 1, 2);
  let minutes = 0;
  if (rest === 6 && value[at + 3] === ":") minutes = digits(value, at + 4, 2);
  else if (rest === 5) minutes = digits(value, at + 3, 2);
  else if (rest !== 3) return undefined;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return direction * (hours * 60 + minutes);
}

/**
 * The date-time in a payload field, or `payload_invalid` naming the field (`payload.sentAt`).
 * Schemas check that the field is a string; this reads it (zod transforms cost far more).
 */
export function requireIsoDate(value: string, field: string, missingOffset: MissingOffset): Date {
  const date = parseIsoDate(value, missingOffset);
  if (date !== undefined) return date;
  const expected =
    missingOffset === "utc" ? "an ISO-8601 date-time" : "an ISO-8601 date-time with an offset";
  throw new WebhookError("payload_invalid", `Invalid payload: ${field}: must be ${expected}.`);
}

/** {@link requireIsoDate} for an optional field: `undefined` stays `undefined`. */
export function optionalIsoDate(
  value: string | null | undefined,
  field: string,
  missingOffset: MissingOffset,
): Date | undefined {
  return value == null ? undefined : requireIsoDate(value, field, missingOffset);
}
