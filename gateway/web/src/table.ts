/** A data table with its caption and a CSV download. */
import { Html, html } from "./escape";

let tables = 0;

export interface TableOptions {
  caption: string | Html;
  head: (string | Html)[];
  rows: (string | Html)[][];
  /** Cells of the first column are row headers. */
  rowHeaders?: boolean;
  className?: string;
  foot?: (string | Html)[][];
}

export function dataTable(options: TableOptions): Html {
  const id = `table-${++tables}`;
  const cell = (value: string | Html, index: number) =>
    index === 0 && options.rowHeaders ? html`<th scope="row">${value}</th>` : html`<td>${value}</td>`;
  return html`<div class="table-wrap">
<table id="${id}" class="${options.className ?? ""}">
<caption>${options.caption}</caption>
<thead><tr>${options.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${options.rows.map((row) => html`<tr>${row.map(cell)}</tr>`)}</tbody>
${options.foot ? html`<tfoot>${options.foot.map((row) => html`<tr>${row.map(cell)}</tr>`)}</tfoot>` : ""}
</table>
<button type="button" class="csv" data-csv-for="${id}">Download CSV</button>
</div>`;
}
