// __tests__/fuzz/report.ts — the fuzz report as text: the summary table, the answers by code,
// the violations, the first counterexamples and how to reproduce them.

import {
  forgeryKinds,
  type Counterexample,
  type FuzzReport,
  type ProviderReport,
} from "./results.js";

const columns: [string, (p: ProviderReport) => string][] = [
  ["provider", (p) => p.provider],
  ["runs", (p) => String(p.runs)],
  ["requests", (p) => String(p.requests)],
  ["delivered", (p) => String(p.delivered)],
  ["duplicates", (p) => String(p.duplicates)],
  ["parts", (p) => String(p.parts)],
  ["rejected", (p) => String(Object.values(p.rejected).reduce((a, b) => a + b, 0))],
  [
    "forgeries",
    (p) => String(forgeryKinds.reduce((sum, kind) => sum + (p.violations[kind] ?? 0), 0)),
  ],
  ["5xx", (p) => String(p.fiveXX)],
  ["crashes", (p) => String(p.crashes.length)],
  ["max ms", (p) => p.maxLatencyMs.toFixed(0)],
  [
    "heap MB",
    (p) =>
      `${p.heapStartMb.toFixed(0)}→${p.heapEndMb.toFixed(0)}${p.heapAfterGc ? "" : " (no GC)"}`,
  ],
  ["violations", (p) => String(Object.values(p.violations).reduce((a, b) => a + (b ?? 0), 0))],
  ["time", (p) => `${(p.durationMs / 1000).toFixed(1)} s`],
];

/** The summary table. */
export function formatTable(report: FuzzReport): string {
  const rows = [
    columns.map(([title]) => title),
    ...report.providers.map((p) => columns.map(([, cell]) => cell(p))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  "),
    )
    .join("\n");
}

const tally = (counts: Record<string, number | undefined>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([name, count]) => `${name} ×${count}`)
    .join(", ");

function formatCounterexample(provider: string, seed: number, c: Counterexample): string {
  const indent = (text: string) => text.replace(/^/gm, "      ");
  const lines = [
    `  [${provider}] ${c.kind}${c.variant === "" ? "" : ` (${c.variant})`} — ${c.index >= 0 ? `case ${c.index}` : c.index === -1 ? "the original on its own" : "shrunk case"}, template ${c.template}, signed ${c.signing.offsetSec >= 0 ? "+" : ""}${c.signing.offsetSec} s (${c.signing.form})${c.repeat ? ", sent twice" : ""}`,
    ...c.violations.map((v) => `    ${v.kind}: ${v.detail}`),
    `    steps: ${JSON.stringify(c.steps, (_key, value: unknown) => (typeof value === "string" && value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value))}`,
    "    request as sent:",
    indent(c.request),
    "    answer:",
    indent(c.answers.join("\n")),
    `    expected: ${c.expected}`,
  ];
  if (c.index >= 0) {
    lines.push(
      `    reproduce: npm run fuzz -- --seed ${seed} --provider ${provider} --case ${c.index}`,
    );
  }
  if (c.shrunk !== undefined) {
    lines.push("    shrunk by fast-check to:");
    lines.push(
      indent(formatCounterexample(provider, seed, { ...c.shrunk, index: -2 }).trimStart()),
    );
  }
  return lines.join("\n");
}

/** The whole report. */
export function formatReport(report: FuzzReport, maxCounterexamples = 6): string {
  const out = [
    `seed ${report.seed} · ${report.runs} runs per provider · ${report.lanes} lanes · answers within ${report.timeBoundMs} ms`,
    "",
    formatTable(report),
    "",
    "answers:",
    ...report.providers.map((p) => `  ${p.provider}: ${tally(p.answers)}`),
    "logged:",
    ...report.providers.map(
      (p) =>
        `  ${p.provider}: warn ×${p.logged.warn}, error ×${p.logged.error}${p.logged.firstErrors.length > 0 ? `\n    first error: ${p.logged.firstErrors[0]}` : ""}`,
    ),
  ];
  for (const p of report.providers) {
    if (p.trace !== undefined) {
      const violations = p.trace.violations.length === 0 ? "    (no violation)" : "";
      out.push("", formatCounterexample(p.provider, report.seed, p.trace), violations);
    }
  }
  const failing = report.providers.filter((p) => Object.keys(p.violations).length > 0);
  if (failing.length > 0) {
    out.push("", "violations:");
    for (const p of failing) out.push(`  ${p.provider}: ${tally(p.violations)}`);
    for (const p of failing) {
      for (const crash of p.crashes.slice(0, 3))
        out.push(`  [${p.provider}] ${crash.slice(0, 800)}`);
    }
    out.push("", "counterexamples (the first of each kind in full, then one line per template):");
    for (const p of failing) {
      const seen = new Set<string>();
      const first = p.counterexamples.filter((c) => !seen.has(c.kind) && seen.add(c.kind));
      for (const c of first.slice(0, maxCounterexamples)) {
        out.push(formatCounterexample(p.provider, report.seed, c), "");
      }
      for (const c of p.counterexamples.filter((c) => !first.includes(c))) {
        const detail = (c.violations[0]?.detail ?? "").split("\n")[0]!.slice(0, 240);
        const where = c.index >= 0 ? `--case ${c.index}` : "(the original on its own)";
        const variant = c.variant === "" ? "" : ` (${c.variant})`;
        out.push(
          `  [${p.provider}] ${c.kind}${variant} — template ${c.template} ${where}: ${detail}`,
        );
      }
    }
  }
  out.push(
    report.ok ? "✓ no violations" : "✗ violations found",
    `seed ${report.seed}; reproduce with: npm run fuzz -- --seed ${report.seed} --runs ${report.runs}${report.providers.length === 1 ? ` --provider ${report.providers[0]!.provider}` : ""}`,
  );
  return out.join("\n");
}
