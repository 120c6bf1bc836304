// lib/inspector/page.ts — the inspector's page, rendered on the server: it works without JavaScript.

import { html, type SafeHtml } from "./html.js";
import { link, time, type PageModel } from "./page-model.js";
import { countsTable, deliveriesTable, filtersForm, pendingTable } from "./page-sections.js";
import { pageStyle } from "./page-style.js";

/** The whole page. */
export function renderPage(model: PageModel): string {
  return layout(
    model.refreshSec,
    html`<header>
        <h1>Webhook deliveries</h1>
        ${meta(model)}
      </header>
      <h2>By provider <span class="muted">(since the inspector started)</span></h2>
      ${countsTable(model)}
      <h2>Concatenated messages waiting for parts</h2>
      ${pendingTable(model.pending)}
      <h2>Recent deliveries <span class="muted">(newest first)</span></h2>
      ${filtersForm(model)} ${deliveriesTable(model)}`,
  );
}

/** A page saying what was wrong with the query, with a way back. */
export function renderErrorPage(base: string, message: string): string {
  return layout(
    undefined,
    html`<h1>Webhook deliveries</h1>
      <p class="error">${message}</p>
      <p><a href="${base}/">Show every delivery</a></p>`,
  );
}

function layout(refreshSec: number | undefined, body: SafeHtml): string {
  const refresh =
    refreshSec === undefined ? "" : html`<meta http-equiv="refresh" content="${refreshSec}" />`;
  // The stylesheet is joined as a plain string: the CSP allows it by the hash of these exact
  // characters, which a template (or a formatter reflowing one) could change.
  const head = html`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    ${refresh}
    <title>Webhook deliveries · sms-webhooks</title>`;
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n${head.markup}\n<style>${pageStyle}</style>\n</head>\n` +
    `<body>\n${body.markup}\n</body>\n</html>\n`
  );
}

function meta(model: PageModel): SafeHtml {
  const auto =
    model.refreshSec === undefined
      ? html`<a href="${link(model, {}, 10)}">reload every 10 s</a>`
      : html`reloading every ${model.refreshSec} s (<a href="${link(model, {}, undefined)}">stop</a
          >)`;
  return html`<p class="meta">
    Since ${time(model.startedAt.toISOString())} UTC · the last ${model.kept} requests kept (at most
    ${model.capacity}) ·
    ${model.showContent ? "phone numbers and texts shown" : "phone numbers and texts masked"} ·
    <a href="${link(model, {}, model.refreshSec)}">reload</a> · ${auto} ·
    <a href="${model.base}/api/deliveries">JSON</a>
  </p>`;
}
