// lib/inspector/page-sections.ts — the page's tables (counts, waiting messages, deliveries) and its filter form.

import type { DeliveryOutcome } from "../core/observer.js";
import { errorCodes } from "./filters.js";
import { html, type SafeHtml } from "./html.js";
import { link, time, type PageModel } from "./page-model.js";
import type { PendingMessage } from "./pending-messages.js";
import { outcomes } from "./record-store.js";
import type { InspectorContent, InspectorRecord } from "./summary.js";

/** Per provider, how many requests ended each way; each count links to those requests. */
export function countsTable(model: PageModel): SafeHtml {
  if (model.counts.length === 0) {
    return html`<p class="empty">
      No requests seen yet. The inspector sees the routes it is registered on:
      <code>smsWebhook.router(provider, { observers: [inspector] })</code>.
    </p>`;
  }
  const header = outcomes.map((outcome) => html`<th class="num">${outcome}</th>`);
  const rows = model.counts.map(({ provider, counts }) => {
    const total = outcomes.reduce((sum, outcome) => sum + counts[outcome], 0);
    const cells = outcomes.map((outcome) => {
      const count = counts[outcome];
      if (count === 0) return html`<td class="num muted">0</td>`;
      const href = link(model, { provider, outcome, code: undefined });
      return html`<td class="num"><a class="o-${outcome}" href="${href}">${count}</a></td>`;
    });
    const all = link(model, { provider, outcome: undefined, code: undefined });
    return html`<tr>
      <th><a href="${all}">${provider}</a></th>
      ${cells}
      <td class="num">${total}</td>
    </tr>`;
  });
  return table(
    "counts",
    html`<th>provider</th>
      ${header}
      <th class="num">total</th>`,
    rows,
  );
}

/** Concatenated messages with parts still missing. */
export function pendingTable(pending: readonly PendingMessage[]): SafeHtml {
  if (pending.length === 0) return html`<p class="empty">None.</p>`;
  const rows = pending.map(
    (message) =>
      html`<tr>
        <td class="id">${message.group}</td>
        <td>${message.provider}</td>
        <td class="num">${message.received} of ${message.total}</td>
        <td class="nowrap">${time(message.lastAt)}</td>
      </tr>`,
  );
  const header = html`<th>message</th>
    <th>provider</th>
    <th class="num">parts received</th>
    <th>last part (UTC)</th>`;
  return table("pending", header, rows);
}

// A table of one header row and one body.
function table(className: string, header: SafeHtml, rows: readonly SafeHtml[]): SafeHtml {
  return html`<table class="${className}">
    <thead>
      <tr>
        ${header}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** The filters, as a plain GET form (no script needed). */
export function filtersForm(model: PageModel): SafeHtml {
  const { filter } = model;
  const select = (name: string, values: readonly string[], current: string | undefined) =>
    html`<label
      >${name}
      <select name="${name}">
        <option value="">any</option>
        ${values.map(
          (value) =>
            html`<option value="${value}" ${value === current ? html`selected` : ""}>
              ${value}
            </option>`,
        )}
      </select></label
    >`;
  const providers = model.counts.map(({ provider }) => provider);
  const refresh =
    model.refreshSec === undefined
      ? ""
      : html`<input type="hidden" name="refresh" value="${model.refreshSec}" />`;
  return html`<form class="filters" method="get" action="${model.base}/">
    ${select("provider", providers, filter.provider)} ${select("outcome", outcomes, filter.outcome)}
    ${select("code", errorCodes, filter.code)}
    <label
      >limit
      <input name="limit" type="number" min="1" max="${model.capacity}" value="${filter.limit}"
    /></label>
    ${refresh}
    <button type="submit">Filter</button>
    <a href="${link(model, { provider: undefined, outcome: undefined, code: undefined })}">clear</a>
  </form>`;
}

/** The recent requests, each with its hint on a full-width row beneath. */
export function deliveriesTable(model: PageModel): SafeHtml {
  if (model.records.length === 0) {
    const filtered =
      model.filter.provider !== undefined ||
      model.filter.outcome !== undefined ||
      model.filter.code !== undefined;
    return html`<p class="empty">
      ${filtered ? "No kept request matches these filters." : "No requests yet."}
    </p>`;
  }
  // One <tbody> per request: its row, and its hint on a row of its own beneath, full width.
  const rows = model.records.map(
    (record) =>
      html`<tbody class="delivery ${record.outcome}">
        <tr>
          <td class="nowrap">${time(record.at)}</td>
          <td class="nowrap">${record.provider}</td>
          <td class="id route">${record.route.method} ${record.route.path}</td>
          <td class="o-${record.outcome}">${outcomeLabel(record.outcome)}</td>
          <td class="num">${record.status}</td>
          <td>${record.code}</td>
          <td class="id event">${event(record)}</td>
          <td class="num">${record.durationMs}</td>
          <td class="num">${record.storeMs}</td>
          <td class="content">${content(record.content)}</td>
        </tr>
        ${
          record.hint === null
            ? ""
            : html`<tr>
                <td></td>
                <td colspan="9" class="hint">${record.hint}</td>
              </tr>`
        }
      </tbody>`,
  );
  return html`<table class="deliveries">
    <thead>
      <tr>
        <th>time (UTC)</th>
        <th>provider</th>
        <th>route</th>
        <th>outcome</th>
        <th class="num">status</th>
        <th>code</th>
        <th>event</th>
        <th class="num">ms</th>
        <th class="num">store ms</th>
        <th>content</th>
      </tr>
    </thead>
    ${rows}
  </table>`;
}

function outcomeLabel(outcome: DeliveryOutcome): string {
  return outcome.replace("_", " ");
}

function event(record: InspectorRecord): SafeHtml {
  const part =
    record.part === null
      ? ""
      : html` <span class="muted">part ${record.part.index} of ${record.part.total}</span>`;
  const type = record.eventType === null ? "" : html`${record.eventType}<br />`;
  return html`${type}${record.eventId}${part}`;
}

function content(content: InspectorContent | null): SafeHtml | string {
  if (content === null) return "";
  const more = content.moreRecipients > 0 ? ` +${content.moreRecipients} more` : "";
  const number = (value: string) => html`<span class="nowrap">${value}</span>`;
  const to =
    content.to.length > 0
      ? html`to
          ${content.to.map((value, index) => html`${index > 0 ? ", " : ""}${number(value)}`)}${more}<br />`
      : "";
  return html`${content.from === null ? "" : html`from ${number(content.from)}<br />`}${to}${
    content.status === null ? "" : html`${content.status}<br />`
  }${content.text}`;
}
