// __tests__/fuzz/target.ts — what the fuzzer knows about one provider: its mounts, its signed
// originals (templates), its own mutations, and how to render a case into bytes.

import type { Router } from "express";
import type fc from "fast-check";
import type { SmsWebhookRouterOptions } from "../../lib/index.js";
import type { Trait } from "./mutations.js";
import type { WireRequest } from "./wire.js";

/**
 * How the original is signed: `offsetSec` from the fixed clock, the timestamp written in `form`
 * (`"plain"`: as the provider writes it; others are odd spellings, signed all the same).
 */
export interface Signing {
  offsetSec: number;
  form: string;
}

/** One fuzz case: an original (template × signing), the steps that mutate it, and whether the
 * mutated request is sent twice on the same store (a retry). */
export interface FuzzCase<Step = { op: string }> {
  template: number;
  signing: Signing;
  steps: Step[];
  repeat: boolean;
}

/** A signed original, before any mutation. */
export interface Template {
  /** Short, printable, e.g. `dlr-get-md5`. */
  name: string;
  /** Which of the target's mounts (provider configurations) it is sent to. */
  mount: string;
}

/** A rendered case. */
export interface Rendered {
  request: WireRequest;
  /** One per step, in the case's order. */
  traits: Trait[];
}

/** One provider, as the fuzzer drives it. */
export interface FuzzTarget<Step extends { op: string } = { op: string }> {
  /** The provider's name, as `--provider` takes it. */
  readonly name: string;
  /** The signed-time window the providers are built with, in seconds. */
  readonly toleranceSec: number;
  readonly templates: readonly Template[];
  /** Secrets in use: no answer (and no log line) may contain one. */
  readonly secrets: readonly string[];
  /** Error codes this provider documents answering with a 5xx. */
  readonly allowed5xx: readonly string[];
  /** Timestamp spellings besides `"plain"` worth signing. */
  readonly timestampForms: readonly string[];
  /** This provider's steps (its own and the generic ones), weighted. */
  readonly step: fc.Arbitrary<Step>;
  /** One router per mount, built with `options` (store, clock, logger, handler). */
  routers(options: SmsWebhookRouterOptions): Record<string, Router>;
  /**
   * The request a case sends — the template signed as `signing` says, then every step — and
   * each step's trait, judged against the request as it was just before that step.
   */
  render(fuzzCase: FuzzCase<Step>, nowSec: number): Rendered;
  /**
   * The signatures the library would compute for this request (it must never answer with them),
   * hex in both cases or as the scheme writes them.
   */
  expectedSignatures(request: WireRequest, template: Template): string[];
}

/** Signed-time offsets worth trying around a window of `tolerance` seconds. */
export function offsetsAround(tolerance: number, nowSec: number): number[] {
  return [
    1,
    -1,
    tolerance - 1,
    -(tolerance - 1),
    tolerance,
    -tolerance,
    tolerance + 1,
    -(tolerance + 1),
    2 * tolerance,
    -2 * tolerance,
    86_400,
    -86_400,
    10 * 365 * 86_400,
    -nowSec,
  ];
}

/**
 * Steps that break a signature (`invalid`) can be undone by later ones (a cut signature
 * extended back, a timestamp moved and moved back): when the signature material ends as it
 * began, they count as `tamper` only.
 */
export function voidIfRestored(
  traits: Trait[],
  before: string | undefined,
  after: string | undefined,
): Trait[] {
  if (before !== after) return traits;
  return traits.map((trait) => (trait === "invalid" ? "tamper" : trait));
}

/** Whether a case's original is signed inside the window (plain spelling only). */
export function signedInWindow(signing: Signing, toleranceSec: number): boolean {
  return Math.abs(signing.offsetSec) <= toleranceSec;
}
