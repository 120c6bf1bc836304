// lib/providers/twilio/error-codes.ts — what a status callback's ErrorCode means.

// Twilio's error dictionary (twilio.com/docs/api/errors/<code>): the codes message status
// callbacks carry most. A Map, not an object literal: a code such as "constructor" must not
// find Object's own.
const errorCodes: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "30001": "Queue overflow: too many messages queued for this sender",
    "30002": "Account suspended",
    "30003": "Unreachable destination handset: the phone is off or out of coverage",
    "30004": "Message blocked: the recipient blocked it, or the destination does not accept it",
    "30005": "Unknown destination handset: the number does not exist or is no longer in service",
    "30006": "Landline or unreachable carrier: the number cannot receive SMS",
    "30007": "Message filtered: the carrier flagged it as spam or against its rules",
    "30008": "Unknown error: the carrier gave no reason",
    "30009": "Missing segment: a part of the concatenated message did not arrive",
    "30010": "Message price exceeds max price",
    "30017": "Carrier network congestion",
    "30018": "Destination carrier requires sender ID pre-registration",
    "30019": "Content size exceeds the carrier's limit",
    "30022": "US A2P 10DLC: rate limits exceeded",
    "30023": "US A2P 10DLC: daily message cap reached",
    "30024": "Numeric sender ID not provisioned by the carrier",
    "30032": "Toll-free number has not been verified",
    "30034": "US A2P 10DLC: message from an unregistered number",
    "21610": "The recipient replied STOP: unsubscribed from this sender",
  }),
);

/** A readable message for a Twilio ErrorCode; codes not listed point to Twilio's dictionary. */
export function errorCodeMessage(code: string): string {
  return errorCodes.get(code) ?? `Twilio error ${code} (see ${errorCodeUrl(code)})`;
}

/** Twilio's page for an error code. */
export function errorCodeUrl(code: string): string {
  return `https://www.twilio.com/docs/api/errors/${code}`;
}
