// __tests__/fuzz/provider-run.ts — one provider's run: the originals' outcomes (cached), each case
// sent and judged, counts and counterexamples, and fast-check shrinking a failure.

import fc from "fast-check";
import { caseSeed, now, nowSec } from "./cases.js";
import type { FuzzServer, Lane } from "./harness.js";
import type { Trait } from "./mutations.js";
import {
  baseOutcome,
  canonicalEvent,
  classify,
  eventDiff,
  judge,
  type Answer,
  type BaseOutcome,
  type Judgement,
  type Violation,
  type ViolationKind,
} from "./oracle.js";
import { keep, type Counterexample, type FuzzOptions, type ProviderReport } from "./results.js";
import { signedInWindow, type FuzzCase, type FuzzTarget, type Signing } from "./target.js";
import { describeRequest, type WireRequest } from "./wire.js";

interface Reference {
  base: BaseOutcome;
  /** The delivered event without `id`, the signed time masked: compared across signings. */
  loose: string | undefined;
}

export interface CaseResult {
  request: WireRequest;
  answers: Answer[];
  violations: Violation[];
  base: BaseOutcome;
}

/** Runs one provider. */
export class ProviderRun {
  readonly target: FuzzTarget;
  readonly server: FuzzServer;
  readonly options: Required<
    Omit<FuzzOptions, "providers" | "onlyCase" | "partition" | "onProgress">
  >;
  readonly report: ProviderReport;
  readonly #references = new Map<string, Promise<Reference>>();

  constructor(target: FuzzTarget, server: FuzzServer, options: ProviderRun["options"]) {
    this.target = target;
    this.server = server;
    this.options = options;
    this.report = {
      provider: target.name,
      runs: 0,
      requests: 0,
      delivered: 0,
      duplicates: 0,
      parts: 0,
      rejected: {},
      answers: {},
      fiveXX: 0,
      crashes: [],
      maxLatencyMs: 0,
      heapStartMb: 0,
      heapEndMb: 0,
      heapAfterGc: false,
      violations: {},
      counterexamples: [],
      logged: { warn: 0, error: 0, firstErrors: [] },
      durationMs: 0,
    };
  }

  /** What the unmutated original gets, sent once on a fresh store (cached). */
  reference(lane: Lane, template: number, signing: Signing): Promise<Reference> {
    const key = `${template}|${signing.offsetSec}|${signing.form}`;
    let reference = this.#references.get(key);
    if (reference === undefined) {
      reference = this.#computeReference(lane, template, signing);
      this.#references.set(key, reference);
    }
    return reference;
  }

  async #computeReference(lane: Lane, template: number, signing: Signing): Promise<Reference> {
    const fuzzCase: FuzzCase = { template, signing, steps: [], repeat: false };
    const { request } = this.target.render(fuzzCase, nowSec);
    const answer = await this.#send(lane, template, request);
    const signedAt = new Date((nowSec + signing.offsetSec) * 1000);
    const base = baseOutcome(answer, signedAt);
    const loose =
      answer.events.length === 1
        ? canonicalEvent(answer.events[0]!, [signedAt, now], false)
        : undefined;
    const violations = judge([answer], this.#judgement(request, base, [], signedAt, template));
    // The original itself: signed now it must be accepted; re-signed inside the window it must
    // be answered as that one is; outside it, 401 timestamp_out_of_window.
    const plain = signing.form === "plain";
    if (plain && signing.offsetSec === 0) {
      if (base.kind !== "delivered" && base.kind !== "part_received") {
        violations.push({
          kind: "false_rejection",
          detail: `the signed original got ${base.answer}`,
        });
      }
    } else {
      const first = await this.reference(lane, template, { offsetSec: 0, form: "plain" });
      const inWindow = plain && signedInWindow(signing, this.target.toleranceSec);
      if (plain && !inWindow) {
        if (base.kind === "delivered" || base.kind === "part_received") {
          violations.push({
            kind: "unverified_accepted",
            detail: `signed ${signing.offsetSec} s off (outside the window), yet answered ${base.answer}`,
          });
        } else if (base.code !== "timestamp_out_of_window") {
          violations.push({
            kind: "false_rejection",
            detail: `signed ${signing.offsetSec} s off (outside the window): got ${base.answer}, not 401 timestamp_out_of_window`,
          });
        }
      } else if (inWindow && base.kind !== first.base.kind) {
        violations.push({
          kind: "false_rejection",
          detail: `signed ${signing.offsetSec} s off (inside the window): got ${base.answer}, the original gets ${first.base.answer}`,
        });
      }
      if (loose !== undefined && first.loose !== undefined && loose !== first.loose) {
        violations.push({
          kind: "resign_mismatch",
          detail: `signed ${signing.offsetSec} s off (${signing.form}), another event (${eventDiff(first.loose, loose)})\n  delivered: ${loose}\n  signed now: ${first.loose}`,
        });
      }
    }
    this.#count([answer], violations, -1, fuzzCase, request, base);
    return { base, loose };
  }

