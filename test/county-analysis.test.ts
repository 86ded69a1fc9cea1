/**
 * The county's analysis through the gateway: CSA coverage and county-wide figures computed
 * by the county subgraph from the partnerships' own subgraphs. Expected figures are those of
 * 002_8e9c48eccd29813b.txt, Figure 3 (every partnership's recorded crime, and the county's
 * Leicestershire row), and of the populations in services/county/dataset/populations.csv.
 */
import { csaPriorities } from "@csg/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctCount, declareAlignment } from "./support/partnership-writes";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

const MEMBERS = [
  "blaby",
  "charnwood",
  "harborough",
  "hinckley-and-bosworth",
  "melton",
  "north-west-leicestershire",
  "oadby-and-wigston",
];
const FIGURE_3 = { document: "002_8e9c48eccd29813b.txt", locator: "Figure 3" };

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t?.stop());

const TOTAL = `
  total complete sources { document locator }
  partnerships {
    partnership { code } count ratePer1000 rank rateRank
    population { year count }
    statistic { count period { label } source { locator } }
    change { previous { count period { label } } difference percent }
    otherFigures { count source { locator } }
  }
  missing { partnership { code name } reason projections { count period { label basis } } }
  population { year count } ratePer1000
  change { previousTotal difference percent }
  publishedCountyFigures { count localLabel source { document locator } }`;

async function allCrimeTotal(start: string, end: string) {
  const { data, errors } = await t.query(
    `query($start: Date!, $end: Date!) { county { crimeTotals(category: "all-crime", start: $start, end: $end) { ${TOTAL} } } }`,
    {
      start,
      end,
    },
  );
  expect(errors).toBeUndefined();
  return data.county.crimeTotals;
}

async function coverageOf(code: string) {
  const { data, errors } = await t.query(`{
    county { agreement { priorities { id coverage { partnership { code } status bases priorities { id csaAlignment { priority { id } basis } } } } } }
  }`);
  expect(errors).toBeUndefined();
  return Object.fromEntries(
    data.county.agreement.priorities.map((csa: any) => [
      csa.id,
      csa.coverage.find((c: any) => c.partnership.code === code),
    ]),
  );
}

