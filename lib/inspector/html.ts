// lib/inspector/html.ts — HTML built from templates that escape every value put into them.

const escapes: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `value` as text safe in an element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => escapes[char]!);
}

/** Markup already escaped (made only by {@link html}), inserted as it is. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What a template may interpolate: text (escaped), markup, or lists of either. */
export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

/**
 * A tagged template: every interpolated string or number is escaped, `SafeHtml` goes in as it
 * is, arrays are joined and `null`/`undefined` are left out. Escaping is the default, so no
 * field can reach the page as markup by being forgotten.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0]!;
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}
