// __tests__/fuzz/oracle.ts — judges one case's answers: forgeries (a mutated request delivered as
// another event), wrong or leaky error answers, unexpected 5xx, slow answers, double deliveries.

import type { SmsEvent } from "../../lib/index.js";
import type { Trait } from "./mutations.js";
import type { WireRequest, WireResponse } from "./wire.js";

/** README "Errors": every code the library may answer with, and its status. */
export const documentedErrors: Readonly<Record<string, number>> = {
  raw_body_unavailable: 500,
  body_too_large: 413,
  unsupported_media_type: 415,
  payload_invalid: 400,
  signature_missing: 401,
  signature_invalid: 401,
  secret_unknown: 401,
  timestamp_missing: 401,
  timestamp_out_of_window: 401,
  signature_reused: 401,
  duplicate_in_flight: 409,
  unsigned_callback: 503,
  store_unavailable: 503,
  internal_error: 500,
};

export type ViolationKind =
  | "forgery"
  | "unverified_accepted"
  | "double_delivery"
  | "unexpected_5xx"
  | "bad_answer"
  | "undocumented_code"
  | "leak"
  | "slow"
  | "no_answer"
  | "false_rejection"
  | "resign_mismatch"
  | "claim_not_settled"
  | "next_error";

export interface Violation {
  kind: ViolationKind;
  detail: string;
  /** For forgeries, what became what (`message.status → message.received`). */
  variant?: string;
}

/** What one request got: the HTTP answer and the events the handler saw. */
export interface Answer {
  response: WireResponse;
  events: SmsEvent[];
  /** A claim was still open a while after the answer. */
  unsettled: boolean;
}

/** What the unmutated original got (on a fresh store). */
export interface BaseOutcome {
  kind: "delivered" | "part_received" | "rejected" | "other";
  /** The delivered event, canonical (see {@link canonicalEvent}). */
  event?: string;
  /** The error code, when rejected. */
  code?: string;
  /** The answer's class, for printing. */
  answer: string;
}

/**
 * An event as a stable string: keys sorted, `raw` left out, Dates as ISO strings — except the
 * times in `maskTimes` (the signed time, the clock), which stand as a placeholder so originals
 * signed at other times compare equal; `withId: false` leaves out `id` too.
 */
export function canonicalEvent(event: SmsEvent, maskTimes: Date[] = [], withId = true): string {
  const masked = new Set(maskTimes.map((time) => time.getTime()));
  const walk = (value: unknown, top: boolean): unknown => {
    if (value instanceof Date) {
      const time = value.getTime();
      if (Number.isNaN(time)) return "Invalid Date";
      return masked.has(time) ? "<signed time or clock>" : value.toISOString();
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, false));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort()) {
        if (top && (key === "raw" || (key === "id" && !withId))) continue;
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined) out[key] = walk(item, false);
      }
      return out;
    }
    return value;
  };
  return JSON.stringify(walk(event, true));
}

const codeOf = (response: WireResponse): string | undefined => {
  try {
    const parsed = JSON.parse(response.body.toString("utf8")) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === "string" ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
};

/** A short name for an answer: `delivered`, `duplicate`, `part_received`, `401 signature_invalid`… */
export function classify(answer: Answer): string {
  const { response } = answer;
  if (response.error !== undefined) return "no answer";
  if (answer.events.length > 0) return "delivered";
  const text = response.body.toString("utf8");
  if (response.status === 404 && text.includes('"not_routed"')) return "not routed";
  if (response.status === 431 && text === "") return "431 (node:http)";
  if (response.status >= 200 && response.status < 300) {
    if (text.includes('"duplicate"')) return "duplicate";
    if (text.includes('"part_received"')) return "part_received";
    return `${response.status} (no handler)`;
  }
  return `${response.status} ${codeOf(response) ?? "(no code)"}`;
}

/** The base outcome of an original's answer. */
export function baseOutcome(answer: Answer, maskTime: Date): BaseOutcome {
  const name = classify(answer);
  if (answer.events.length === 1) {
    return {
      kind: "delivered",
      event: canonicalEvent(answer.events[0]!, [maskTime]),
      answer: name,
    };
  }
  if (name === "part_received") return { kind: "part_received", answer: name };
  const code = codeOf(answer.response);
  if (answer.response.status >= 400 && code !== undefined)
    return { kind: "rejected", code, answer: name };
  return { kind: "other", answer: name };
}

/** Everything the judge needs besides the answers. */
export interface Judgement {
  base: BaseOutcome;
  /** The signed time of the original, masked in event comparisons. */
  signedAt: Date;
  traits: readonly Trait[];
  request: WireRequest;
  /** Must never appear in an answer. */
  secrets: readonly string[];
  /** Signatures the library would compute for this request (computed only when needed). */
  expectedSignatures: () => readonly string[];
  allowed5xx: readonly string[];
  timeBoundMs: number;
}

const stackTrace = /\n\s+at /;

/** Checks one answer on its own: shape, code, status, leaks, latency. */
function checkAnswer(answer: Answer, judgement: Judgement, out: Violation[]): void {
  const { response } = answer;
  if (response.error !== undefined) {
    out.push({ kind: "no_answer", detail: response.error });
    return;
  }
  if (response.latencyMs > judgement.timeBoundMs) {
    out.push({ kind: "slow", detail: `answered in ${response.latencyMs.toFixed(0)} ms` });
  }
  if (answer.unsettled)
    out.push({ kind: "claim_not_settled", detail: "a claim was never committed or released" });
  const text = response.body.toString("utf8");
  const lower = text.toLowerCase();
  if (text.includes('"next_error"')) {
    out.push({
      kind: "next_error",
      detail: `the middleware called next(err): ${text.slice(0, 300)}`,
    });
    return;
  }
  for (const secret of judgement.secrets) {
    if (text.includes(secret)) out.push({ kind: "leak", detail: "the answer contains the secret" });
  }
  if (stackTrace.test(text))
    out.push({ kind: "leak", detail: "the answer contains a stack trace" });
  // A signature is a long run of hex or base64url: only an answer holding one is checked.
  if (/[0-9a-z_-]{32,}/.test(lower)) {
    const sent = [
      judgement.request.query,
      ...judgement.request.headers.map(([, value]) => value),
      judgement.request.body.toString("latin1"),
    ]
      .join("\n")
      .toLowerCase();
    for (const signature of judgement.expectedSignatures()) {
      const wanted = signature.toLowerCase();
      if (lower.includes(wanted) && !sent.includes(wanted)) {
        out.push({
          kind: "leak",
          detail: "the answer contains the signature the request should carry",
        });
      }
    }
  }
  if (text.includes('"not_routed"') && response.status === 404) return;
  // node:http itself refuses a request line or headers over its limit, before any app code.
  if (response.status === 431 && text === "") return;
  if (response.status >= 200 && response.status < 300) {
    if (answer.events.length === 0 && !/"status":"(duplicate|part_received)"/.test(text)) {
      out.push({
        kind: "bad_answer",
        detail: `${response.status} without the handler: ${text.slice(0, 200)}`,
      });
    }
    return;
  }
  let code: string | undefined;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const error = parsed.error;
    if (
      Object.keys(parsed).length !== 1 ||
      typeof error?.code !== "string" ||
      typeof error.message !== "string"
    ) {
      out.push({
        kind: "bad_answer",
        detail: `not {"error":{"code","message"}}: ${text.slice(0, 200)}`,
      });
      return;
    }
    code = error.code;
  } catch {
    out.push({
      kind: response.status >= 500 ? "unexpected_5xx" : "bad_answer",
      detail: `${response.status} not JSON: ${text.slice(0, 200)}`,
    });
    return;
  }
  const documented = documentedErrors[code];
  if (documented === undefined) {
    out.push({ kind: "undocumented_code", detail: `${response.status} ${code}` });
  } else if (documented !== response.status) {
    out.push({
      kind: "bad_answer",
      detail: `${code} answered ${response.status}, documented ${documented}`,
    });
  }
  if (response.status >= 500 && !judgement.allowed5xx.includes(code)) {
    out.push({
      kind: "unexpected_5xx",
      detail: `${response.status} ${code}: ${text.slice(0, 200)}`,
    });
  }
}

