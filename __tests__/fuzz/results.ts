// __tests__/fuzz/results.ts — the fuzzer's options and what a run reports: counts per answer,
// violations, counterexamples with the request as sent.

import type { Violation, ViolationKind } from "./oracle.js";
import type { Signing } from "./target.js";

export interface FuzzOptions {
  /** Cases per provider. */
  runs: number;
  seed: number;
  /** Default: all of {@link targets}. */
  providers?: readonly string[];
  /** Requests in flight at once (lanes). Default 8. */
  lanes?: number;
  /** Every answer must come within this. Default 2000 ms. */
  timeBoundMs?: number;
  /** Heap growth (after GC) that fails the run. Default 200 MB. */
  heapLimitMb?: number;
  /** Counterexamples kept per violation kind (the first per template and variant). Default 32. */
  keepPerKind?: number;
  /** Failures shrunk by fast-check, per provider. Default 3 (0: none). */
  shrink?: number;
  /** Run only this case (as printed in a counterexample). */
  onlyCase?: number;
  /** Run only the cases `i` with `i % count === index` (one worker's share). */
  partition?: { index: number; count: number };
  onProgress?: (provider: string, done: number, runs: number) => void;
}

/** A failing case, with the request as sent and what came back. */
export interface Counterexample {
  /** `case`: not a failure, the case `--case` asked for. */
  kind: ViolationKind | "crash" | "heap" | "case";
  /** See {@link Violation.variant}. */
  variant: string;
  /** The case number (`--case`), or -1 for an original checked on its own. */
  index: number;
  template: string;
  signing: Signing;
  steps: unknown[];
  repeat: boolean;
  violations: Violation[];
  request: string;
  answers: string[];
  expected: string;
  shrunk?: Omit<Counterexample, "shrunk">;
}

export interface ProviderReport {
  provider: string;
  runs: number;
  requests: number;
  delivered: number;
  duplicates: number;
  parts: number;
  rejected: Record<string, number>;
  answers: Record<string, number>;
  fiveXX: number;
  crashes: string[];
  maxLatencyMs: number;
  heapStartMb: number;
  heapEndMb: number;
  heapAfterGc: boolean;
  violations: Partial<Record<Counterexample["kind"], number>>;
  counterexamples: Counterexample[];
  logged: { warn: number; error: number; firstErrors: string[] };
  durationMs: number;
  /** With `onlyCase`: that case, whatever happened. */
  trace?: Counterexample;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  lanes: number;
  timeBoundMs: number;
  providers: ProviderReport[];
  ok: boolean;
}

/** Forgeries in the summary's sense: a mutated request the handler ran on. */
export const forgeryKinds: readonly ViolationKind[] = ["forgery", "unverified_accepted"];

/** Forgeries first: they are what the fuzzer is for. */
export const rank = (c: Counterexample) => (forgeryKinds.includes(c.kind as ViolationKind) ? 0 : 1);

/** Whether a violation is the first of its kind, template and variant (and room is left). */
export function keep(
  kept: readonly Counterexample[],
  violation: { kind: string; variant?: string },
  template: string,
  perKind: number,
): boolean {
  const sameKind = kept.filter((c) => c.kind === violation.kind);
  return (
    sameKind.length < perKind &&
    !sameKind.some((c) => c.template === template && c.variant === (violation.variant ?? ""))
  );
}
