/**
 * Any table on a page as a CSV file: the cells' text as shown (a matrix cell's status too),
 * without the hover tips or a phone's column names.
 */
function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll(".tip, .stack-label").forEach((node) => node.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv(table: HTMLTableElement): string {
  return (
    [...table.rows].map((row) => [...row.cells].map((cell) => csvField(cellText(cell))).join(",")).join("\r\n") + "\r\n"
  );
}

function fileName(table: HTMLTableElement): string {
  const caption = table.caption ? cellText(table.caption) : "table";
  return `${
    caption
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "table"
  }.csv`;
}

/** One listener for every "Download CSV" button a page has or will have. */
export function enableCsvDownloads(root: Document = document): void {
  root.addEventListener("click", (event) => {
    const button = (event.target as Element).closest("button[data-csv-for]");
    if (!button) return;
    const table = root.getElementById(button.getAttribute("data-csv-for") ?? "");
    if (!(table instanceof HTMLTableElement)) return;
    const blob = new Blob([tableToCsv(table)], { type: "text/csv;charset=utf-8" });
    const link = root.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName(table);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
}
