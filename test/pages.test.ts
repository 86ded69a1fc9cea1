/**
 * The pages in a real browser (Debian's chromium through playwright-core), on a running
 * system: what a person sees, with every host but localhost unreachable. Screenshots of
 * every page at desktop and phone width go to test/artefacts/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLES_DIR, SAMPLE_FILES, openNationalDatabase, sqliteOf } from "@csg/national-subgraph";
import { issueToken } from "@csg/operator";
import { parseCsv } from "@csg/service-runtime";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiExampleQueries } from "../pages/api-examples";
import { partnerships as registered } from "@csg/schema";
import { type TestBrowser, artefactsFolder, desktop, phone, screenshotsFolder, startBrowser } from "./support/browser";
import { repositoryRoot } from "./support/commands";
import { correctCount, recordFigures } from "./support/partnership-writes";
import { printedPages } from "./support/printed-pages";
import { type InProcessTestSystem, startInProcessSystem } from "./support/in-process-system";

let t: InProcessTestSystem;
let b: TestBrowser;
let base: string;

beforeAll(async () => {
  // In this worker: the pages need a gateway and subgraphs over HTTP, and a service stopped and
  // started again (HostedService), not twelve processes to boot.
  t = await startInProcessSystem();
  base = new URL(t.system.gateway.url).origin;
  b = await startBrowser(base);
});

afterAll(async () => {
  await b?.close();
  await t?.stop();
});

/** The seed documents as their front pages name them (schema/sources/documents.json, the one definition). */
const seedDocuments: { document: string; title: string; publisher: string; published: string | null }[] = JSON.parse(
  readFileSync(join(repositoryRoot, "schema/sources/documents.json"), "utf8"),
).documents;
const scrutinyReport = seedDocuments.find((d) => d.document === "002_8e9c48eccd29813b.txt")!;

const tipOf = (page: Page, value: string) =>
  page.locator(".figure", { has: page.locator(".value", { hasText: new RegExp(`^${value}$`) }) });

/**
 * The SAMPLE Home Office table a fresh system imports last for 2020/21 and 2021/22 (a CSV), read
 * here as rows, and the 2020 populations behind the rates: the reference's nine Leicestershire
 * districts (the other CSPs have none until a lookup is imported). Expected values are summed from these.
 */
const HOME_OFFICE_CSV = SAMPLE_FILES[2];
const NOT_CSPS = ["Unassigned Leicestershire", "Manchester Airport"];

function csvRecords(path: string, skipLines = 0): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8").split("\n").slice(skipLines).join("\n"));
  return rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])));
}

function homeOfficeCounts(year: string, quarter?: number): Map<string, { force: string; count: number }> {
  const counts = new Map<string, { force: string; count: number }>();
  for (const r of csvRecords(join(SAMPLES_DIR, HOME_OFFICE_CSV))) {
    if (
      r["Financial Year"] !== year ||
      (quarter && r["Financial Quarter"] !== String(quarter)) ||
      NOT_CSPS.includes(r["CSP Name"])
    )
      continue;
    const held = counts.get(r["CSP Name"]) ?? { force: r["Police Force"], count: 0 };
    held.count += Number(r["Offence Count"]);
    counts.set(r["CSP Name"], held);
  }
  return counts;
}

/** Only Leicestershire's districts have a population on first start (no lookup is held for the other CSPs). */
function populations2020(): Map<string, number> {
  const leicestershire = csvRecords(join(SAMPLES_DIR, "../dataset/district-populations.csv")).filter(
    (r) => r.year === "2020",
  );
  return new Map(leicestershire.map((r) => [r.name, Number(r.population)] as const));
}

