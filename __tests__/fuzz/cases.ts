// __tests__/fuzz/cases.ts — the fixed clock, and the cases fast-check generates: case `i` of a
// seed is generated from a seed of its own, so it reproduces (and shrinks) alone.

import fc from "fast-check";
import { offsetsAround, type FuzzCase, type FuzzTarget, type Signing } from "./target.js";

/** The fixed clock every app runs on: 2025-01-01T12:00:00Z. */
export const nowSec = 1_735_732_800;
export const now = new Date(nowSec * 1000);

/** The seed of case `index`: each case can be generated (and shrunk) on its own. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1)) | 0;
}

/** The arbitrary of one case for `target`. */
export function caseArbitrary(target: FuzzTarget): fc.Arbitrary<FuzzCase<{ op: string }>> {
  const tolerance = target.toleranceSec;
  const signing: fc.Arbitrary<Signing> = fc.oneof(
    { weight: 12, arbitrary: fc.constant({ offsetSec: 0, form: "plain" }) },
    {
      weight: 3,
      arbitrary: fc.record({
        offsetSec: fc.constantFrom(...offsetsAround(tolerance, nowSec)),
        form: fc.constant("plain"),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        offsetSec: fc.constantFrom(0, 1, -(tolerance + 1)),
        form: fc.constantFrom(...target.timestampForms),
      }),
    },
  );
  return fc.record({
    template: fc.nat(target.templates.length - 1),
    signing,
    steps: fc.oneof(
      { weight: 1, arbitrary: fc.constant<{ op: string }[]>([]) },
      { weight: 6, arbitrary: fc.array(target.step, { minLength: 1, maxLength: 2 }) },
      { weight: 3, arbitrary: fc.array(target.step, { minLength: 3, maxLength: 5 }) },
    ),
    repeat: fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  });
}

/** Case `index` of a run with `seed`. */
export function generateCase(
  arbitrary: fc.Arbitrary<FuzzCase<{ op: string }>>,
  seed: number,
  index: number,
): FuzzCase<{ op: string }> {
  return fc.sample(arbitrary, { seed: caseSeed(seed, index), numRuns: 1 })[0]!;
}
