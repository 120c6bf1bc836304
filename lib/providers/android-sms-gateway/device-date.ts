// lib/providers/android-sms-gateway/device-date.ts — the phone's local timestamps, read as UTC instants.

import { parseIsoDate, requireIsoDate } from "../../core/iso-date.js";

// The app formats dates with Gson as `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` (Android 7+: `+07:00`, `Z`).
// On Android 5–6 it builds the offset by hand from rawOffset: `+0000` in UTC, and negative
// offsets come out as `+-5:00` or `+-3:-30` (capcom6/android-sms-gateway,
// app/src/main/java/me/capcom/smsgateway/extensions/GsonBuilder.kt).
const brokenNegativeOffset = /\+-(\d{1,2}):-?(\d{2})$/;

function repaired(value: string): string {
  if (!value.includes("+-")) return value;
  return value.replace(
    brokenNegativeOffset,
    (_offset, hours: string, minutes: string) => `-${hours.padStart(2, "0")}:${minutes}`,
  );
}

/** Reads one of the app's timestamps as a `Date`, or `undefined` when it is not one. */
export function parseDeviceDate(value: string): Date | undefined {
  return parseIsoDate(repaired(value), "reject");
}

/** One of the app's timestamps in field `field`, or `payload_invalid` naming the field. */
export function requireDeviceDate(value: string, field: string): Date {
  return requireIsoDate(repaired(value), field, "reject");
}