const higher = (values: number[], value: number) => 1 + values.filter((v) => v > value).length;
const en = (n: number) => new Intl.NumberFormat("en-GB").format(n);

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
    await expect
      .poll(() => detail.textContent())
      .toContain("Prevent and disrupt criminal activity with the aim of reducing 'All Crime'");
    await expect.poll(() => detail.textContent()).toContain("Suggested");
    await expect.poll(() => detail.textContent()).toContain('"all crime" in the title');
    // The gap nobody covers, and the local priorities outside the agreement.
    await expect
      .poll(() => page.locator("#alignment").textContent())
      .toContain("Reduce risk of harm to young people from cyber-crime and bullying");
    await expect
      .poll(() => page.locator("#alignment").textContent())
      .toContain("Build safer and stronger communities with a focus on increasing community confidence");
    await b.screenshot(page, "overview");
  });

  it("totals all crime for 2017/18 as 41,325, complete, with its source and period on focus; the table downloads as CSV", async () => {
    const page = await b.open("/");
    await page.locator("#totals-output table").waitFor();
    // The overview's data arrive in two requests: the overview, then the chosen total.
    expect(b.graphqlRequests(page).map((r) => /query (\w+)/.exec(r)?.[1])).toEqual([
      "CountyOverview",
      "CountyCrimeTotals",
    ]);
    const periods = await page.locator("#totals-period option").allInnerTexts();
    // Only periods that exist in the data, and never a projection.
    expect(periods.some((p) => p.startsWith("2017/18: 1 April 2017 to 31 March 2018"))).toBe(true);
    expect(periods.some((p) => /projection/i.test(p))).toBe(false);
    // It opens on 2017/18, the latest whole financial year all seven members published (not
    // 2018/19 to date, where no member has a figure a year before).
    expect(await page.locator("#totals-period").inputValue()).toBe("2017-04-01/2018-03-31");
    const total = page.locator("#totals-output .total .big .figure");
    await expect.poll(() => total.locator(".value").textContent()).toBe("41,325");
    expect(await page.locator("#totals-output table .none").count()).toBe(0);
    await page.selectOption("#totals-period", "2016-04-01/2017-03-31");
    await expect.poll(() => total.locator(".value").textContent()).toBe("35,222");
    await page.selectOption("#totals-period", "2017-04-01/2018-03-31");
    await expect.poll(() => total.locator(".value").textContent()).toBe("41,325");
    await expect
      .poll(() => page.locator("#totals-output .total").textContent())
      .toContain("complete, every member partnership counted");
    await total.focus();
    const tip = total.locator(".tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect.poll(() => tip.textContent()).toContain("002_8e9c48eccd29813b.txt, Figure 3");
    await expect.poll(() => tip.textContent()).toContain("2017/18 (1 April 2017 to 31 March 2018, financial year)");
    // The document by its title, with its publisher and date; its file name and table on focus only.
    expect(await tip.innerText()).toContain(
      `Source: ${scrutinyReport.title}, Figure 3\n${scrutinyReport.publisher}, 6 March 2019\nFile: 002_8e9c48eccd29813b.txt, Figure 3`,
    );
    const sources = page.locator("#totals-output p.sources").first();
    expect(await sources.innerText()).toBe(`Sources: ${scrutinyReport.title}, Figure 3.`);
    await sources.locator(".figure").focus();
    await expect
      .poll(() => sources.locator(".tip").innerText())
      .toBe(
        `Source: ${scrutinyReport.title}\n${scrutinyReport.publisher}, 6 March 2019\nFile: 002_8e9c48eccd29813b.txt, Figure 3`,
      );
    // The sum equals the county total printed beside it.
    await expect
      .poll(() => page.locator("#totals-output").textContent())
      .toContain("The sum equals the total printed for the county.");
    // Each partnership's count, rate and rank; Melton's count with its source on hover.
    const table = page.locator("#totals-output table");
    // Rows found by their partnership's link (every row's tips name the document's publisher, Charnwood Borough Council).
    const row = (code: string) => table.locator("tr", { has: page.locator(`a[href="/partnerships/${code}"]`) });
    await expect.poll(() => row("charnwood").textContent()).toContain("12,065");
    const meltonCount = row("melton").locator("td").nth(2).locator(".figure");
    await meltonCount.hover();
    await expect.poll(() => meltonCount.locator(".tip").textContent()).toContain("Figure 3");
    await expect.poll(() => page.locator("#totals-output canvas").count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#totals-output button.csv").click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "Rank,Partnership,Count,Rate per 1,000,Rank by rate,Change on the year before".replace(
        "Rate per 1,000",
        '"Rate per 1,000"',
      ),
    );
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
      expect.arrayContaining([
        "Financial years (April to March)",
        "Rolling 12 months (October to September)",
        "Year to date (April to January)",
        "Projections (April to March), not records",
      ]),
    );
    expect(await page.locator("#trends-output canvas").count()).toBe(headings.length);
  });

  it("finds the partnerships that prioritise domestic abuse in the whole federation, marking Leicester as outside the board", async () => {
    const page = await b.open("/");
    await page.selectOption('#priority-search select[name="csaPriority"]', "domestic-abuse");
    await page.locator('#priority-search input[name="currentOnly"]').uncheck();
    await page.locator('#priority-search button[type="submit"]').click();
    const results = page.locator("#priority-search-results");
    await expect
      .poll(() => results.textContent())
      .toContain("Increase reporting of Domestic Abuse and Hate Crime and promote positive outcomes for victims");
    await expect.poll(() => results.locator("details.query summary").textContent()).toBe("The query behind this");
    // The API's answer for the same question, partnership by partnership, is what the page lists.
    const { data } = await t.query(
      `{ county { prioritySearch(csaPriority: "domestic-abuse") { matches { partnership { code countyBoardMember } } } } }`,
    );
    const found: { code: string; countyBoardMember: boolean }[] = data.county.prioritySearch.matches.map(
      (m: any) => m.partnership,
    );
    expect(found.filter((p) => !p.countyBoardMember).map((p) => p.code)).toContain("leicester");
    const rows = results.locator("tbody tr");
    expect(await rows.count()).toBe(found.length);
    const leicester = rows.filter({ hasText: "Leicester" });
    expect(await leicester.count()).toBe(found.filter((p) => p.code === "leicester").length);
    for (const text of await leicester.allTextContents()) expect(text).toContain("outside the board");
    expect(await rows.filter({ hasText: "Charnwood" }).locator(".mark.outside").count()).toBe(0);
    await expect
      .poll(() => results.locator("p").first().textContent())
      .toMatch(/^Searched every partnership in the federation: .* outside the county board \(Leicester\)\.$/);
    await b.screenshot(page, "overview-search-domestic-abuse");
    // Asked for the board's members only, Leicester is left out.
    await page.locator('#priority-search input[name="countyBoardMembersOnly"]').check();
    await page.locator('#priority-search button[type="submit"]').click();
    await expect
      .poll(() => results.locator("p").first().textContent())
      .toMatch(/^Searched the county board's members: /);
    expect(await rows.count()).toBe(found.filter((p) => p.countyBoardMember).length);
    expect(await rows.filter({ hasText: "Leicester" }).count()).toBe(0);
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
      const shown = page
        .locator("#figures")
        .locator(".figure", { has: page.locator(".value", { hasText: new RegExp(`^${value}$`) }) })
        .first();
      await shown.hover();
      const tip = shown.locator(".tip");
      await expect.poll(() => tip.isVisible()).toBe(true);
      await expect.poll(() => tip.textContent()).toContain(`002_8e9c48eccd29813b.txt, ${figure}`);
      await expect.poll(() => tip.textContent()).toContain("1 April 2018 to 31 January 2019");
      await expect.poll(() => shown.locator(".mark.contradicted").textContent()).toBe("contradicted");
    }
    // Each table of figures is headed by its document's title, not its file name.
    expect(await page.locator("#figures h3").first().innerText()).toBe(`Figure 1 ${scrutinyReport.title}`);
    // Targets with met or not met, in words.
    const targets = page.locator("#targets table");
    await expect.poll(() => targets.locator("tr", { hasText: "Theft of Vehicles" }).textContent()).toContain("Not met");
    await expect.poll(() => targets.locator("tr", { hasText: "Robbery" }).textContent()).toContain("Met");
    await expect.poll(() => page.locator("#beats").textContent()).toContain("Beat 56");
    await expect.poll(() => page.locator("#funding").textContent()).toContain("£75,500.00");
    await expect.poll(() => page.locator("#figures .mark.projection").first().textContent()).toBe("projection");
    await expect
      .poll(() => page.locator("#plans details.query pre").first().textContent())
      .toContain("query Partnership($code: ID!)");
    await b.screenshot(page, "partnership-charnwood");
  });

  it("shows Charnwood's national position from the Home Office tables held: SAMPLE, not its own figures, each figure with its file, sheet and period", async () => {
    const page = await b.open("/partnerships/charnwood");
    // Its own request beside the partnership's, so an outage stays in its panels.
    expect(
      b
        .graphqlRequests(page)
        .map((r) => /query (\w+)/.exec(r)?.[1])
        .sort(),
    ).toEqual(["NationalPosition", "Partnership"]);
    const national = page.locator("#national");
    await expect.poll(() => national.locator("h2").textContent()).toBe("National position (Home Office tables)");
    await expect
      .poll(() => national.locator(".notice.warning").textContent())
      .toContain("SAMPLE data: made-up counts, never to quote.");
    await expect.poll(() => national.textContent()).toContain("not Charnwood's own published figures");

    // 2020/21, summed by this test from the CSV: 23 CSPs, nine in Leicestershire.
    const counts = homeOfficeCounts("2020/21");
    const population = populations2020();
    const rates = new Map(
      [...counts]
        .filter(([name]) => population.has(name))
        .map(([name, c]) => [name, (c.count / population.get(name)!) * 1000]),
    );
    const inForce = [...counts].filter(([, c]) => c.force === "Leicestershire").map(([name]) => name);
    const charnwood = counts.get("Charnwood")!.count;
    expect([counts.size, inForce.length, charnwood, population.get("Charnwood")]).toEqual([23, 9, 4390, 187556]);
    const rate = rates.get("Charnwood")!;
    const expected2020 = [
      "2020/21 SAMPLE", // the mark is styled in capitals; its text (and the CSV's) says "sample"
      "4,390",
      `${higher(
        [...counts.values()].map((c) => c.count),
        charnwood,
      )} of 23`,
      new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate),
      `${higher([...rates.values()], rate)} of 9`,
      `${higher(
        inForce.map((n) => counts.get(n)!.count),
        charnwood,
      )} of 9; by rate ${higher(
        inForce.map((n) => rates.get(n)!),
        rate,
      )} of 9`,
      "Complete (Q1 to Q4)",
    ];
    const rows = national.locator("table tbody tr");
    const cells = async (year: string) =>
      (
        await rows
          .filter({ has: page.locator("th", { hasText: year }) })
          .locator("th, td > .figure > .value, td:not(:has(.figure))")
          .allInnerTexts()
      ).map((t) => t.trim());
    await expect
      .poll(() => rows.locator("th").allInnerTexts())
      .toEqual(["2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"].map((y) => `${y} SAMPLE`));
    expect(await cells("2020/21")).toEqual(expected2020);
    // 2021/22 holds Q1 to Q3 only: no year's count or rank, each quarter's count shown.
    const incomplete = rows.filter({ has: page.locator("th", { hasText: "2021/22" }) });
    expect(await incomplete.locator("td").nth(0).innerText()).toBe("–");
    expect(await incomplete.locator("td").last().innerText()).toContain(`Incomplete: Q1, Q2, Q3 held, Q4 not`);
    expect(await incomplete.locator("td").last().innerText()).toContain(
      `Q1 ${en(homeOfficeCounts("2021/22", 1).get("Charnwood")!.count)}`,
    );

    // Each figure's source (file and sheet) and period on focus.
    const count = national.locator(".figure", { has: page.locator(".value", { hasText: /^4,390$/ }) });
    await count.focus();
    await expect.poll(() => count.locator(".tip").isVisible()).toBe(true);
    await expect.poll(() => count.locator(".tip").textContent()).toContain(`Source: ${HOME_OFFICE_CSV}, CSV`);
    await expect
      .poll(() => count.locator(".tip").textContent())
      .toContain("Period: 2020/21 (1 April 2020 to 31 March 2021, financial year)");
    const rateFigure = national.locator(".figure", {
      has: page.locator(".value", { hasText: new RegExp(`^${expected2020[3].replace(".", "\\.")}$`) }),
    });
    await rateFigure.focus();
    await expect
      .poll(() => rateFigure.locator(".tip").textContent())
      .toContain("Count / population 187,556 (ONS mid-2020 estimate) x 1,000");
    await b.screenshot(page, "partnership-charnwood-national-focus");
    await national.screenshot({ path: join(screenshotsFolder, "partnership-charnwood-national-panel-1280px.png") });

    const [download] = await Promise.all([page.waitForEvent("download"), national.locator("button.csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
    expect(csv[0]).toBe(
      'Financial year,Count,Rank in England and Wales,"Rate per 1,000",Rank by rate,Within Leicestershire,Quarters',
    );
    expect(csv).toContain(
      ["2020/21 sample", ...expected2020.slice(1)].map((c) => (c.includes(",") ? `"${c}"` : c)).join(","),
    );
    await expect
      .poll(() => national.locator("details.query pre").first().textContent())
      .toContain("query NationalPosition($code: ID!, $category: ID!)");

    // police.uk's months, counted by this test from the street files.
    const street = [SAMPLE_FILES[3], SAMPLE_FILES[4]]
      .flatMap((f) => csvRecords(join(SAMPLES_DIR, f)))
      .filter((r) => r["LSOA name"].startsWith("Charnwood "));
    const policeUk = page.locator("#police-uk table tbody tr");
    await expect.poll(() => policeUk.count()).toBe(2);
    for (const month of ["2021-02", "2021-03"]) {
      const inMonth = street.filter((r) => r.Month === month);
      const asb = inMonth.filter((r) => r["Crime type"] === "Anti-social behaviour").length;
      const row = policeUk.filter({ has: page.locator("th", { hasText: month }) });
      expect(await row.locator("td .value").allInnerTexts()).toEqual([
        en(inMonth.length - asb),
        en(asb),
        en(inMonth.length),
      ]);
    }
  });

  it("says plainly what Melton has not published", async () => {
    const page = await b.open("/partnerships/melton");
    await expect
      .poll(() => page.locator("#plans").textContent())
      .toContain("Melton has published no plan or priorities.");
    await expect.poll(() => page.locator("#targets").textContent()).toContain("Melton has published no targets.");
    await expect.poll(() => tipOf(page, "2,799").first().isVisible()).toBe(true);
    await b.screenshot(page, "partnership-melton");
  });

  it("answers 404 when there is no such partnership, listing the ones there are as links", async () => {
    for (const path of ["/partnerships/nowhere", "/partnerships/nowhere/briefing", "/partnerships/Charnwood"]) {
      const response = await fetch(`${base}${path}`, { headers: { accept: "text/html" } });
      expect({ path, status: response.status, type: response.headers.get("content-type") }).toEqual({
        path,
        status: 404,
        type: "text/html; charset=utf-8",
      });
    }
    expect((await fetch(`${base}/partnerships/charnwood/briefing`)).status).toBe(200);
    const escaped = await (await fetch(`${base}/partnerships/%3Cscript%3Ealert(1)%3C%2Fscript%3E`)).text();
    expect(escaped).toContain('<h1>No partnership "&lt;script&gt;alert(1)&lt;/script&gt;"</h1>');

    const page = await b.open("/partnerships/nowhere");
    await expect.poll(() => page.locator("h1").textContent()).toBe('No partnership "nowhere"');
    // The browser logs the page's own 404; it is what this test asks for.
    const logged = b.consoleErrors.indexOf(
      "/partnerships/nowhere: Failed to load resource: the server responded with a status of 404 (Not Found)",
    );
    expect(logged).toBeGreaterThanOrEqual(0);
    b.consoleErrors.splice(logged, 1);
    const links = async (list: string) =>
      page.locator(`${list} a`).evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    expect(await links("#board-members")).toEqual(
      registered.filter((p) => p.countyBoardMember).map((p) => [`/partnerships/${p.code}`, p.name]),
    );
    expect(await links("#outside-board")).toEqual(
      registered.filter((p) => !p.countyBoardMember).map((p) => [`/partnerships/${p.code}`, p.name]),
    );
    await page.locator("#board-members a", { hasText: "Melton" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Melton Community Safety Partnership");
    for (const viewport of [desktop, phone]) {
      const notFound = await b.open("/partnerships/nowhere", viewport);
      expect(await fitsWidth(notFound)).toBe(true);
      await b.screenshot(notFound, "partnership-not-found");
      b.consoleErrors.splice(
        b.consoleErrors.indexOf(
          "/partnerships/nowhere: Failed to load resource: the server responded with a status of 404 (Not Found)",
        ),
        1,
      );
    }
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
    // Five sections, following one another: every section's content on a few pages.
    expect(pages).toBeGreaterThanOrEqual(3);
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
    for (const screenOnly of ["Query explorer", "Download CSV", "The query behind this", "Back to the partnership"])
      expect(text).not.toContain(screenOnly);
    // The documents by title, with publisher, date, the tables used and the file.
    const sources = text.slice(text.lastIndexOf("Sources")).replace(/\s+/g, " ");
    expect(sources).toContain(`1. ${scrutinyReport.title}. ${scrutinyReport.publisher}, 6 March 2019.`);
    expect(sources).toMatch(/Figure 1, .*Figure 3.* \(file 002_8e9c48eccd29813b\.txt\)\./);
    expectFullPages(pdf, pages);
  });

  it("prints Melton, which has published least, on one A4 page: every section says what it has not published", async () => {
    const page = await b.open("/partnerships/melton/briefing");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Melton Community Safety Partnership");
    await b.screenshot(page, "briefing-melton");
    const pdf = join(artefactsFolder, "melton-briefing.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const printed = printedPages(pdf, briefingMargins);
    // Before, each of the five sections started a page: five pages, four holding one line.
    expect(printed).toHaveLength(1);
    const text = printed[0].text;
    for (const said of [
      "1. Performance against targets",
      "Melton has published no targets.",
      "2. Police beats",
      "Melton has published no police-beat figures.",
      "3. Comparison with the county",
      "Melton has published no Most Similar Group comparison.",
      "Melton has published no plan or priorities.",
      "5. Funding",
      "Melton has published no funding.",
    ]) {
      expect(text).toContain(said);
    }
    // Its 2017/18 count beside the county's total, as on the overview.
    expect(text).toMatch(/2017\/18\s+2,799\s+7 of 7\s+54\.99\s+6 of 7\s+41,325\s+complete\s+61\.20/);
    expect(text.replace(/\s+/g, " ")).toContain(
      `Sources 1. ${scrutinyReport.title}. ${scrutinyReport.publisher}, 6 March 2019. Figure 3 (file 002_8e9c48eccd29813b.txt).`,
    );
    expectFullPages(pdf, printed.length);
  });
});

/** The briefing's @page margins (briefing.css), in millimetres. */
const briefingMargins = { top: 16, bottom: 18 };

/**
 * A printed briefing wastes no paper: no page before the last is under a third full (a
 * section starts a new page only where the one before filled its page), the last page holds
 * more than the list of sources, and no page ends on a heading.
 */
function expectFullPages(pdf: string, count: number): void {
  const printed = printedPages(pdf, briefingMargins);
  expect(printed).toHaveLength(count);
  const beforeLast = printed.slice(0, -1);
  expect(beforeLast.map((p, i) => ({ page: i + 1, atLeastAThirdFull: p.fullness >= 1 / 3 }))).toEqual(
    beforeLast.map((_, i) => ({ page: i + 1, atLeastAThirdFull: true })),
  );
  expect(printed.at(-1)!.text.trimStart().startsWith("Sources")).toBe(false);
  for (const [i, p] of printed.entries()) {
    // A heading takes at most two lines ("4. Priorities and their alignment with the ...").
    const lastLines = p.text
      .trimEnd()
      .split("\n")
      .slice(-2)
      .map((line) => line.trim());
    expect({ page: i + 1, lastLines, heading: lastLines.some((line) => /^\d\. [A-Z]/.test(line)) }).toEqual({
      page: i + 1,
      lastLines,
      heading: false,
    });
  }
}

describe("the query explorer (GET /graphql from a browser)", () => {
  it("opens offline with the API reference's example queries and runs one against this gateway", async () => {
    const page = await b.open("/graphql");
    const examples = apiExampleQueries(readFileSync(join(repositoryRoot, "schema/API.md"), "utf8"));
    expect(examples.length).toBeGreaterThan(3);
    await expect.poll(() => page.locator(".graphiql-tab").count()).toBe(examples.length);
    await expect.poll(() => page.locator(".graphiql-query-editor").textContent()).toContain("partnerships");
    await page.locator(".graphiql-execute-button").click();
    await expect
      .poll(() => page.locator(".result-window").textContent(), { timeout: 30_000 })
      .toContain("Charnwood Community Safety Partnership");
    await b.screenshot(page, "explorer");
    // GraphQL clients still get GraphQL at the same address.
    const json = await fetch(`${base}/graphql?query=${encodeURIComponent("{ county { name } }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
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
      // The explorer has no "Loading ..." of its own: its editor is drawn once React has rendered.
      if (path === "/graphql")
        await expect.poll(() => page.locator(".graphiql-query-editor").textContent()).toContain("partnerships");
      expect({ path, fits: await fitsWidth(page) }).toEqual({ path, fits: true });
      await b.screenshot(page, name);
    }
    const page = await b.open("/", desktop);
    expect(await fitsWidth(page)).toBe(true);
  });
});

describe("the overview and a partnership's page at phone width (390 px)", () => {
  it("shows the matrix as a list per CSA priority, every status on screen, and downloads it as the table", async () => {
    const page = await b.open("/", phone);
    const matrix = page.locator("table.matrix");
    const rows = matrix.locator("tbody tr");
    expect(await rows.count()).toBe(7);
    expect((await rows.first().innerText()).split("\n")[0]).toBe("1. Identify and protect the most vulnerable");
    const cells = matrix.locator("button.cell");
    expect(await cells.count()).toBe(49);
    // Every status is on screen without scrolling sideways: the matrix is not wider than its place.
    for (const box of await cells.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON()))) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
    }
    expect(
      await matrix.evaluate(
        (table) => table.closest(".table-wrap")!.scrollWidth <= table.closest(".table-wrap")!.clientWidth,
      ),
    ).toBe(true);
    // Each line names its partnership beside its status.
    const charnwood = matrix.locator("td", {
      has: page.locator('button.cell[data-partnership="charnwood"][data-csa="reduce-crime"]'),
    });
    expect((await charnwood.innerText()).replace(/\s+/g, " ")).toBe("Charnwood Covered");
    // Its detail is brought into view below the list.
    await charnwood.locator("button").click();
    const detail = page.locator("#alignment-detail");
    await expect.poll(() => detail.textContent()).toContain("Prevent and disrupt criminal activity");
    await expect
      .poll(() =>
        detail.evaluate(
          (d) => d.getBoundingClientRect().top < window.innerHeight && d.getBoundingClientRect().bottom > 0,
        ),
      )
      .toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await b.screenshot(page, "overview-matrix-list");
    // The CSV is the table as on a desktop: partnerships as columns, statuses in the cells.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#alignment button.csv").first().click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
    const head = await matrix.locator("thead th").evaluateAll((ths) => ths.map((th) => th.textContent!.trim()));
    expect(head).toHaveLength(8);
    expect(csv[0]).toBe(head.join(","));
    expect(csv[2]).toMatch(/^2\. Reduce crime and fear of crime,No published priorities,Covered,/);
  });

  it("shows Charnwood's plans with the CSA priorities each serves, on screen", async () => {
    const page = await b.open("/partnerships/charnwood", phone);
    const serves = page
      .locator("#plans tbody tr")
      .first()
      .locator(".stack-label", { hasText: "Serves CSA priorities" });
    await expect.poll(() => serves.isVisible()).toBe(true);
    const box = (await serves.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
    const cell = page
      .locator("#plans tbody tr")
      .first()
      .locator("td")
      .filter({ has: page.locator(".stack-label", { hasText: "Serves CSA priorities" }) });
    expect(await cell.innerText()).toContain("2. Reduce crime and fear of crime: SUGGESTED");
    for (const wrap of await page.locator("#plans .table-wrap").all()) {
      expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    }
    expect(await fitsWidth(page)).toBe(true);
    await page.locator("#plans").screenshot({ path: join(screenshotsFolder, "partnership-charnwood-plans-390px.png") });
  });

  it("keeps a wide table's key column in view while it scrolls sideways", async () => {
    const page = await b.open("/", phone);
    const wrap = page.locator("#totals-output .table-wrap");
    await wrap.waitFor();
    expect(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth)).toBe(true);
    await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
    const key = wrap.locator("tbody tr").first().locator(".key");
    expect(await key.innerText()).toBe("Charnwood");
    const [keyBox, wrapBox] = [(await key.boundingBox())!, (await wrap.boundingBox())!];
    expect(Math.abs(keyBox.x - wrapBox.x)).toBeLessThanOrEqual(1);
    await wrap.screenshot({ path: join(screenshotsFolder, "overview-totals-scrolled-390px.png") });
  });
});

describe("the national subgraph", () => {
  it("down: only the national panels say so; the partnership's own figures still show", async () => {
    await t.system.services.get("national")!.stop();
    try {
      const page = await b.open("/partnerships/charnwood");
      await expect.poll(() => page.locator("#figures").textContent()).toContain("11,258");
      await expect.poll(() => page.locator("#national .notice.warning").textContent()).toContain("is unavailable");
      await expect.poll(() => page.locator("#police-uk .notice.warning").textContent()).toContain("is unavailable");
      expect(await page.locator("#plans .notice.warning, #figures .notice.warning").count()).toBe(0);
      await b.screenshot(page, "partnership-charnwood-national-down");
    } finally {
      await t.system.restart("national");
    }
  });

  it("holding no Home Office table: the panel says so plainly", async () => {
    // Another connection takes the tables' rows aside (the subgraph sees the change on its next query) and puts them back.
    const database = openNationalDatabase(join(t.dataDir, "national.db"));
    const sqlite = sqliteOf(database);
    const tables = ["subgroup_totals", "quarter_sources"];
    sqlite.transaction(() => {
      for (const table of tables)
        sqlite.exec(`create temp table saved_${table} as select * from ${table}; delete from ${table};`);
    })();
    try {
      const page = await b.open("/partnerships/charnwood");
      await expect
        .poll(() => page.locator("#national .notice.empty").textContent())
        .toBe(
          "No Home Office tables are held yet, so Charnwood has no national position to show. They are imported with pnpm national:import.",
        );
      expect(await page.locator("#national table").count()).toBe(0);
      await b.screenshot(page, "partnership-charnwood-no-national-table");
    } finally {
      sqlite.transaction(() => {
        for (const table of tables)
          sqlite.exec(`insert into ${table} select * from temp.saved_${table}; drop table temp.saved_${table};`);
      })();
      database.close();
    }
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
          source: {
            document: "charnwood-return-2019.xlsx",
            locator: "Sheet 1",
            title: "Charnwood crime return 2019",
            publisher: "Charnwood Borough Council",
          },
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
      expect(await page.locator('button.cell[data-partnership="melton"]').allInnerTexts()).toEqual(
        Array(7).fill("Unavailable"),
      );
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

describe("the period the overview opens on", () => {
  it("is found in the data: 2017/18 while one member lacks 2018/19, 2018/19 once all seven have published it", async () => {
    // A year-end report published after the year (the board's own, made up for this test).
    const source = {
      document: "lscsb-year-end-2018-19.pdf",
      locator: "Table 1",
      title: "Community safety year-end report 2018/19 (test)",
      publisher: "Leicestershire Safer Communities Strategy Board",
      published: "2019-06-28",
    };
    const period = { label: "2018/19", start: "2018-04-01", end: "2019-03-31", basis: "FINANCIAL_YEAR" };
    const members = registered.filter((p) => p.countyBoardMember).map((p) => p.code);
    const counts = members.map((_, i) => 3000 + 100 * i);
    const opening = async () => {
      const page = await b.open("/");
      await page.locator("#totals-output table").waitFor();
      return {
        period: await page.locator("#totals-period").inputValue(),
        total: await page.locator("#totals-output .total .big .value").textContent(),
        page,
      };
    };
    for (const [i, code] of members.slice(0, -1).entries()) {
      await recordFigures(t, code, [
        { category: "all-crime", localLabel: "All recorded crime", count: counts[i], period, source },
      ]);
    }
    expect(await opening()).toMatchObject({ period: "2017-04-01/2018-03-31", total: "41,325" });
    await recordFigures(t, members.at(-1)!, [
      { category: "all-crime", localLabel: "All recorded crime", count: counts.at(-1)!, period, source },
    ]);
    const opened = await opening();
    expect(opened).toMatchObject({ period: "2018-04-01/2019-03-31", total: en(counts.reduce((a, b) => a + b, 0)) });
    await expect
      .poll(() => opened.page.locator("#totals-output .total").textContent())
      .toContain("complete, every member partnership counted");
    await b.screenshot(opened.page, "overview-opens-on-2018-19");
  });
});

describe("a corrected figure in a county total", () => {
  it("the overview says the sum differs from the printed total and which correction explains it", async () => {
    const source = {
      document: "melton-performance-2019-07.pdf",
      locator: "Table 2",
      title: "Melton CSP performance report, July 2019 (test)",
      publisher: "Melton Borough Council",
      published: "2019-07-15",
    };
    const note = "Recount after 11 offences were recorded late";
    await correctCount(t, "melton", { category: "all-crime", periodLabel: "2017/18", locator: "Figure 3" }, 2810, {
      source,
      note,
    });
    const page = await b.open("/");
    await page.locator("#totals-output table").waitFor();
    await page.selectOption("#totals-period", "2017-04-01/2018-03-31");
    const output = page.locator("#totals-output");
    await expect.poll(() => output.locator(".total .big .value").textContent()).toBe("41,336");
    const notice = output.locator(".published-difference");
    await expect
      .poll(() => notice.locator("p").first().innerText())
      .toBe(
        `The sum, 41,336, is 11 more than the county's printed Recorded Crime, 41,325 (${scrutinyReport.title}, Figure 3). Corrected or added since:`,
      );
    const explained = (await notice.locator("li").innerText()).replace(/\s+/g, " ");
    expect(explained).toMatch(
      /^Melton 2,810 ?CORRECTED: Corrected from 2,799 to 2,810 on \d+ \w+ \d{4}, \d\d:\d\d UTC /,
    );
    expect(explained).toMatch(
      /\(Melton CSP performance report, July 2019 \(test\), Table 2\): Recount after 11 offences were recorded late \(\+11\)$/,
    );
    expect(await notice.locator("p").last().innerText()).toBe("Together they explain the whole difference.");
    // In the table, Melton's count is marked and its tip keeps the figure's own source and the correction.
    const melton = output
      .locator("table tr", { has: page.locator('a[href="/partnerships/melton"]') })
      .locator("td")
      .nth(2)
      .locator(".figure");
    expect(await melton.locator(".mark.corrected").textContent()).toBe("corrected");
    await melton.focus();
    const tip = await melton.locator(".tip").innerText();
    expect(tip).toContain(`Source: ${scrutinyReport.title}, Figure 3`);
    expect(tip).toContain(`Corrected from 2,799 to 2,810`);
    // The last row's tip is not cut off by the table's scroller: all of it is in the window, on top.
    const tipBox = await melton.locator(".tip").evaluate((element) => {
      const box = element.getBoundingClientRect();
      const onTop = [box.top + 2, box.bottom - 2].every((y) =>
        element.contains(document.elementFromPoint(box.left + box.width / 2, y)),
      );
      return {
        inWindow: box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight,
        onTop,
      };
    });
    expect(tipBox).toEqual({ inWindow: true, onTop: true });
    await output.screenshot({ path: join(screenshotsFolder, "overview-corrected-total-1280px.png") });

    // On paper, where no tip opens, Melton's briefing says the correction in words.
    const briefing = await b.open("/partnerships/melton/briefing");
    const pdf = join(artefactsFolder, "melton-briefing-corrected.pdf");
    await briefing.pdf({ path: pdf, format: "A4", printBackground: true });
    const printed = printedPages(pdf, briefingMargins);
    const text = printed
      .map((p) => p.text)
      .join("\n")
      .replace(/\s+/g, " ");
    expect(text).toMatch(/2017\/18 2,810 CORRECTED 7 of 7/);
    expect(text).toContain(
      `Corrected figures Recorded Crime, 2017/18 (${scrutinyReport.title}, Figure 3): Corrected from 2,799 to 2,810 on `,
    );
    expect(text).toContain(`(Melton CSP performance report, July 2019 (test), Table 2): ${note}.`);
    expectFullPages(pdf, printed.length);
  });
});

describe("the browser", () => {
  it("logged no console errors and sent no request beyond localhost", () => {
    expect(b.consoleErrors).toEqual([]);
    expect(b.outsideRequests).toEqual([]);
  });
});
