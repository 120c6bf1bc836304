// lib/inspector/mask.ts — hides phone numbers and texts before the inspector keeps anything.

// A phone number as it may be written: an optional `+`, then digits with spaces, dashes or
// brackets between them, not glued to letters or digits (`a1-`, `SM12…`: part of an id, a UUID).
// Seven digits or more (counted in maskPhone): shorter runs are short codes, ports, counts and
// seconds, which are no one's personal data and help the operator. At most 32 characters (15
// digits, E.164's longest, written out): an unbounded run would backtrack from every start in a
// long `1(1(1(…` quoted in a hint, quadratic work on text a forger chose.
const phoneLike =
  /(?<![\p{L}\p{N}]|[\p{L}\p{N}]-)\+?\d(?:[\d \-()]{0,30}\d)?(?![\p{L}\p{N}]|-[\p{L}\p{N}])/gu;
const minPhoneDigits = 7;

/**
 * A phone number as `+44 •• •••• ••89`: the `+` and the first two digits (the country, roughly)
 * and the last two (enough to tell two of your own numbers apart at a glance). A value with
 * fewer than seven digits (an alphanumeric sender id, a short code) is no one's number and is
 * kept as it is.
 */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length < minPhoneDigits) return value;
  let rest = "•".repeat(digits.length - 4) + digits.slice(-2);
  // Grouped by four from the end, as numbers are usually written: `+44 •• •••• ••89`.
  const groups: string[] = [];
  for (; rest.length > 4; rest = rest.slice(0, -4)) groups.unshift(rest.slice(-4));
  groups.unshift(rest);
  return `${value.trimStart().startsWith("+") ? "+" : ""}${digits.slice(0, 2)} ${groups.join(" ")}`;
}

/** A text as its length only: `[42 chars]` (in characters as a person counts them). */
export function maskText(text: string): string {
  // Code points: a character outside the BMP (an emoji) is two UTF-16 units, counted once.
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) length--;
  }
  return `[${length} ${length === 1 ? "char" : "chars"}]`;
}

/**
 * Masks every phone-number-like run inside a longer value (an event id, a concatenated
 * message's group): some providers' ids are built from the recipient's number (Mifumo's
 * `message_id:event:recipient`, a Vonage concat group `from:to:ref:total`). Digits glued to
 * letters (hex ids, `SM…` SIDs) are part of an id, not a number, and are kept.
 */
export function maskNumbersIn(value: string): string {
  return value.replace(phoneLike, (run) => maskPhone(run));
}

// A URL's query, up to whitespace (a sentence's final full stop is left outside).
const urlQuery = /(https?:\/\/[^\s?#]*)\?[^\s#]*?(?=[.,;:)]?(?:\s|$))/giu;

/**
 * A hint with the content it may quote hidden: the query of a URL it names (a GET webhook
 * carries the sender, recipient and text there) and any phone number.
 */
export function maskHint(hint: string): string {
  return maskNumbersIn(hint.replace(urlQuery, "$1?…"));
}
