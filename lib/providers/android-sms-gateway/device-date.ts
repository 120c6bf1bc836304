// lib/providers/android-sms-gateway/device-date.ts — the phone's local timestamps, read as UTC instants.

import { z } from "zod";
import { parseIsoDate } from "../../core/iso-date.js";

// The app formats dates with Gson as `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` (Android 7+: `+07:00`, `Z`).
// On Android 5–6 it builds the offset by hand from rawOffset: `+0000` in UTC, and negative
// offsets come out as `+-5:00` or `+-3:-30` (capcom6/android-sms-gateway,
// app/src/main/java/me/capcom/smsgateway/extensions/GsonBuilder.kt).
const brokenNegativeOffset = /\+-(\d{1,2}):-?(\d{2})$/;

/** Reads one of the app's timestamps as a `Date`, or `undefined` when it is not one. */
export function parseDeviceDate(value: string): Date | undefined {
  const repaired = value.replace(
    brokenNegativeOffset,
    (_offset, hours: string, minutes: string) => `-${hours.padStart(2, "0")}:${minutes}`,
  );
  return parseIsoDate(repaired, "reject");
}

/** A zod schema for the app's timestamps, output as `Date`. */
export const deviceDateSchema = z.string().transform((value, context) => {
  const date = parseDeviceDate(value);
  if (date === undefined) {
    context.addIssue({ code: "custom", message: "must be an ISO-8601 time with an offset" });
    return z.NEVER;
  }
  return date;
});
