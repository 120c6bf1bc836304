// lib/providers/sinch/error-codes.ts — what a delivery report's `code` means.

/** Sinch's table of delivery report codes (its SMPP and MMS codes are listed there too). */
export const errorCodesUrl =
  "https://developers.sinch.com/docs/sms/api-reference/sms/delivery-reports/delivery-report-error-codes";

// Sinch's own codes, all in the 4xx range (the page above): the ones a failed report carries.
// Other codes are the SMSC's SMPP error codes. A Map: a code such as "constructor" must not
// find Object's own.
const errorCodes: ReadonlyMap<number, string> = new Map([
  [402, "Message unroutable: the SMSC rejected it; retrying is likely to fail the same way"],
  [403, "Internal error: an unexpected error made the message fail"],
  [404, "Temporary delivery failure: the message can be retried"],
  [405, "Unmatched parameter: a parameter in the body has no value for this recipient"],
  [406, "Internal expiry: the message expired before reaching the SMSC"],
  [407, "Cancelled: the message was cancelled before reaching the SMSC"],
  [408, "Internal reject: the SMSC rejected the message; retrying is likely to fail the same way"],
  [410, "Unmatched default originator: no default sender is configured for this recipient"],
  [411, "Exceeded parts limit: the message has more parts than the batch allows"],
  [412, "Unprovisioned region"],
]);

/** A readable message for a delivery report code; codes not listed point to Sinch's table. */
export function errorCodeMessage(code: number): string {
  return errorCodes.get(code) ?? `Sinch delivery report code ${code} (see ${errorCodesUrl})`;
}
