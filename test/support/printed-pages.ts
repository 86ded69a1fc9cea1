/**
 * A printed PDF read back page by page with poppler (pdftotext): each page's text, and how
 * full it is, measured from where its lowest word ends within the page's printable area.
 */
import { execFileSync } from "node:child_process";

export interface PrintedPage {
  /** The page's text, laid out as printed. */
  text: string;
  /** The share of the printable height (between the @page margins) down to the lowest word: 0 to 1. */
  fullness: number;
}

const pointsPerMm = 72 / 25.4;

/** `margins` are the @page margins the page was printed with, in millimetres. */
export function printedPages(pdf: string, margins: { top: number; bottom: number }): PrintedPage[] {
  const texts = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  const boxes = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const pages = [...boxes.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  return pages.map(([, height, words], index) => {
    const top = margins.top * pointsPerMm;
    const bottom = Number(height) - margins.bottom * pointsPerMm;
    const lowest = Math.max(top, ...[...words.matchAll(/yMax="([\d.]+)"/g)].map(([, y]) => Number(y)));
    return { text: texts[index] ?? "", fullness: (lowest - top) / (bottom - top) };
  });
}
