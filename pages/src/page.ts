/** What every page does first: CSV downloads, readable tips, and a plain message when loading fails. */
import { enableCsvDownloads } from "./csv";
import { html, mount } from "./escape";
import { enableFigureTips } from "./figure-tips";

export function startPage(render: (main: HTMLElement) => Promise<void>): void {
  enableCsvDownloads();
  enableFigureTips();
  const main = document.getElementById("main")!;
  render(main).catch((error: Error) => {
    mount(
      main,
      html`<div class="notice error" role="alert"><h1>This page could not be loaded</h1><p>${error.message}</p></div>`,
    );
  });
}
