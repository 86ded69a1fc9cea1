/**
 * A figure's source stays true after it is published and corrected, through the gateway:
 * sources name their documents, no recorded figure is older than its source allows, a
 * correction keeps what it replaced, one figure answers by its id, and the county's total
 * says why it differs from the total printed for the county. A system of this file's own:
 * it writes. Figures from Figure 3 of 002_8e9c48eccd29813b.txt (6 March 2019): Melton's
 * 2,799 for 2017/18; the county's printed Recorded Crime for 2017/18, 41,325.
 */
import { issueToken } from "@csg/operator/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusedWrite } from "./support/database-dump";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

let t: TestSystem;
let melton: string;
beforeAll(async () => {
  t = await startTestSystem();
  melton = issueToken(t.dataDir, "melton", "Melton CSO").token;
});
afterAll(() => t?.stop());

const FIGURE_3 = {
  document: "002_8e9c48eccd29813b.txt",
  locator: "Figure 3",
  title: "Crime and Disorder Reduction and Community Safety (Scrutiny Management Board, Item 7)",
  publisher: "Charnwood Borough Council, Scrutiny Management Board",
  published: "2019-03-06",
};
const REVIEW = {
  document: "melton-csp-review-2019.pdf",
  locator: "Table 1",
  title: "Melton CSP annual review 2018/19",
  publisher: "Melton Borough Council",
  published: "2019-06-20",
};
const FY_2019_20 = { label: "2019/20", start: "2019-04-01", end: "2020-03-31", basis: "FINANCIAL_YEAR" };
const STATISTIC = `id count localLabel period { label start end basis } source { document locator title publisher published }
  corrections { previousCount count correctedAt source { document locator title publisher published } note }`;
const BY_ID = `query($id: ID!) { crimeStatistic(id: $id) { ${STATISTIC} } }`;
const RECORD = `mutation($statistics: [CrimeStatisticInput!]!) { melton { recordCrimeStatistics(statistics: $statistics) { ${STATISTIC} } } }`;
const CORRECT = `mutation($corrections: [CrimeStatisticCorrectionInput!]!) { melton { correctCrimeStatistics(corrections: $corrections) { ${STATISTIC} } } }`;
const TOTALS = `{ county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") {
  total complete publishedCountyFigures { id count source { locator title } }
  publishedDifferences { published { count } difference unexplained explainedBy { partnership { code } reason difference statistic { id count corrections { previousCount count note } } } }
} } }`;

async function meltonIn2017(): Promise<string> {
  const { data } = await t.query(
    `{ partnership(code: "melton") { crimeStatistics(category: "all-crime") { id period { label } source { locator } } } }`,
  );
  return data.partnership.crimeStatistics.find(
    (s: any) => s.period.label === "2017/18" && s.source.locator === "Figure 3",
  ).id;
}

describe("seed figures as published", () => {
  it("serve their document's title, publisher and date, and no corrections; one answers by its id through the gateway", async () => {
    const id = await meltonIn2017();
    const { data, errors } = await t.query(BY_ID, { id });
    expect(errors).toBeUndefined();
    expect(data.crimeStatistic).toEqual({
      id,
      count: 2799,
      localLabel: "Recorded Crime",
      period: { label: "2017/18", start: "2017-04-01", end: "2018-03-31", basis: "FINANCIAL_YEAR" },
      source: FIGURE_3,
      corrections: [],
    });
  });

  it("answers a police beat's figure by its id, from the partnership that publishes it", async () => {
    const { data } = await t.query(
      `{ partnership(code: "charnwood") { areas { name crimeStatistics { id count period { label } source { locator } } } } }`,
    );
    const beat = data.partnership.areas[0];
    const [first] = beat.crimeStatistics;
    expect(first.source.locator).toBe("Figure 2");
    const answer = await t.query(BY_ID, { id: first.id });
    expect(answer.data.crimeStatistic).toMatchObject({
      id: first.id,
      count: first.count,
      period: first.period,
      source: { ...FIGURE_3, locator: "Figure 2" },
    });
  });

  it("answers the county's own figure by its id, and null for ids that name nothing", async () => {
    const { data } = await t.query(TOTALS);
    const printed = data.county.crimeTotals.publishedCountyFigures;
    expect(printed.map((p: any) => [p.count, p.source.locator])).toEqual([[41325, "Figure 3"]]);
    const county = await t.query(BY_ID, { id: printed[0].id });
    expect(county.data.crimeStatistic).toMatchObject({ count: 41325, source: FIGURE_3, corrections: [] });
    for (const id of [
      "melton:statistic-99999",
      "nowhere:statistic-1",
      "melton:priority-1",
      "not an id",
      "x".repeat(10_000),
    ]) {
      const answer = await t.query(BY_ID, { id });
      expect(answer, id.slice(0, 40)).toEqual({ data: { crimeStatistic: null } });
    }
  });

  it("sum to the printed county total for 2017/18, so there is no difference to explain", async () => {
    const { data } = await t.query(TOTALS);
    expect(data.county.crimeTotals).toMatchObject({ total: 41325, complete: true, publishedDifferences: [] });
  });
});

