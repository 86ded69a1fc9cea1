/**
 * A real browser for the page tests: Debian's chromium driven by playwright-core. Every
 * host but localhost is unreachable (DNS mapped away, and any other request aborted and
 * recorded), console errors are collected, and screenshots go to test/artefacts/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { repositoryRoot } from "./commands";

export const artefactsFolder = join(repositoryRoot, "test", "artefacts");
export const screenshotsFolder = join(artefactsFolder, "screenshots");

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

export interface TestBrowser {
  browser: Browser;
  /** Requests to any host but localhost, which were aborted. */
  outsideRequests: string[];
  /** Console errors and uncaught page errors, with the page they came from. */
  consoleErrors: string[];
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The GraphQL requests a page sent (method and body), from its first load on. */
  graphqlRequests(page: Page): string[];
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "localhost" || hostname === "127.0.0.1";
};

export async function startBrowser(baseUrl: string): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Belt and braces: no DNS for any host but localhost, on top of the request filter below.
    args: ["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"],
  });
  const outsideRequests: string[] = [];
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const graphqlByPage = new WeakMap<Page, string[]>();
  mkdirSync(screenshotsFolder, { recursive: true });
  return {
    browser,
    outsideRequests,
    consoleErrors,
    async open(path, viewport = desktop) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      contexts.push(context);
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        outsideRequests.push(url);
        return route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      const graphql: string[] = [];
      graphqlByPage.set(page, graphql);
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/graphql" && request.resourceType() === "fetch")
          graphql.push(`${request.method()} ${request.postData() ?? ""}`);
      });
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(`${path}: ${message.text()}`);
      });
      page.on("pageerror", (error) => consoleErrors.push(`${path}: ${error.message}`));
      await page.goto(new URL(path, baseUrl).href, { waitUntil: "networkidle" });
      // A page shows "Loading ..." until its first GraphQL answer is drawn.
      await page.waitForFunction(() => !document.querySelector("main .loading"));
      return page;
    },
    graphqlRequests: (page) => graphqlByPage.get(page) ?? [],
    async screenshot(page, name) {
      const width = page.viewportSize()?.width ?? 0;
      const file = join(screenshotsFolder, `${name}-${width}px.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}