  #judgement(
    request: WireRequest,
    base: BaseOutcome,
    traits: readonly Trait[],
    signedAt: Date,
    template: number,
  ): Judgement {
    return {
      base,
      signedAt,
      traits,
      request,
      secrets: this.target.secrets,
      expectedSignatures: () =>
        this.target.expectedSignatures(request, this.target.templates[template]!),
      allowed5xx: this.target.allowed5xx,
      timeBoundMs: this.options.timeBoundMs,
    };
  }

  async #send(lane: Lane, template: number, request: WireRequest): Promise<Answer> {
    this.server.fresh(lane);
    return this.server.send(lane, this.target.templates[template]!.mount, request);
  }

  /** Runs one case on `lane`: the original's reference, then the mutated request. */
  async runCase(lane: Lane, fuzzCase: FuzzCase): Promise<CaseResult> {
    const reference = await this.reference(lane, fuzzCase.template, fuzzCase.signing);
    const { request, traits } = this.target.render(fuzzCase, nowSec);
    const answers = [await this.#send(lane, fuzzCase.template, request)];
    if (fuzzCase.repeat) {
      // The provider's retry of the same request, on the same store.
      answers.push(
        await this.server.send(lane, this.target.templates[fuzzCase.template]!.mount, request),
      );
    }
    const signedAt = new Date((nowSec + fuzzCase.signing.offsetSec) * 1000);
    const judgement = this.#judgement(request, reference.base, traits, signedAt, fuzzCase.template);
    return { request, answers, violations: judge(answers, judgement), base: reference.base };
  }

  /** Adds a case's answers and violations to the report. */
  record(index: number, fuzzCase: FuzzCase, result: CaseResult): void {
    this.report.runs++;
    this.#count(result.answers, result.violations, index, fuzzCase, result.request, result.base);
  }

  #count(
    answers: readonly Answer[],
    violations: readonly Violation[],
    index: number,
    fuzzCase: FuzzCase,
    request: WireRequest,
    base: BaseOutcome,
  ): void {
    const report = this.report;
    for (const answer of answers) {
      report.requests++;
      const name = classify(answer);
      report.answers[name] = (report.answers[name] ?? 0) + 1;
      if (name === "delivered") report.delivered++;
      else if (name === "duplicate") report.duplicates++;
      else if (name === "part_received") report.parts++;
      else if (answer.response.status >= 300)
        report.rejected[name] = (report.rejected[name] ?? 0) + 1;
      if (answer.response.status >= 500) report.fiveXX++;
      report.maxLatencyMs = Math.max(report.maxLatencyMs, answer.response.latencyMs);
    }
    const seen = new Set<ViolationKind>();
    for (const violation of violations) {
      if (seen.has(violation.kind)) continue;
      seen.add(violation.kind);
      report.violations[violation.kind] = (report.violations[violation.kind] ?? 0) + 1;
      // The first of each kind for each template and variant: different ones, different bugs.
      const template = this.target.templates[fuzzCase.template]!.name;
      if (keep(report.counterexamples, violation, template, this.options.keepPerKind)) {
        report.counterexamples.push(
          this.describe(violation.kind, index, fuzzCase, request, answers, violations, base),
        );
      }
    }
  }

  describe(
    kind: Counterexample["kind"],
    index: number,
    fuzzCase: FuzzCase,
    request: WireRequest,
    answers: readonly Answer[],
    violations: readonly Violation[],
    base: BaseOutcome,
  ): Counterexample {
    const template = this.target.templates[fuzzCase.template]!;
    return {
      kind,
      variant: violations.find((v) => v.kind === kind)?.variant ?? "",
      index,
      template: template.name,
      signing: fuzzCase.signing,
      steps: fuzzCase.steps,
      repeat: fuzzCase.repeat,
      violations: kind === "case" ? [...violations] : violations.filter((v) => v.kind === kind),
      request: describeRequest(`/laneN/${template.mount}`, request),
      answers: answers.map((answer) => {
        const body = answer.response.error ?? answer.response.body.toString("utf8").slice(0, 300);
        const events = answer.events.map((event) => canonicalEvent(event));
        return `${answer.response.status} ${body}${events.length > 0 ? `\n  handler got ${events.join("\n  handler got ")}` : ""}`;
      }),
      expected: `the original gets ${base.answer}${base.event === undefined ? "" : `: ${base.event}`}`,
    };
  }

  /** Lets fast-check shrink the case behind `counterexample` to a smaller one failing alike. */
  async shrink(
    counterexample: Counterexample,
    arbitrary: fc.Arbitrary<FuzzCase<{ op: string }>>,
    seed: number,
  ): Promise<void> {
    const lane = this.server.lanes[0]!;
    let last: { fuzzCase: FuzzCase; result: CaseResult } | undefined;
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (fuzzCase) => {
        const result = await this.runCase(lane, fuzzCase);
        const failing = result.violations.some((v) => v.kind === counterexample.kind);
        if (failing) last = { fuzzCase, result };
        return !failing;
      }),
      { seed: caseSeed(seed, counterexample.index), numRuns: 1, interruptAfterTimeLimit: 15_000 },
    );
    if (!details.failed || last === undefined) return;
    const { fuzzCase, result } = last;
    counterexample.shrunk = this.describe(
      counterexample.kind,
      counterexample.index,
      fuzzCase,
      result.request,
      result.answers,
      result.violations,
      result.base,
    );
  }
}
