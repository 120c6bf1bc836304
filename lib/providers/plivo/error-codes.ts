// lib/providers/plivo/error-codes.ts — what a status callback's ErrorCode means.

const errorCodesUrl = "https://www.plivo.com/docs/messaging/troubleshooting/error-codes";

// Plivo's SMS error codes (the page above; plivo.com/blog/introducing-sms-error-codes). A Map,
// not an object literal: a code such as "constructor" must not find Object's own.
const errorCodes: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "10": "Invalid message: the content is empty or too long, or a carrier refused it",
    "20": "Network error: the carrier had network issues (temporary; retry later)",
    "30": "Spam detected: a carrier's spam filter blocked the message",
    "40": "Invalid source number: not in the right format, not SMS-enabled, or not in your account",
    "50": "Invalid destination number: wrong, not SMS-enabled, or a landline",
    "60": "Loop detected: messages loop between the source and destination numbers",
    "70": "Destination permanently unavailable: the number is not active",
    "80": "Destination temporarily unavailable: the phone is off or out of coverage (retry later)",
    "90": "No route available: no carrier could deliver the message",
    "100": "Prohibited by carrier: the destination network does not accept it",
    "110": "Message too long",
    "200": "The recipient replied STOP: messages from this number are blocked",
    "201": "US toll-free numbers cannot send to Canadian numbers",
    "1000": "Unknown error: neither Plivo nor the carrier knows why",
  }),
);

/** True for the ErrorCode of a message with no error: absent, empty, `0` or `000`. */
export function isNoError(code: string | undefined): boolean {
  return code === undefined || /^0*$/.test(code);
}

/** A readable message for a Plivo ErrorCode; codes not listed point to Plivo's list. */
export function errorCodeMessage(code: string): string {
  return errorCodes.get(code) ?? `Plivo error ${code} (see ${errorCodesUrl})`;
}

/** Plivo's page of error codes. */
export function errorCodeUrl(): string {
  return errorCodesUrl;
}
