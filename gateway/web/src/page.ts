/** What every page does first: CSV downloads, and a plain message when loading fails. */
import { enableCsvDownloads } from "./csv";
import { html, mount } from "./escape";

export function startPage(render: (main: HTMLElement) => Promise<void>): void {
  enableCsvDownloads();
  const main = document.getElementById("main")!;
  render(main).catch((error: Error) => {
    mount(main, html`<div class="notice error" role="alert"><h1>This page could not be loaded</h1><p>${error.message}</p></div>`);
  });
}
