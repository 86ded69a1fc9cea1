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
import { apiExampleQueries } from "../gateway/web/api-examples";
import { type TestBrowser, artefactsFolder, desktop, phone, screenshotsFolder, startBrowser } from "./support/browser";
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

/**
 * The SAMPLE Home Office table a fresh system imports last for 2020/21 and 2021/22 (a CSV), read
 * here as rows, and the 2020 populations behind the rates: the reference's nine Leicestershire
 * districts and the sample estimates for the other CSPs. Expected values are summed from these.
 */
const HOME_OFFICE_CSV = SAMPLE_FILES[4];
const NOT_CSPS = ["Unassigned Leicestershire", "Manchester Airport"];

function csvRecords(path: string, skipLines = 0): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8").split("\n").slice(skipLines).join("\n"));
  return rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])));
}

function homeOfficeCounts(year: string, quarter?: number): Map<string, { force: string; count: number }> {
  const counts = new Map<string, { force: string; count: number }>();
  for (const r of csvRecords(join(SAMPLES_DIR, HOME_OFFICE_CSV))) {
    if (r["Financial Year"] !== year || (quarter && r["Financial Quarter"] !== String(quarter)) || NOT_CSPS.includes(r["CSP Name"])) continue;
    const held = counts.get(r["CSP Name"]) ?? { force: r["Police Force"], count: 0 };
    held.count += Number(r["Offence Count"]);
    counts.set(r["CSP Name"], held);
  }
  return counts;
}

