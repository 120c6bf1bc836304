// lib/inspector/page-model.ts — what the page shows, and the links and times it is made of.

import { html, type SafeHtml } from "./html.js";
import type { PendingMessage } from "./pending-messages.js";
import type { OutcomeCounts, RecordFilter } from "./record-store.js";
import type { InspectorRecord } from "./summary.js";

/** Everything the page shows. */
export interface PageModel {
  /** Where the router is mounted (`req.baseUrl`), for links that work with or without a `/`. */
  readonly base: string;
  readonly startedAt: Date;
  readonly capacity: number;
  /** How many records are kept now. */
  readonly kept: number;
  readonly showContent: boolean;
  readonly counts: readonly { provider: string; counts: OutcomeCounts }[];
  readonly pending: readonly PendingMessage[];
  readonly filter: RecordFilter;
  readonly records: readonly InspectorRecord[];
  /** Seconds between automatic reloads (`?refresh=`), if asked for. */
  readonly refreshSec: number | undefined;
}

/** An ISO time as `2026-11-29 16:14:18`, in a `<time>` carrying the exact instant. */
export function time(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${iso.slice(0, 19).replace("T", " ")}</time>`;
}

/** A link to the page with the current filter changed by `change` (and `refreshSec`). */
export function link(
  model: PageModel,
  change: Partial<Pick<RecordFilter, "provider" | "outcome" | "code">>,
  refreshSec: number | undefined = model.refreshSec,
): string {
  const merged = { ...model.filter, ...change };
  const params = new URLSearchParams();
  if (merged.provider !== undefined) params.set("provider", merged.provider);
  if (merged.outcome !== undefined) params.set("outcome", merged.outcome);
  if (merged.code !== undefined) params.set("code", merged.code);
  if (merged.limit !== defaultPageLimit(model)) params.set("limit", String(merged.limit));
  if (refreshSec !== undefined) params.set("refresh", String(refreshSec));
  const query = params.toString();
  return `${model.base}/${query === "" ? "" : `?${query}`}`;
}

/** How many rows the page lists when no `limit` is given: 100, or fewer if fewer are kept. */
export function defaultPageLimit(model: Pick<PageModel, "capacity">): number {
  return Math.min(100, model.capacity);
}