describe("county-wide crime totals, from the partnerships' own subgraphs", () => {
  it("sums Leicestershire's All Crime for 2016/17 and 2017/18 to the county rows of Figure 3 (35,222 and 41,325)", async () => {
    const [y2016, y2017] = await Promise.all([
      allCrimeTotal("2016-04-01", "2017-03-31"),
      allCrimeTotal("2017-04-01", "2018-03-31"),
    ]);
    expect(y2016.total).toBe(35222);
    expect(y2017.total).toBe(41325);
    for (const total of [y2016, y2017]) {
      expect(total.complete).toBe(true);
      expect(total.missing).toEqual([]);
      expect(total.sources).toEqual([FIGURE_3]);
      // The county's own published Leicestershire row for the same period agrees with the sum.
      expect(total.publishedCountyFigures).toEqual([
        { count: total.total, localLabel: "Recorded Crime", source: FIGURE_3 },
      ]);
      expect(total.partnerships.map((p: any) => p.partnership.code)).toEqual(MEMBERS);
    }
    // Each district's own Figure 3 row, with its rate on the 2015 population (the nearest year to 2017 available).
    const charnwood = y2017.partnerships.find((p: any) => p.partnership.code === "charnwood");
    expect(charnwood).toMatchObject({
      count: 12065,
      population: { year: 2015, count: 176700 },
      ratePer1000: 68.28, // 12,065 / 176,700 x 1,000
      rank: 1,
      rateRank: 1,
      statistic: { count: 12065, period: { label: "2017/18" }, source: { locator: "Figure 3" } },
      // Change on the year before, from the same table: 10,674 in 2016/17.
      change: {
        previous: { count: 10674, period: { label: "2016/17" } },
        difference: 1391,
        percent: expect.closeTo(13.03, 2),
      },
    });
    const harborough = y2017.partnerships.find((p: any) => p.partnership.code === "harborough");
    expect(harborough).toMatchObject({ count: 4263, ratePer1000: 47.74, rateRank: 7 });
    const melton = y2017.partnerships.find((p: any) => p.partnership.code === "melton");
    expect(melton).toMatchObject({ count: 2799, rank: 7, rateRank: 6 });
    // The county: 41,325 against 35,222, per 1,000 of its own 2015 population (675,300).
    expect(y2017.change).toEqual({ previousTotal: 35222, difference: 6103, percent: expect.closeTo(17.327, 3) });
    expect(y2017.population).toEqual({ year: 2015, count: 675300 });
    expect(y2017.ratePer1000).toBe(61.2); // 41,325 / 675,300 x 1,000 = 61.195
    expect(y2016.change).toBeNull(); // Figure 3 has no 2015/16 column
  });

  it("uses one table for every member when partnerships published differing figures for the same period", async () => {
    // 1 April 2018 - 31 January 2019: Charnwood printed 11,258 (Figure 1) and 10,844 (Figure 3);
    // Figure 3 covers every member, so it is the series, and the sum is the county's own row.
    const total = await allCrimeTotal("2018-04-01", "2019-01-31");
    expect(total).toMatchObject({ total: 35649, complete: true, sources: [FIGURE_3] });
    expect(total.publishedCountyFigures.map((f: any) => f.count)).toEqual([35649]);
    const charnwood = total.partnerships.find((p: any) => p.partnership.code === "charnwood");
    expect(charnwood.count).toBe(10844);
    expect(charnwood.otherFigures).toEqual([{ count: 11258, source: { locator: "Figure 1" } }]);
  });

  it("marks a total incomplete and names the partnerships that did not publish the period", async () => {
    // 2018/19 in full: only Harborough published a recorded count (4,689 in its 2020 review);
    // the others published a projection (Figure 3), which is never summed as a recorded figure.
    const total = await allCrimeTotal("2018-04-01", "2019-03-31");
    expect(total.complete).toBe(false);
    expect(total.total).toBe(4689);
    expect(total.sources).toEqual([{ document: "004_8bb5bc87ec4dd763.txt", locator: "Two year crime comparison" }]);
    expect(total.partnerships.map((p: any) => p.partnership.code)).toEqual(["harborough"]);
    expect(total.missing.map((m: any) => [m.partnership.code, m.reason])).toEqual(
      MEMBERS.filter((code) => code !== "harborough").map((code) => [code, "PROJECTION_ONLY"]),
    );
    expect(total.missing.find((m: any) => m.partnership.code === "melton").projections).toEqual([
      { count: 3046, period: { label: "2018/19 Projected", basis: "PROJECTION" } },
    ]);
    expect(total.ratePer1000).toBeNull();
    expect(total.change).toBeNull();

    // 2019/20: Harborough alone again, with its change on 2018/19 from the same table (4,631 against 4,689).
    const next = await allCrimeTotal("2019-04-01", "2020-03-31");
    expect(next).toMatchObject({ total: 4631, complete: false });
    expect(next.missing.map((m: any) => m.reason)).toEqual(Array(6).fill("NOT_PUBLISHED"));
    expect(next.partnerships[0].change).toMatchObject({
      previous: { count: 4689 },
      difference: -58,
      percent: expect.closeTo(-1.237, 3),
    });
  });

  it("shows a partnership's corrected figure in the county total on the next query", async () => {
    const figure = { category: "all-crime", periodLabel: "2017/18", locator: "Figure 3" };
    expect((await allCrimeTotal("2017-04-01", "2018-03-31")).total).toBe(41325);
    await correctCount(t, "melton", figure, 2800);
    try {
      const total = await allCrimeTotal("2017-04-01", "2018-03-31");
      expect(total.total).toBe(41326);
      expect(total.partnerships.find((p: any) => p.partnership.code === "melton").count).toBe(2800);
      // The county's published row is the county's own document: it does not change.
      expect(total.publishedCountyFigures[0].count).toBe(41325);
    } finally {
      await correctCount(t, "melton", figure, 2799);
    }
    expect((await allCrimeTotal("2017-04-01", "2018-03-31")).total).toBe(41325);
  });

  it("rejects an unknown category or CSA priority, or a period that ends before it starts, naming the argument", async () => {
    const unknown = await t.query(
      `{ county { crimeTotals(category: "all-crimes", start: "2017-04-01", end: "2018-03-31") { total } } }`,
    );
    expect(unknown.errors?.[0].message).toContain('crimeTotals(category): unknown crime category "all-crimes"');
    const backwards = await t.query(
      `{ county { crimeTotals(category: "all-crime", start: "2018-03-31", end: "2017-04-01") { total } } }`,
    );
    expect(backwards.errors?.[0].message).toContain("crimeTotals(end): 2017-04-01 precedes the start 2018-03-31");
    const csa = await t.query(
      `{ county { prioritySearch(csaPriority: "domestic-violence") { matches { priority { id } } } } }`,
    );
    expect(csa.errors?.[0].message).toContain(
      'prioritySearch(csaPriority): unknown CSA priority "domestic-violence"; expected one of protect-vulnerable,',
    );
  });
});

