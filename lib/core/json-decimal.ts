// lib/core/json-decimal.ts — money as the provider wrote it: the source text of a JSON number.

// JSON.parse turns `10.0` into 10 and `0.1` into a binary float. Node 20's JSON.parse has no
// access to a value's source text (the reviver `context.source` came in V8 11.4), so the text
// of a top-level number is found with a small scanner instead.

/**
 * The exact decimal a top-level JSON number field was written as (`"cost": 10.0` → `"10.0"`,
 * `1e-05` → `"0.00001"`), or `undefined` when `key` is not a top-level number field of `json`
 * or its exponent is out of {@link plainDecimal}'s range. Of repeated keys the last counts, as
 * in `JSON.parse`.
 */
export function topLevelDecimal(json: string, key: string): string | undefined {
  let found: string | undefined;
  let depth = 0;
  let atKey = false;
  // Jump from one structural character to the next: string contents are skipped whole.
  const structural = /["{}[\],]/g;
  for (let match = structural.exec(json); match !== null; match = structural.exec(json)) {
    const i = match.index;
    const char = json[i];
    if (char === '"') {
      const end = stringEnd(json, i);
      if (depth === 1 && atKey) {
        atKey = false;
        const valueStart = skipColon(json, end);
        if (keyEquals(json, i, end, key)) found = numberAt(json, valueStart);
        structural.lastIndex = valueStart;
      } else {
        structural.lastIndex = end;
      }
    } else if (char === "{" || char === "[") {
      depth++;
      atKey = char === "{" && depth === 1;
    } else if (char === "}" || char === "]") {
      depth--;
    } else if (depth === 1) {
      atKey = true;
    }
  }
  return found;
}

// Whether the string literal json[start, end) is `key`: compared as written, and decoded only
// when it holds an escape.
function keyEquals(json: string, start: number, end: number, key: string): boolean {
  const written = json.slice(start + 1, end - 1);
  return written.includes("\\") ? JSON.parse(json.slice(start, end)) === key : written === key;
}

// The index just past the string literal that opens at `start`.
function stringEnd(json: string, start: number): number {
  let quote = json.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (json[quote - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = json.indexOf('"', quote + 1);
  }
  return json.length;
}

function skipColon(json: string, from: number): number {
  let i = from;
  while (i < json.length && (json[i] === ":" || /\s/.test(json[i] ?? ""))) i++;
  return i;
}

const numberPattern = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function numberAt(json: string, start: number): string | undefined {
  numberPattern.lastIndex = start;
  const match = numberPattern.exec(json);
  return match === null ? undefined : plainDecimal(match[0]);
}

// Far past any amount of money, and short of writing megabytes of zeros for `0e999999999`.
const maxExponent = 100;

/**
 * `1.5e-3` → `0.0015`: exponent notation rewritten as a plain decimal, digit for digit;
 * `undefined` when the exponent is beyond ±100.
 */
export function plainDecimal(number: string): string | undefined {
  if (!number.includes("e") && !number.includes("E")) return number;
  const [mantissa = "", exponentText = "0"] = number.toLowerCase().split("e");
  if (Math.abs(Number(exponentText)) > maxExponent) return undefined;
  const negative = mantissa.startsWith("-");
  const [whole = "", fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  const padded =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const trimmed = padded.replace(/^0+(?=\d)/, "");
  return negative ? `-${trimmed}` : trimmed;
}
