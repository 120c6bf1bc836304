// lib/providers/android-sms-gateway/device-date.ts — the phone's local timestamps, read as UTC instants.

import { z } from "zod";

// The app formats dates with Gson as `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` (Android 7+: `+07:00`, `Z`).
// On Android 5–6 it builds the offset by hand from rawOffset: `+0000` in UTC, and negative
// offsets come out as `+-5:00` or `+-3:-30` (capcom6/android-sms-gateway,
// app/src/main/java/me/capcom/smsgateway/extensions/GsonBuilder.kt).
const devicePattern =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2}|\+-\d{1,2}:-?\d{2})$/;

/** Reads one of the app's timestamps as a `Date`, or `undefined` when it is not one. */
export function parseDeviceDate(value: string): Date | undefined {
  const match = devicePattern.exec(value);
  if (match === null) return undefined;
  const [, dateTime, fraction = "", offset = "Z"] = match;
  const millis = fraction === "" ? "" : fraction.slice(0, 4).padEnd(4, "0");
  const date = new Date(`${dateTime}${millis}${isoOffset(offset)}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isoOffset(offset: string): string {
  if (offset === "Z") return "Z";
  if (offset.startsWith("+-")) {
    const [hours = "0", minutes = "0"] = offset.slice(2).split(":");
    return `-${hours.padStart(2, "0")}:${minutes.replace("-", "").padStart(2, "0")}`;
  }
  const digits = offset.slice(1).replace(":", "");
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
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
