// lib/core/iso-date.ts — the ISO-8601 date-times providers send, read as UTC instants.

import { z } from "zod";

// `2024-06-22T15:46:11.000+07:00`, `…Z`, `…+0700`, `…+07`; a space for the `T` (Vonage SMS);
// any number of fraction digits (Python writes microseconds).
const isoPattern =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** How to read a date-time that carries no offset. */
export type MissingOffset = "utc" | "reject";

/**
 * Reads an ISO-8601 date-time as a `Date`, or `undefined` when it is not one. Without an
 * offset it is UTC (`missingOffset: "utc"`) or refused: a server's local zone is never assumed.
 */
export function parseIsoDate(value: string, missingOffset: MissingOffset): Date | undefined {
  const match = isoPattern.exec(value);
  if (match === null) return undefined;
  const [, date = "", time, fraction, offset] = match;
  if (offset === undefined && missingOffset === "reject") return undefined;
  if (!isCalendarDate(date)) return undefined;
  const millis = fraction === undefined ? "" : `.${fraction.slice(0, 3).padEnd(3, "0")}`;
  const parsed = new Date(`${date}T${time}${millis}${isoOffset(offset)}`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

// V8 rolls `2024-02-30` over to March 1st instead of refusing it.
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

function isoOffset(offset: string | undefined): string {
  if (offset === undefined || offset.toUpperCase() === "Z") return "Z";
  const digits = offset.slice(1).replace(":", "").padEnd(4, "0");
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** A zod schema for ISO-8601 date-times, output as `Date`. */
export function isoDateSchema(missingOffset: MissingOffset) {
  const message =
    missingOffset === "utc"
      ? "must be an ISO-8601 date-time"
      : "must be an ISO-8601 date-time with an offset";
  return z.string().transform((value, context) => {
    const date = parseIsoDate(value, missingOffset);
    if (date === undefined) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });
}