describe("Community Safety Agreement coverage", () => {
  it("gives Melton, which has published no priorities, NO_PUBLISHED_PRIORITIES for all seven CSA priorities", async () => {
    const melton = await coverageOf("melton");
    expect(Object.keys(melton)).toEqual(csaPriorities.map((p) => p.id));
    for (const cell of Object.values(melton) as any[])
      expect(cell).toMatchObject({ status: "NO_PUBLISHED_PRIORITIES", priorities: [] });
  });

  it("shows gaps, local priorities and the CSA priority no member covers", async () => {
    const { data, errors } = await t.query(`{
      county { alignment {
        complete uncoveredCsaPriorities { id title }
        partnerships { partnership { code currentPriorities { id } } available period { label } gaps { id } localPriorities { title } }
      } }
    }`);
    expect(errors).toBeUndefined();
    const alignment = data.county.alignment;
    expect(alignment.complete).toBe(true);
    // No member's current priorities serve young people's harm from cyber-crime and bullying.
    expect(alignment.uncoveredCsaPriorities).toEqual([
      { id: "young-people-online", title: "Reduce risk of harm to young people from cyber-crime and bullying" },
    ]);
    const byCode = Object.fromEntries(alignment.partnerships.map((p: any) => [p.partnership.code, p]));
    // The partnership is the registry's object: the gateway follows it into the partnership's own subgraph.
    expect(byCode.charnwood.partnership.currentPriorities.map((p: any) => p.id)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `charnwood:2019-20-p${n}`),
    );
    expect(byCode.charnwood).toMatchObject({
      available: true,
      period: { label: "2019/20" },
      gaps: [{ id: "young-people-online" }, { id: "domestic-abuse" }],
      localPriorities: [
        { title: "Build safer and stronger communities with a focus on increasing community confidence" },
      ],
    });
    expect(byCode.harborough.localPriorities.map((p: any) => p.title)).toEqual([
      "To increase Community Engagement across the District.",
      "Encourage the legitimate sharing of information between agencies.",
    ]);
    expect(byCode["north-west-leicestershire"].gaps.map((g: any) => g.id)).toEqual([
      "protect-vulnerable",
      "reduce-asb",
      "young-people-online",
      "domestic-abuse",
      "hate-incidents",
    ]);
    expect(byCode.melton).toMatchObject({ available: true, period: null, gaps: [], localPriorities: [] });
  });

  it("lets a declared alignment override the suggestion for that priority, in coverage on the next query", async () => {
    // North West Leicestershire's "Reducing reoffending" is suggested to serve reduce-crime.
    const before = await coverageOf("north-west-leicestershire");
    expect(before["reduce-crime"]).toMatchObject({
      status: "COVERED",
      bases: ["SUGGESTED"],
      priorities: [{ id: "north-west-leicestershire:2020-23-m1" }],
    });
    expect(before["protect-vulnerable"].status).toBe("NOT_COVERED");

    await declareAlignment(t, "north-west-leicestershire", "2020-23-m1", ["protect-vulnerable"]);
    try {
      const after = await coverageOf("north-west-leicestershire");
      expect(after["reduce-crime"]).toMatchObject({ status: "NOT_COVERED", priorities: [], bases: [] });
      expect(after["protect-vulnerable"]).toMatchObject({
        status: "COVERED",
        bases: ["DECLARED"],
        priorities: [
          {
            id: "north-west-leicestershire:2020-23-m1",
            csaAlignment: [{ priority: { id: "protect-vulnerable" }, basis: "DECLARED" }],
          },
        ],
      });
      // The other priority keeps its suggestion.
      expect(after["substance-misuse"]).toMatchObject({ status: "COVERED", bases: ["SUGGESTED"] });
    } finally {
      await declareAlignment(t, "north-west-leicestershire", "2020-23-m1", null);
    }
  });
});

