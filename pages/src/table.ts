/**
 * A data table with its caption and a CSV download. A wide table scrolls sideways on its
 * own with its key column kept in view; a table marked `stack` becomes a list on a phone
 * (one block per row, each cell under its column's name), so nothing is off-screen.
 */
import { type Html, html } from "./escape";

let tables = 0;

export interface TableOptions {
  caption: string | Html;
  head: (string | Html)[];
  rows: (string | Html)[][];
  /** Cells of the first column are row headers. */
  rowHeaders?: boolean;
  /** The column that names the row, kept in view while the others scroll (default the first). */
  keyColumn?: number;
  /**
   * On a phone: "blocks" puts each cell under its column's name, "lines" puts the name
   * beside the cell (for short cells, such as the matrix's statuses).
   */
  stack?: "blocks" | "lines";
  className?: string;
  foot?: (string | Html)[][];
}

export function dataTable(options: TableOptions): Html {
  const id = `table-${++tables}`;
  const key = options.keyColumn ?? 0;
  // Shown only when stacked; the CSV download leaves it out (it reads the table's own head).
  const label = (index: number) =>
    options.stack && index !== key ? html`<span class="stack-label">${options.head[index]}</span>` : "";
  const cell = (value: string | Html, index: number) => {
    // A stacked list leaves out a blank cell rather than show its column's name over nothing.
    const classes = [index === key ? "key" : "", value === "" ? "blank" : ""].filter(Boolean).join(" ");
    const classAttribute = classes ? html` class="${classes}"` : "";
    return index === 0 && options.rowHeaders
      ? html`<th scope="row"${classAttribute}>${value}</th>`
      : html`<td${classAttribute}>${label(index)}${value}</td>`;
  };
  const classes = [options.className, options.stack ? `stack stack-${options.stack}` : ""].filter(Boolean).join(" ");
  return html`<div class="table-wrap">
<table id="${id}" class="${classes}">
<caption>${options.caption}</caption>
<thead><tr>${options.head.map((h, index) => html`<th scope="col"${index === key ? html` class="key"` : ""}>${h}</th>`)}</tr></thead>
<tbody>${options.rows.map((row) => html`<tr>${row.map(cell)}</tr>`)}</tbody>
${options.foot ? html`<tfoot>${options.foot.map((row) => html`<tr>${row.map(cell)}</tr>`)}</tfoot>` : ""}
</table>
<button type="button" class="csv" data-csv-for="${id}">Download CSV</button>
</div>`;
}