function populations2020(): Map<string, number> {
  const leicestershire = csvRecords(join(SAMPLES_DIR, "../dataset/district-populations.csv")).filter((r) => r.year === "2020");
  const others = csvRecords(join(SAMPLES_DIR, SAMPLE_FILES[1]), 2);
  // The Home Office spells one of the sample's CSPs differently from ONS.
  const homeOfficeName = (ons: string) => (ons === "Kingston upon Hull" ? "Kingston upon Hull, City of" : ons);
  return new Map([...leicestershire.map((r) => [r.name, Number(r.population)] as const), ...others.map((r) => [homeOfficeName(r.Name), Number(r["All ages"])] as const)]);
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

  it("shows Charnwood's national position from the Home Office tables held: SAMPLE, not its own figures, each figure with its file, sheet and period", async () => {
    const page = await b.open("/partnerships/charnwood");
    // Its own request beside the partnership's, so an outage stays in its panels.
    expect(b.graphqlRequests(page).map((r) => /query (\w+)/.exec(r)?.[1]).sort()).toEqual(["NationalPosition", "Partnership"]);
    const national = page.locator("#national");
    await expect.poll(() => national.locator("h2").textContent()).toBe("National position (Home Office tables)");
    await expect.poll(() => national.locator(".notice.warning").textContent()).toContain("SAMPLE data: made-up counts, never to quote.");
    await expect.poll(() => national.textContent()).toContain("not Charnwood's own published figures");

    // 2020/21, summed by this test from the CSV: 23 CSPs, nine in Leicestershire.
    const counts = homeOfficeCounts("2020/21");
    const population = populations2020();
    const rates = new Map([...counts].map(([name, c]) => [name, (c.count / population.get(name)!) * 1000]));
    const inForce = [...counts].filter(([, c]) => c.force === "Leicestershire").map(([name]) => name);
    const charnwood = counts.get("Charnwood")!.count;
    expect([counts.size, inForce.length, charnwood, population.get("Charnwood")]).toEqual([23, 9, 4390, 187556]);
    const rate = rates.get("Charnwood")!;
    const expected2020 = [
      "2020/21 SAMPLE", // the mark is styled in capitals; its text (and the CSV's) says "sample"
      "4,390",
      `${higher([...counts.values()].map((c) => c.count), charnwood)} of 23`,
      new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate),
      `${higher([...rates.values()], rate)} of 23`,
      `${higher(inForce.map((n) => counts.get(n)!.count), charnwood)} of 9; by rate ${higher(inForce.map((n) => rates.get(n)!), rate)} of 9`,
      "Complete (Q1 to Q4)",
    ];
    const rows = national.locator("table tbody tr");
    const cells = async (year: string) => (await rows.filter({ has: page.locator("th", { hasText: year }) }).locator("th, td > .figure > .value, td:not(:has(.figure))").allInnerTexts()).map((t) => t.trim());
    await expect.poll(() => rows.locator("th").allInnerTexts()).toEqual(["2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"].map((y) => `${y} SAMPLE`));
    expect(await cells("2020/21")).toEqual(expected2020);
    // 2021/22 holds Q1 to Q3 only: no year's count or rank, each quarter's count shown.
    const incomplete = rows.filter({ has: page.locator("th", { hasText: "2021/22" }) });
    expect(await incomplete.locator("td").nth(0).innerText()).toBe("–");
    expect(await incomplete.locator("td").last().innerText()).toContain(`Incomplete: Q1, Q2, Q3 held, Q4 not`);
    expect(await incomplete.locator("td").last().innerText()).toContain(`Q1 ${en(homeOfficeCounts("2021/22", 1).get("Charnwood")!.count)}`);

    // Each figure's source (file and sheet) and period on focus.
    const count = national.locator(".figure", { has: page.locator(".value", { hasText: /^4,390$/ }) });
    await count.focus();
    await expect.poll(() => count.locator(".tip").isVisible()).toBe(true);
    await expect.poll(() => count.locator(".tip").textContent()).toContain(`Source: ${HOME_OFFICE_CSV}, CSV`);
    await expect.poll(() => count.locator(".tip").textContent()).toContain("Period: 2020/21 (1 April 2020 to 31 March 2021, financial year)");
    const rateFigure = national.locator(".figure", { has: page.locator(".value", { hasText: new RegExp(`^${expected2020[3].replace(".", "\\.")}$`) }) });
    await rateFigure.focus();
    await expect.poll(() => rateFigure.locator(".tip").textContent()).toContain("Count / population 187,556 (ONS mid-2020 estimate) x 1,000");
    await b.screenshot(page, "partnership-charnwood-national-focus");
    await national.screenshot({ path: join(screenshotsFolder, "partnership-charnwood-national-panel-1280px.png") });

    const [download] = await Promise.all([page.waitForEvent("download"), national.locator("button.csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
    expect(csv[0]).toBe('Financial year,Count,Rank in England and Wales,"Rate per 1,000",Rank by rate,Within Leicestershire,Quarters');
    expect(csv).toContain(["2020/21 sample", ...expected2020.slice(1)].map((c) => (c.includes(",") ? `"${c}"` : c)).join(","));
    await expect.poll(() => national.locator("details.query pre").first().textContent()).toContain("query NationalPosition($code: ID!, $category: ID!)");

    // police.uk's months, counted by this test from the street files.
    const street = [SAMPLE_FILES[5], SAMPLE_FILES[6]].flatMap((f) => csvRecords(join(SAMPLES_DIR, f))).filter((r) => r["LSOA name"].startsWith("Charnwood "));
    const policeUk = page.locator("#police-uk table tbody tr");
    await expect.poll(() => policeUk.count()).toBe(2);
    for (const month of ["2021-02", "2021-03"]) {
      const inMonth = street.filter((r) => r.Month === month);
      const asb = inMonth.filter((r) => r["Crime type"] === "Anti-social behaviour").length;
      const row = policeUk.filter({ has: page.locator("th", { hasText: month }) });
      expect(await row.locator("td .value").allInnerTexts()).toEqual([en(inMonth.length - asb), en(asb), en(inMonth.length)]);
    }
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
      for (const table of tables) sqlite.exec(`create temp table saved_${table} as select * from ${table}; delete from ${table};`);
    })();
    try {
      const page = await b.open("/partnerships/charnwood");
      await expect.poll(() => page.locator("#national .notice.empty").textContent()).toBe(
        "No Home Office tables are held yet, so Charnwood has no national position to show. They are imported with pnpm national:import.",
      );
      expect(await page.locator("#national table").count()).toBe(0);
      await b.screenshot(page, "partnership-charnwood-no-national-table");
    } finally {
      sqlite.transaction(() => {
        for (const table of tables) sqlite.exec(`insert into ${table} select * from temp.saved_${table}; drop table temp.saved_${table};`);
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
          source: { document: "charnwood-return-2019.xlsx", locator: "Sheet 1", title: "Charnwood crime return 2019", publisher: "Charnwood Borough Council" },
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
