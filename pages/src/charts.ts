/**
 * Charts with Chart.js (bundled, never from a CDN). A page writes a chart slot into its
 * markup, then mounts the charts once the markup is in the document. Every chart has a
 * table beside it carrying the same figures with their sources.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
} from "chart.js";
import { type Html, html } from "./escape";

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

const palette = [
  "#1f5fa8",
  "#c8491b",
  "#2e7d32",
  "#7b3fa0",
  "#b8860b",
  "#00838f",
  "#ad1457",
  "#5d4037",
  "#546e7a",
  "#33691e",
];
const colourByKey = new Map<string, string>();

/** One colour per partnership (or series), the same on every chart of a page. */
export function colourFor(key: string): string {
  if (!colourByKey.has(key)) colourByKey.set(key, palette[colourByKey.size % palette.length]);
  return colourByKey.get(key)!;
}

const pending = new Map<string, ChartConfiguration>();
let slots = 0;

/** Markup for a chart; `description` is what a screen reader hears (the table has the figures). */
export function chartSlot(config: ChartConfiguration, description: string): Html {
  const id = `chart-${++slots}`;
  pending.set(id, config);
  return html`<figure class="chart"><canvas id="${id}" role="img" aria-label="${description}"></canvas></figure>`;
}

const mounted: Chart[] = [];

export function mountCharts(root: ParentNode = document): void {
  for (const [id, config] of pending) {
    const canvas = root.querySelector<HTMLCanvasElement>(`#${id}`);
    if (!canvas) continue;
    pending.delete(id);
    config.options = {
      animation: false, // figures appear at once, and print as shown
      responsive: true,
      maintainAspectRatio: false,
      ...config.options,
    };
    mounted.push(new Chart(canvas, config));
  }
}

/** Charts drawn at screen size are redrawn for paper before printing. */
export function resizeChartsForPrint(): void {
  window.addEventListener("beforeprint", () => mounted.forEach((chart) => chart.resize()));
  window.addEventListener("afterprint", () => mounted.forEach((chart) => chart.resize()));
}
