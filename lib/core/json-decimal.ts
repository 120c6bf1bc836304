// lib/core/json-decimal.ts — money as the provider wrote it: the source text of a JSON number.

// JSON.parse turns `10.0` into 10 and `0.1` into a binary float. Node 20's JSON.parse has no
// access to a value's source text (the reviver `context.source` came in V8 11.4), so the text
// of a top-level number is found with a small scanner instead.

/**
 * The exact decimal a top-level JSON number field was written as (`"cost": 10.0` → `"10.0"`,
 * `1e-05` → `"0.00001"`), or `undefined` when `key` is not a top-level number field of `json`.
 */
export function topLevelDecimal(json: string, key: string): string | undefined {
  let depth = 0;
  let atKey = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (char === '"') {
      const end = stringEnd(json, i);
      if (depth === 1 && atKey) {
        atKey = false;
        const valueStart = skipColon(json, end);
        if (JSON.parse(json.slice(i, end)) === key) return numberAt(json, valueStart);
        i = valueStart - 1;
      } else {
        i = end - 1;
      }
    } else if (char === "{" || char === "[") {
      depth++;
      atKey = char === "{" && depth === 1;
    } else if (char === "}" || char === "]") {
      depth--;
    } else if (char === "," && depth === 1) {
      atKey = true;
    }
  }
  return undefined;
}

// The index just past the string literal that opens at `start`.
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    if (json[i] === "\\") i++;
    else if (json[i] === '"') return i + 1;
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

/** `1.5e-3` → `0.0015`: exponent notation rewritten as a plain decimal, digit for digit. */
export function plainDecimal(number: string): string {
  const [mantissa = "", exponentText] = number.toLowerCase().split("e");
  if (exponentText === undefined) return number;
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
