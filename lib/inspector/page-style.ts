// lib/inspector/page-style.ts — the page's one stylesheet, and the CSP source that allows it.

import { createHash } from "node:crypto";

/** The page's CSS, inlined: the page loads nothing else. */
export const pageStyle = `
:root { color-scheme: light dark; --muted: #667; --line: #d7d9de; --bad: #b3261e; --bad-bg: #fdecea;
  --warn: #8a5a00; --warn-bg: #fff4d6; --good: #1e6b34; }
@media (prefers-color-scheme: dark) { :root { --muted: #99a; --line: #3a3d45; --bad: #ff8a80;
  --bad-bg: #3b1f1f; --warn: #ffd27a; --warn-bg: #3a2f12; --good: #7fd49a; } }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p.meta, p.empty, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.id, td.content { font-family: ui-monospace, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
td.route { min-width: 9rem; } td.event { min-width: 12rem; } td.content { min-width: 10rem; }
tbody.delivery > tr:not(:last-child) > td { border-bottom: none; padding-bottom: 0; }
td.hint::before { content: "↳ "; color: var(--muted); }
.nowrap, td.num { white-space: nowrap; }
tbody.rejected td { background: var(--bad-bg); }
tbody.in_flight td, tbody.let_through td { background: var(--warn-bg); }
.o-rejected { color: var(--bad); font-weight: 600; }
.o-in_flight, .o-let_through { color: var(--warn); font-weight: 600; }
.o-delivered { color: var(--good); }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0 .75rem; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
p.error { color: var(--bad); font-weight: 600; }
`;

/** The `style-src` source that lets exactly {@link pageStyle} apply (a CSP hash). */
export const pageStyleSource = `'sha256-${createHash("sha256").update(pageStyle).digest("base64")}'`;
