// __tests__/fuzz/merge.ts — one report from the reports of the worker threads that each ran a
// share of the cases.

import { keep, type FuzzReport, type ProviderReport } from "./results.js";

function add(into: Record<string, number | undefined>, from: Record<string, number | undefined>) {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + (count ?? 0);
}

/** One report from the reports of workers that each ran a share of the cases. */
export function mergeReports(reports: readonly FuzzReport[]): FuzzReport {
  const first = reports[0]!;
  const providers = first.providers.map((p) => {
    const parts = reports.map((r) => r.providers.find((q) => q.provider === p.provider)!);
    const merged: ProviderReport = {
      ...p,
      runs: 0,
      requests: 0,
      delivered: 0,
      duplicates: 0,
      parts: 0,
      fiveXX: 0,
      rejected: {},
      answers: {},
      violations: {},
      crashes: [],
      counterexamples: [],
      maxLatencyMs: 0,
      heapStartMb: 0,
      heapEndMb: 0,
      logged: { warn: 0, error: 0, firstErrors: [] },
      durationMs: 0,
    };
    for (const part of parts) {
      merged.runs += part.runs;
      merged.requests += part.requests;
      merged.delivered += part.delivered;
      merged.duplicates += part.duplicates;
      merged.parts += part.parts;
      merged.fiveXX += part.fiveXX;
      add(merged.rejected, part.rejected);
      add(merged.answers, part.answers);
      add(merged.violations, part.violations);
      merged.crashes.push(...part.crashes);
      merged.maxLatencyMs = Math.max(merged.maxLatencyMs, part.maxLatencyMs);
      merged.heapStartMb += part.heapStartMb;
      merged.heapEndMb += part.heapEndMb;
      merged.heapAfterGc &&= part.heapAfterGc;
      merged.logged.warn += part.logged.warn;
      merged.logged.error += part.logged.error;
      merged.logged.firstErrors.push(...part.logged.firstErrors);
      merged.durationMs = Math.max(merged.durationMs, part.durationMs);
    }
    const all = parts.flatMap((part) => part.counterexamples).sort((a, b) => a.index - b.index);
    for (const c of all) {
      if (keep(merged.counterexamples, c, c.template, 32)) merged.counterexamples.push(c);
    }
    return merged;
  });
  return { ...first, providers, ok: reports.every((r) => r.ok) };
}
