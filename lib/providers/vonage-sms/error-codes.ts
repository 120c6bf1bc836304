// lib/providers/vonage-sms/error-codes.ts — what a delivery receipt's err-code means.

// Vonage's delivery receipt guide (developer.vonage.com/en/messaging/sms/guides/delivery-receipts).
// A Map, not an object literal: an err-code such as "constructor" must not find Object's own.
const errorCodes: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "0": "Delivered",
    "1": "Unknown: not delivered, and no reason could be determined",
    "2": "Absent subscriber (temporary): the handset was temporarily unavailable; retry",
    "3": "Absent subscriber (permanent): the number is no longer active",
    "4": "Call barred by user: the user must ask their operator to remove the bar",
    "5": "Portability error: an issue with the number's portability",
    "6": "Anti-spam rejection: blocked by a carrier's anti-spam filter",
    "7": "Handset busy: the handset was not available; retry",
    "8": "Network error; retry",
    "9": "Illegal number: the user asked not to receive messages from this service",
    "10": "Illegal message: an error in a message parameter, such as a wrong encoding flag",
    "11": "Unroutable: Vonage cannot find a suitable route",
    "12": "Destination unreachable: no route to the number",
    "13": "Subscriber age restriction",
    "14": "Number blocked by carrier: the recipient must ask their carrier to enable SMS",
    "15": "Prepaid insufficient funds: the recipient lacks credit to receive",
    "50": "Entity filter: entity-id incorrect or missing (country regulation)",
    "51": "Header filter: the sender (from) is incorrect or missing",
    "52": "Content filter: content-id incorrect or missing",
    "53": "Consent filter: consent not authorized",
    "54": "Regulation error",
    "99": "General error, typically in the route",
  }),
);

/** A readable message for a Vonage DLR err-code; codes Vonage has not documented say so. */
export function errorCodeMessage(code: string): string {
  return errorCodes.get(code) ?? `Undocumented Vonage error code ${code}`;
}
