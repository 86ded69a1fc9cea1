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
  /**
   * Loads `path` in the one tab kept for this viewport and waits until the page has drawn
   * its data. A page from an earlier open at the same viewport is that tab: it now shows `path`.
   */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The GraphQL requests a page sent (method and body), from its last load on. */
  graphqlRequests(page: Page): string[];
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "localhost" || hostname === "127.0.0.1";
};

/** One browser tab per viewport, reused from open to open: its own context, request filter and listeners. */
interface Tab {
  page: Page;
  /** The path last opened, naming the page in console errors. */
  path: string;
  graphql: string[];
}

export async function startBrowser(baseUrl: string): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Belt and braces: no DNS for any host but localhost, on top of the request filter below.
    args: ["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"],
  });
  const outsideRequests: string[] = [];
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  // A tab reused by navigating costs a fraction of a new context's (a renderer process and a
  // cold script cache each time): most of the browser's CPU in this file went on those.
  const tabs = new Map<string, Promise<Tab>>();
  const tabOf = new WeakMap<Page, Tab>();
  const newTab = async (viewport: { width: number; height: number }): Promise<Tab> => {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    contexts.push(context);
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      outsideRequests.push(url);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    const tab: Tab = { page, path: "", graphql: [] };
    tabOf.set(page, tab);
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql" && request.resourceType() === "fetch")
        tab.graphql.push(`${request.method()} ${request.postData() ?? ""}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${tab.path}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${tab.path}: ${error.message}`));
    return tab;
  };
  mkdirSync(screenshotsFolder, { recursive: true });
  return {
    browser,
    outsideRequests,
    consoleErrors,
    async open(path, viewport = desktop) {
      const key = `${viewport.width}x${viewport.height}`;
      if (!tabs.has(key)) tabs.set(key, newTab(viewport));
      const tab = await tabs.get(key)!;
      const { page } = tab;
      // As a fresh tab would be: nothing stored by the page before (the explorer keeps its tabs in
      // sessionStorage), and the pointer away from whatever it last hovered.
      if (page.url().startsWith(baseUrl))
        await page.evaluate(() => {
          sessionStorage.clear();
          localStorage.clear();
        });
      await page.mouse.move(0, 0);
      tab.path = path;
      tab.graphql = [];
      await page.goto(new URL(path, baseUrl).href, { waitUntil: "load" });
      // A page shows "Loading ..." until its GraphQL answers are drawn; the overview's county
      // total, asked after the rest is drawn, is aria-busy until it is. (Waiting instead for
      // the network to be idle cost half a second of silence on every open.)
      await page.waitForFunction(() => !document.querySelector("main .loading, main [aria-busy]"));
      return page;
    },
    graphqlRequests: (page) => tabOf.get(page)?.graphql ?? [],
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
