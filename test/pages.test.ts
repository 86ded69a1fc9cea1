/**
 * The pages in a real browser (Debian's chromium through playwright-core), on a running
 * system: what a person sees, with every host but localhost unreachable. Screenshots of
 * every page at desktop and phone width go to test/artefacts/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { issueToken } from "@csg/operator";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiExampleQueries } from "../gateway/web/api-examples";
import { type TestBrowser, artefactsFolder, desktop, phone, startBrowser } from "./support/browser";
import { repositoryRoot } from "./support/commands";
import { type TestSystem, startTestSystem } from "./support/system";

let t: TestSystem;
let b: TestBrowser;
let base: string;

beforeAll(async () => {
  t = await startTestSystem();
  base = new URL(t.system.gateway.url).origin;
  b = await startBrowser(base);
});

afterAll(async () => {
  await b?.close();
  await t?.stop();
});

const tipOf = (page: Page, value: string) =>
  page.locator(".figure", { has: page.locator(".value", { hasText: new RegExp(`^${value}$`) }) });

/** The page fits the window: nothing but a table's own scroller is wider than the screen. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe("the county overview (GET /)", () => {
  it("shows the alignment matrix in words: Melton has no published priorities for all seven CSA priorities", async () => {
    const page = await b.open("/");
    await expect.poll(() => page.locator("h1").textContent()).toContain("Leicestershire");
    const melton = page.locator('button.cell[data-partnership="melton"]');
    expect(await melton.allInnerTexts()).toEqual(Array(7).fill("No published priorities"));
    // Charnwood's current plan covers "Reduce crime" by a suggestion from its own words.
    const cell = page.locator('button.cell[data-partnership="charnwood"][data-csa="reduce-crime"]');
    await expect.poll(() => cell.textContent()).toBe("Covered");
    // Keyboard: focus the cell and press Enter; the detail names the priority, basis and evidence.
    await cell.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => cell.getAttribute("aria-expanded")).toBe("true");
    const detail = page.locator("#alignment-detail");
    await expect.poll(() => detail.textContent()).toContain("Prevent and disrupt criminal activity with the aim of reducing 'All Crime'");
    await expect.poll(() => detail.textContent()).toContain("Suggested");
    await expect.poll(() => detail.textContent()).toContain('"all crime" in the title');
    // The gap nobody covers, and the local priorities outside the agreement.
    await expect.poll(() => page.locator("#alignment").textContent()).toContain("Reduce risk of harm to young people from cyber-crime and bullying");
    await expect.poll(() => page.locator("#alignment").textContent()).toContain("Build safer and stronger communities with a focus on increasing community confidence");
    await b.screenshot(page, "overview");
  });

  it("totals all crime for 2017/18 as 41,325, complete, with its source and period on focus; the table downloads as CSV", async () => {
    const page = await b.open("/");
    await page.locator("#totals-output table").waitFor();
    // The overview's data arrive in two requests: the overview, then the chosen total.
    expect(b.graphqlRequests(page).map((r) => /query (\w+)/.exec(r)?.[1])).toEqual(["CountyOverview", "CountyCrimeTotals"]);
    const periods = await page.locator("#totals-period option").allInnerTexts();
    // Only periods that exist in the data, and never a projection.
    expect(periods.some((p) => p.startsWith("2017/18: 1 April 2017 to 31 March 2018"))).toBe(true);
    expect(periods.some((p) => /projection/i.test(p))).toBe(false);
    await page.selectOption("#totals-period", "2017-04-01/2018-03-31");
    const total = page.locator("#totals-output .total .big .figure");
    await expect.poll(() => total.locator(".value").textContent()).toBe("41,325");
    await expect.poll(() => page.locator("#totals-output .total").textContent()).toContain("complete, every member partnership counted");
    await total.focus();
    const tip = total.locator(".tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect.poll(() => tip.textContent()).toContain("002_8e9c48eccd29813b.txt, Figure 3");
    await expect.poll(() => tip.textContent()).toContain("2017/18 (1 April 2017 to 31 March 2018, financial year)");
    // Each partnership's count, rate and rank; Melton's count with its source on hover.
    const table = page.locator("#totals-output table");
    await expect.poll(() => table.locator("tr", { hasText: "Charnwood" }).textContent()).toContain("12,065");
    const meltonCount = table.locator("tr", { hasText: "Melton" }).locator("td").nth(2).locator(".figure");
    await meltonCount.hover();
    await expect.poll(() => meltonCount.locator(".tip").textContent()).toContain("Figure 3");
    await expect.poll(() => page.locator("#totals-output canvas").count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#totals-output button.csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("Rank,Partnership,Count,Rate per 1,000,Rank by rate,Change on the year before".replace("Rate per 1,000", '"Rate per 1,000"'));
    expect(csv).toContain('Melton,"2,799"');

    // 2018/19 to date: Charnwood's Figure 3 count (the table covering every member) is used.
    await page.selectOption("#totals-period", "2018-04-01/2019-01-31");
    await expect.poll(() => page.locator("#totals-output .total .big .value").textContent()).toBe("35,649");
    await b.screenshot(page, "overview-2017-18");
  });

  it("draws trends per kind of period: financial years, rolling 12 months, years to date and projections apart", async () => {
    const page = await b.open("/");
    const headings = await page.locator("#trends-output h3").allInnerTexts();
    expect(headings).toEqual(
      expect.arrayContaining(["Financial years (April to March)", "Rolling 12 months (October to September)", "Year to date (April to January)", "Projections (April to March), not records"]),
    );
    expect(await page.locator("#trends-output canvas").count()).toBe(headings.length);
  });

  it("finds the partnerships that prioritise domestic abuse", async () => {
    const page = await b.open("/");
    await page.selectOption('#priority-search select[name="csaPriority"]', "domestic-abuse");
    await page.locator('#priority-search input[name="currentOnly"]').uncheck();
    await page.locator('#priority-search button[type="submit"]').click();
    const results = page.locator("#priority-search-results");
    await expect.poll(() => results.textContent()).toContain("Increase reporting of Domestic Abuse and Hate Crime and promote positive outcomes for victims");
    await expect.poll(() => results.locator("details.query summary").textContent()).toBe("The query behind this");
  });
});

describe("a partnership's page (GET /partnerships/<code>)", () => {
  it("shows Charnwood's two all-crime figures for 1 April 2018 to 31 January 2019, each with its figure, marked as contradicted", async () => {
    const page = await b.open("/partnerships/charnwood");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Charnwood Community Safety Partnership");
    for (const [value, figure] of [
      ["11,258", "Figure 1"],
      ["10,844", "Figure 3"],
    ]) {
      const shown = page.locator("#figures").locator(".figure", { has: page.locator(".value", { hasText: new RegExp(`^${value}$`) }) }).first();
      await shown.hover();
      const tip = shown.locator(".tip");
      await expect.poll(() => tip.isVisible()).toBe(true);
      await expect.poll(() => tip.textContent()).toContain(`002_8e9c48eccd29813b.txt, ${figure}`);
      await expect.poll(() => tip.textContent()).toContain("1 April 2018 to 31 January 2019");
      await expect.poll(() => shown.locator(".mark.contradicted").textContent()).toBe("contradicted");
    }
    // Targets with met or not met, in words.
    const targets = page.locator("#targets table");
    await expect.poll(() => targets.locator("tr", { hasText: "Theft of Vehicles" }).textContent()).toContain("Not met");
    await expect.poll(() => targets.locator("tr", { hasText: "Robbery" }).textContent()).toContain("Met");
    await expect.poll(() => page.locator("#beats").textContent()).toContain("Beat 56");
    await expect.poll(() => page.locator("#funding").textContent()).toContain("£75,500.00");
    await expect.poll(() => page.locator("#figures .mark.projection").first().textContent()).toBe("projection");
    await expect.poll(() => page.locator("#plans details.query pre").first().textContent()).toContain("query Partnership($code: ID!)");
    await b.screenshot(page, "partnership-charnwood");
  });

  it("says plainly what Melton has not published", async () => {
    const page = await b.open("/partnerships/melton");
    await expect.poll(() => page.locator("#plans").textContent()).toContain("Melton has published no plan or priorities.");
    await expect.poll(() => page.locator("#targets").textContent()).toContain("Melton has published no targets.");
    await expect.poll(() => tipOf(page, "2,799").first().isVisible()).toBe(true);
    await b.screenshot(page, "partnership-melton");
  });

  it("says so when there is no such partnership", async () => {
    const page = await b.open("/partnerships/nowhere");
    await expect.poll(() => page.locator("h1").textContent()).toBe('No partnership "nowhere"');
  });
});

describe("the scrutiny briefing (GET /partnerships/<code>/briefing)", () => {
  it("prints to an A4 PDF with its targets table, beat figures, county comparison, priorities and funding, without navigation", async () => {
    const page = await b.open("/partnerships/charnwood/briefing");
    await expect.poll(() => page.locator("header.site").count()).toBe(0);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Charnwood Community Safety Partnership");
    await b.screenshot(page, "briefing-charnwood");
    const pdf = join(artefactsFolder, "charnwood-briefing.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    // Five sections, each after the first on a new page.
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(14);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("1. Performance against targets");
    expect(text).toMatch(/Theft of Vehicles\s+Reduction\s+191\s+302\s+\+111 \(\+58\.1%\)\s+.*Not met/);
    expect(text).toMatch(/Robbery\s+Reduction\s+90\s+75\s+-15 \(-16\.7%\)\s+.*Met/);
    expect(text).toContain("Beat 56");
    expect(text).toContain("3. Comparison with the county");
    expect(text).toMatch(/2017\/18[\s\S]*12,065[\s\S]*41,325/);
    expect(text).toMatch(/4\. Priorities and their alignment with the Community Safety\s+Agreement/);
    expect(text).toContain("£75,500.00");
    for (const screenOnly of ["Query explorer", "Download CSV", "The query behind this", "Back to the partnership"]) expect(text).not.toContain(screenOnly);
    // Each numbered section starts a page.
    const pageTexts = text.split("\f");
    for (const heading of ["2. Police beats", "3. Comparison with the county", "5. Funding"]) {
      expect(pageTexts.some((p) => p.trimStart().startsWith(heading))).toBe(true);
    }
  });
});

describe("the query explorer (GET /graphql from a browser)", () => {
  it("opens offline with the API reference's example queries and runs one against this gateway", async () => {
    const page = await b.open("/graphql");
    const examples = apiExampleQueries(readFileSync(join(repositoryRoot, "schema/API.md"), "utf8"));
    expect(examples.length).toBeGreaterThan(3);
    await expect.poll(() => page.locator(".graphiql-tab").count()).toBe(examples.length);
    await expect.poll(() => page.locator(".graphiql-query-editor").textContent()).toContain("partnerships");
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => page.locator(".result-window").textContent(), { timeout: 30_000 }).toContain("Charnwood Community Safety Partnership");
    await b.screenshot(page, "explorer");
    // GraphQL clients still get GraphQL at the same address.
    const json = await fetch(`${base}/graphql?query=${encodeURIComponent("{ county { name } }")}`, { headers: { accept: "application/json", "apollo-require-preflight": "true" } });
    expect(await json.json()).toEqual({ data: { county: { name: "Leicestershire" } } });
  });
});

describe("every page at phone width", () => {
  it("fits a 390 px screen (tables scroll on their own)", async () => {
    for (const [path, name] of [
      ["/", "overview"],
      ["/partnerships/charnwood", "partnership-charnwood"],
      ["/partnerships/melton", "partnership-melton"],
      ["/partnerships/charnwood/briefing", "briefing-charnwood"],
      ["/graphql", "explorer"],
    ]) {
      const page = await b.open(path, phone);
      if (path === "/") await page.locator("#totals-output table").waitFor();
      expect({ path, fits: await fitsWidth(page) }).toEqual({ path, fits: true });
      await b.screenshot(page, name);
    }
    const page = await b.open("/", desktop);
    expect(await fitsWidth(page)).toBe(true);
  });
});

describe("data from the graph is text, never markup", () => {
  it("shows a priority titled <script> as text", async () => {
    const token = issueToken(t.dataDir, "charnwood", "charnwood officer (test)").token;
    const title = `<script>document.title="pwned"</script><img src="/x" onerror="window.__injected=1">Tackle retail crime`;
    const created = await t.query(
      `mutation($input: PriorityInput!) { charnwood { createPriority(input: $input) { id title } } }`,
      {
        input: {
          plan: "charnwood:priorities-2019-20",
          theme: "Making Communities Safer",
          title,
          declaredAlignment: ["reduce-crime"],
          source: { document: "charnwood-return-2019.xlsx", locator: "Sheet 1" },
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    for (const path of ["/partnerships/charnwood", "/"]) {
      const page = await b.open(path);
      if (path === "/") {
        await page.locator('button.cell[data-partnership="charnwood"][data-csa="reduce-crime"]').click();
      }
      const container = path === "/" ? page.locator("#alignment-detail") : page.locator("#plans");
      await expect.poll(() => container.textContent()).toContain(title);
      expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
      expect(await page.title()).not.toBe("pwned");
      expect(await page.locator("main script, main img").count()).toBe(0);
      if (path !== "/") await b.screenshot(page, "partnership-charnwood-script-title");
    }
  });
});

describe("a partnership's service is down", () => {
  it("the overview marks it Unavailable and its county total incomplete, naming it", async () => {
    await t.system.services.get("melton")!.stop();
    try {
      const page = await b.open("/");
      expect(await page.locator('button.cell[data-partnership="melton"]').allInnerTexts()).toEqual(Array(7).fill("Unavailable"));
      await page.locator("#totals-output table").waitFor();
      await page.selectOption("#totals-period", "2017-04-01/2018-03-31");
      await expect.poll(() => page.locator("#totals-output .total .big .value").textContent()).toBe("38,526");
      const output = page.locator("#totals-output");
      await expect.poll(() => output.textContent()).toContain("incomplete: 1 of 7 partnerships missing");
      await expect.poll(() => output.locator(".notice").textContent()).toContain("Melton did not answer");
      await b.screenshot(page, "overview-melton-down");
    } finally {
      await t.system.restart("melton");
    }
  });
});

describe("the browser", () => {
  it("logged no console errors and sent no request beyond localhost", () => {
    expect(b.consoleErrors).toEqual([]);
    expect(b.outsideRequests).toEqual([]);
  });
});