/** What differs between two canonical events, field by field: `type: "a" → "b"; text: …`. */
export function eventDiff(expected: string, got: string): string {
  const before = JSON.parse(expected) as Record<string, unknown>;
  const after = JSON.parse(got) as Record<string, unknown>;
  const show = (value: unknown) => {
    const text = value === undefined ? "(none)" : JSON.stringify(value);
    return text.length > 48 ? `${text.slice(0, 48)}…` : text;
  };
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`)
    .join("; ");
}

/** Checks a delivery against the original's. */
function checkDelivery(event: SmsEvent, judgement: Judgement, out: Violation[]): void {
  const { base, traits } = judgement;
  if (traits.includes("invalid")) {
    out.push({
      kind: "unverified_accepted",
      detail:
        "a request that cannot verify (wrong secret, algorithm or signature) reached the handler",
    });
    return;
  }
  const got = canonicalEvent(event, [judgement.signedAt]);
  const typeOf = (canonical: string) => (JSON.parse(canonical) as { type?: string }).type;
  if (base.kind !== "delivered") {
    out.push({
      kind: "forgery",
      detail: `the original is answered ${base.answer}, yet this delivered ${got}`,
      variant: `${base.answer} → ${typeOf(got)}`,
    });
  } else if (got !== base.event) {
    out.push({
      kind: "forgery",
      detail: `delivered another event (${eventDiff(base.event!, got)})\n  delivered: ${got}\n  original:  ${base.event}`,
      variant: `${typeOf(base.event!)} → ${typeOf(got)}`,
    });
  }
}

/**
 * Judges a case's answers (one, or two when the request was sent again on the same store).
 * When every step preserves meaning, the first answer must also be the original's.
 */
export function judge(answers: readonly Answer[], judgement: Judgement): Violation[] {
  const out: Violation[] = [];
  let delivered = false;
  answers.forEach((answer, i) => {
    checkAnswer(answer, judgement, out);
    if (answer.events.length > 1) {
      out.push({
        kind: "double_delivery",
        detail: `one request ran the handler ${answer.events.length} times`,
      });
    }
    for (const event of answer.events) {
      if (delivered) {
        out.push({ kind: "double_delivery", detail: `send ${i + 1} ran the handler again` });
      }
      checkDelivery(event, judgement, out);
    }
    if (answer.events.length > 0) delivered = true;
  });
  const first = answers[0]!;
  if (
    judgement.traits.every((trait) => trait === "preserving") &&
    first.response.error === undefined
  ) {
    const { base } = judgement;
    const got = classify(first);
    const same =
      base.kind === "delivered"
        ? first.events.length === 1
        : base.kind === "part_received"
          ? got === "part_received"
          : base.kind === "rejected"
            ? codeOf(first.response) === base.code
            : true;
    if (!same) {
      out.push({
        kind: "false_rejection",
        detail: `an equivalent request got ${got}; the original gets ${base.answer}`,
      });
    }
  }
  return out;
}