describe("the cross-partnership priority search", () => {
  it("finds which partnerships prioritise domestic abuse now, with partnership, theme and period", async () => {
    const { data, errors } = await t.query(`{
      county { prioritySearch(csaPriority: "domestic-abuse", currentOnly: true) {
        complete
        matches { partnership { code name } priority { id title } theme { title } period { label } current alignment { basis score evidence { value foundIn } } }
      } }
    }`);
    expect(errors).toBeUndefined();
    const search = data.county.prioritySearch;
    expect(search.complete).toBe(true);
    expect(
      search.matches.map((m: any) => [m.partnership.code, m.priority.title, m.theme?.title ?? null, m.period.label]),
    ).toEqual([
      ["harborough", "People", null, "2020-2023"],
      [
        "leicester",
        "To encourage reporting and to reduce repeat incidents of domestic and sexual abuse",
        null,
        "April 2019 – March 2020",
      ],
    ]);
    expect(search.matches[0].alignment).toEqual({
      basis: "SUGGESTED",
      score: 2,
      evidence: [
        { value: "coercive behaviour", foundIn: "description" },
        { value: "domestic abuse", foundIn: "focus area" },
      ],
    });
  });

  it("searches by text across every period: every word must appear", async () => {
    const { data } = await t.query(
      `{ county { prioritySearch(text: "domestic abuse") { matches { partnership { code } priority { id } current } } } }`,
    );
    expect(data.county.prioritySearch.matches.map((m: any) => [m.priority.id, m.current])).toEqual([
      ["charnwood:2018-19-p4", false],
      ["harborough:2019-20-a4", false],
      ["harborough:2020-23-people", true],
      // "domestic and sexual abuse" has both words.
      ["leicester:2018-21-d", false],
      ["leicester:2019-20-d", true],
    ]);
  });
});

describe("targets and Most Similar Group comparisons", () => {
  it("judges Charnwood's reduction targets from its counts", async () => {
    const { data, errors } = await t.query(`{
      county { targetPerformance { met notMet noData complete targets { partnership { code } target { localLabel status baseline { count } outcome { count } } } } }
    }`);
    expect(errors).toBeUndefined();
    const performance = data.county.targetPerformance;
    expect(performance).toMatchObject({ met: 3, notMet: 6, noData: 0, complete: true });
    expect(performance.targets.find((t: any) => t.target.localLabel === "Robbery")).toEqual({
      partnership: { code: "charnwood" },
      target: { localLabel: "Robbery", status: "MET", baseline: { count: 90 }, outcome: { count: 75 } },
    });
  });

  it("ranks Leicester in its Most Similar Group from the table's values", async () => {
    const { data, errors } = await t.query(`{
      county { mostSimilarGroupComparisons { comparisons { partnership { code } positions { period { label } value rank tied groupSize groupAverage } } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.county.mostSimilarGroupComparisons.comparisons).toEqual([
      {
        partnership: { code: "leicester" },
        positions: [
          { period: { label: "2016" }, value: 70.7, rank: 9, tied: false, groupSize: 15, groupAverage: 75.7 },
          { period: { label: "2017" }, value: 84.6, rank: 11, tied: false, groupSize: 15, groupAverage: 91.4 },
          // 92.5, the same as Stoke-on-Trent: a joint rank.
          { period: { label: "2018" }, value: 92.5, rank: 10, tied: true, groupSize: 15, groupAverage: 101.5 },
        ],
      },
    ]);
  });
});

describe("a partnership's subgraph is down", () => {
  it("still answers, marking the totals incomplete and the coverage unavailable, and naming it", async () => {
    await t.system.services.get("melton")!.stop();
    try {
      const total = await allCrimeTotal("2017-04-01", "2018-03-31");
      expect(total).toMatchObject({ complete: false, total: 41325 - 2799 });
      expect(total.missing).toEqual([
        {
          partnership: { code: "melton", name: "Melton Community Safety Partnership" },
          reason: "UNAVAILABLE",
          projections: [],
        },
      ]);
      const { data, errors } = await t.query(
        `{ county { alignment { complete unavailablePartnerships { code } } agreement { priorities { coverage { partnership { code } status } } } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data.county.alignment).toEqual({ complete: false, unavailablePartnerships: [{ code: "melton" }] });
      for (const csa of data.county.agreement.priorities) {
        expect(csa.coverage.find((c: any) => c.partnership.code === "melton").status).toBe("UNAVAILABLE");
      }
    } finally {
      await t.system.restart("melton");
    }
    expect((await allCrimeTotal("2017-04-01", "2018-03-31")).complete).toBe(true);
  });
});
