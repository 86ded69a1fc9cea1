/**
 * HTML built from templates in which every interpolated value is escaped unless it is
 * already `Html` (built the same way). Data from the graph is never trusted as markup:
 * a priority titled `<script>` shows as text.
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeText(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => entities[c]);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeText(value);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Puts built markup into an element (the only place the pages assign innerHTML). */
export function mount(element: Element, content: Html): void {
  element.innerHTML = content.markup;
}