describe("new figures", () => {
  it("refuses Melton's 2,912 for 2019/20 cited to Figure 3 of the report of 6 March 2019, naming the figure and both dates, writing nothing", async () => {
    const errors = await refusedWrite(
      t,
      RECORD,
      {
        statistics: [
          {
            category: "all-crime",
            localLabel: "Recorded Crime",
            count: 2912,
            period: FY_2019_20,
            source: { document: FIGURE_3.document, locator: "Figure 3" },
          },
        ],
      },
      melton,
    );
    expect(errors[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "statistics[0]",
        message: `the figure all-crime ("Recorded Crime") for 2019/20 ends on 2020-03-31, after its source "${FIGURE_3.title}" (002_8e9c48eccd29813b.txt) was published on 2019-03-06: a recorded figure cannot come from a document published before its period ended (a projection may: give its period the basis PROJECTION)`,
      },
    ]);
  });

  it("refuses a document the system has not seen without its title and publisher, naming both fields", async () => {
    const errors = await refusedWrite(
      t,
      RECORD,
      {
        statistics: [
          {
            category: "all-crime",
            localLabel: "Recorded Crime",
            count: 2912,
            period: FY_2019_20,
            source: { document: "melton-return.xlsx", locator: "Sheet 1" },
          },
        ],
      },
      melton,
    );
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "statistics[0].source.title",
        message:
          "is required for melton-return.xlsx, a document the system has not seen before (give its title and publisher)",
      },
      {
        field: "statistics[0].source.publisher",
        message:
          "is required for melton-return.xlsx, a document the system has not seen before (give its title and publisher)",
      },
    ]);
  });

  it("records a 2019/20 figure from a document published after the year, serving its title, publisher and date", async () => {
    const source = {
      document: "melton-csp-review-2020.pdf",
      locator: "Table 2",
      title: "Melton CSP annual review 2019/20",
      publisher: "Melton Borough Council",
      published: "2020-07-15",
    };
    const { data, errors } = await t.query(
      RECORD,
      {
        statistics: [{ category: "all-crime", localLabel: "Recorded Crime", count: 2912, period: FY_2019_20, source }],
      },
      melton,
    );
    expect(errors).toBeUndefined();
    const [recorded] = data.melton.recordCrimeStatistics;
    expect(recorded).toMatchObject({ count: 2912, source, corrections: [] });
    expect((await t.query(BY_ID, { id: recorded.id })).data.crimeStatistic).toMatchObject({ count: 2912, source });
  });
});

describe("a correction", () => {
  it("refuses a source published before the figure's period ended, writing nothing", async () => {
    const id = await meltonIn2017();
    const early = { ...REVIEW, document: "melton-note-2018.pdf", published: "2018-02-01" };
    const errors = await refusedWrite(t, CORRECT, { corrections: [{ id, count: 2810, source: early }] }, melton);
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "corrections[0]",
        message: `the figure all-crime ("Recorded Crime") for 2017/18 ends on 2018-03-31, after the correction's source "${REVIEW.title}" (melton-note-2018.pdf) was published on 2018-02-01: a recorded figure cannot come from a document published before its period ended (a projection may: give its period the basis PROJECTION)`,
      },
    ]);
  });

  it("keeps the figure's source and what it replaced: Melton's 2,799 corrected to 2,810 with its source and note", async () => {
    const id = await meltonIn2017();
    const { data, errors } = await t.query(
      CORRECT,
      { corrections: [{ id, count: 2810, source: REVIEW, note: "Revised by Leicestershire Police" }] },
      melton,
    );
    expect(errors).toBeUndefined();
    const [corrected] = data.melton.correctCrimeStatistics;
    expect(corrected).toMatchObject({ id, count: 2810, source: FIGURE_3 });
    expect(corrected.corrections).toEqual([
      {
        previousCount: 2799,
        count: 2810,
        correctedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        source: REVIEW,
        note: "Revised by Leicestershire Police",
      },
    ]);
    // A second, without a source: listed after the first.
    await t.query(CORRECT, { corrections: [{ id, count: 2812, note: "Two late crimes" }] }, melton);
    const read = (await t.query(BY_ID, { id })).data.crimeStatistic;
    expect(read.source).toEqual(FIGURE_3);
    expect(read.corrections.map((c: any) => [c.previousCount, c.count, c.source?.document ?? null, c.note])).toEqual([
      [2799, 2810, REVIEW.document, "Revised by Leicestershire Police"],
      [2810, 2812, null, "Two late crimes"],
    ]);
    expect(read.corrections[0].correctedAt <= read.corrections[1].correctedAt).toBe(true);
  });

  it("makes the county's total differ from the printed 41,325, and names Melton's correction as the reason", async () => {
    const id = await meltonIn2017();
    const { data } = await t.query(TOTALS);
    expect(data.county.crimeTotals.total).toBe(41338);
    expect(data.county.crimeTotals.publishedDifferences).toEqual([
      {
        published: { count: 41325 },
        difference: 13,
        unexplained: 0,
        explainedBy: [
          {
            partnership: { code: "melton" },
            reason: "CORRECTED",
            difference: 13,
            statistic: {
              id,
              count: 2812,
              corrections: [
                { previousCount: 2799, count: 2810, note: "Revised by Leicestershire Police" },
                { previousCount: 2810, count: 2812, note: "Two late crimes" },
              ],
            },
          },
        ],
      },
    ]);
  });
});

describe("every write that names a source", () => {
  const SET_PARTNERS = `mutation($partners: [PartnerInput!]!) { melton { setPartners(partners: $partners) { name source { document locator title publisher published } } } }`;

  it("refuses a document the partnership has not cited before without its title and publisher (a partner list)", async () => {
    const errors = await refusedWrite(
      t,
      SET_PARTNERS,
      {
        partners: [
          { name: "Melton Borough Council", source: { document: "melton-csp-plan-2021.pdf", locator: "Partners" } },
        ],
      },
      melton,
    );
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "partners[0].source.title",
        message:
          "is required for melton-csp-plan-2021.pdf, a document the system has not seen before (give its title and publisher)",
      },
      {
        field: "partners[0].source.publisher",
        message:
          "is required for melton-csp-plan-2021.pdf, a document the system has not seen before (give its title and publisher)",
      },
    ]);
  });

  it("stores it with its title and publisher, and serves them for every item that cites it", async () => {
    const plan = {
      document: "melton-csp-plan-2021.pdf",
      locator: "Partners",
      title: "Melton Community Safety Partnership Plan 2021-24",
      publisher: "Melton Borough Council",
      published: null,
    };
    const { data, errors } = await t.query(
      SET_PARTNERS,
      {
        partners: [
          { name: "Melton Borough Council", source: plan },
          { name: "Leicestershire Police", source: { document: plan.document, locator: "Partners" } },
        ],
      },
      melton,
    );
    expect(errors).toBeUndefined();
    expect(data.melton.setPartners).toEqual([
      { name: "Melton Borough Council", source: plan },
      { name: "Leicestershire Police", source: plan },
    ]);
  });
});
