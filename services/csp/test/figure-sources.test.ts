/**
 * Documents as sources, figures no older than their source allows, and corrections with
 * their history: on an in-memory copy of Melton's seeded database (Figure 3 of
 * 002_8e9c48eccd29813b.txt, a report of 6 March 2019, prints Melton's 2,799 for 2017/18).
 */
import { Checker, commandActor, correctionsOfFigures, knownDocument, under, ValidationError } from "@csg/domain";
import { requirePartnership } from "@csg/schema";
import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureSeeded } from "../src/dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "../src/db/database";
import * as t from "../src/db/schema";
import { applyStatistics, correctStatistics, recordStatistics } from "../src/publishing/crime-statistics";

const melton = requirePartnership("melton");
const actor = commandActor("unit test");
const figure3 = { document: "002_8e9c48eccd29813b.txt", locator: "Figure 3" };
const fy = (label: string, start: string, end: string, basis: "FINANCIAL_YEAR" | "PROJECTION" = "FINANCIAL_YEAR") => ({
  label,
  start,
  end,
  basis,
});
const fy2019 = fy("2019/20", "2019-04-01", "2020-03-31");
const fy2017 = fy("2017/18", "2017-04-01", "2018-03-31");
const annualReview = {
  document: "melton-annual-review-2020.pdf",
  locator: "Table 2",
  title: "Melton Community Safety Partnership Annual Review 2019/20",
  publisher: "Melton Borough Council",
  published: "2020-07-15",
};

let database: OpenCspDatabase;
beforeEach(() => {
  database = openCspDatabase(":memory:");
  ensureSeeded(database.db, "melton");
});

const placed = <T>(values: T[], path = "statistics") =>
  values.map((value, i) => ({ value, place: under(`${path}[${i}]`) }));
const audit = () => database.db.select().from(t.auditEntries).all();
const figureCount = () => database.db.select().from(t.crimeStatistics).all().length;
const melton2017 = () =>
  database.db
    .select()
    .from(t.crimeStatistics)
    .innerJoin(t.periods, eq(t.periods.id, t.crimeStatistics.periodId))
    .where(
      and(
        isNull(t.crimeStatistics.areaId),
        eq(t.crimeStatistics.categoryId, "all-crime"),
        eq(t.periods.label, "2017/18"),
        eq(t.crimeStatistics.sourceLocator, "Figure 3"),
      ),
    )
    .get()!.crime_statistics;

function refusal(write: () => unknown): string[] {
  try {
    write();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.where}: ${i.message}`);
    throw error;
  }
  throw new Error("the write was not refused");
}

const record = (figures: object[]) =>
  recordStatistics(database.db, actor, melton, placed(figures as never[]), new Checker("recordCrimeStatistics"));
const correct = (corrections: object[]) =>
  correctStatistics(
    database.db,
    actor,
    melton,
    placed(corrections as never[], "corrections"),
    new Checker("correctCrimeStatistics"),
  );

describe("no figure older than its source allows", () => {
  it("refuses Melton's 2,912 for 2019/20 cited to Figure 3 of the report of 6 March 2019, naming the figure and both dates, and writes nothing", () => {
    const before = figureCount();
    const problems = refusal(() =>
      record([{ category: "all-crime", localLabel: "Recorded Crime", count: 2912, period: fy2019, source: figure3 }]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'recordCrimeStatistics: statistics[0]: the figure all-crime ("Recorded Crime") for 2019/20 ends on 2020-03-31',
    );
    expect(problems[0]).toContain("002_8e9c48eccd29813b.txt) was published on 2019-03-06");
    expect([figureCount(), audit().length]).toEqual([before, 0]);
  });

  it("accepts a projection for 2019/20 from the same report (an estimate), and the same count from a document published after the year", () => {
    record([
      {
        category: "all-crime",
        localLabel: "Recorded Crime",
        count: 3100,
        period: fy("2019/20 Projected", "2019-04-01", "2020-03-31", "PROJECTION"),
        source: figure3,
      },
    ]);
    const [row] = record([
      { category: "all-crime", localLabel: "Recorded Crime", count: 2912, period: fy2019, source: annualReview },
    ]);
    expect([row.count, row.sourceDocument]).toEqual([2912, "melton-annual-review-2020.pdf"]);
  });
});

describe("documents cited for the first time", () => {
  it("refuses a new document without its title and publisher, naming each field, and stores nothing", () => {
    const problems = refusal(() =>
      record([
        {
          category: "robbery",
          localLabel: "Robbery",
          count: 12,
          period: fy2019,
          source: { document: "new.pdf", locator: "Table 1" },
        },
      ]),
    );
    expect(problems).toEqual([
      "recordCrimeStatistics: statistics[0].source.title: is required for new.pdf, a document the system has not seen before (give its title and publisher)",
      "recordCrimeStatistics: statistics[0].source.publisher: is required for new.pdf, a document the system has not seen before (give its title and publisher)",
    ]);
    expect(knownDocument(database.db, "new.pdf")).toBeUndefined();
  });

  it("stores a new document with its figure; cited again it needs no title, and a different title is refused", () => {
    record([{ category: "robbery", localLabel: "Robbery", count: 12, period: fy2019, source: annualReview }]);
    expect(knownDocument(database.db, annualReview.document)).toEqual({
      document: annualReview.document,
      title: annualReview.title,
      publisher: annualReview.publisher,
      published: "2020-07-15",
    });
    record([
      {
        category: "shoplifting",
        localLabel: "Shoplifting",
        count: 80,
        period: fy2019,
        source: { document: annualReview.document, locator: "Table 3" },
      },
    ]);
    const problems = refusal(() =>
      record([
        {
          category: "cycle-theft",
          localLabel: "Cycle theft",
          count: 9,
          period: fy2019,
          source: { document: annualReview.document, locator: "Table 3", title: "Another title" },
        },
      ]),
    );
    expect(problems).toEqual([
      `recordCrimeStatistics: statistics[0].source.title: ${annualReview.document} is known as title "${annualReview.title}", not "Another title": leave title out, or give it as known`,
    ]);
  });

  it("refuses a seed document given another publisher than its front page's", () => {
    const problems = refusal(() =>
      record([
        {
          category: "robbery",
          localLabel: "Robbery",
          count: 12,
          period: fy2017,
          source: { ...figure3, publisher: "Melton Borough Council" },
        },
      ]),
    );
    expect(problems[0]).toContain(
      '002_8e9c48eccd29813b.txt is known as publisher "Charnwood Borough Council, Scrutiny Management Board"',
    );
  });
});

describe("corrections with their history", () => {
  it("corrects Melton's 2,799 to 2,810 with its source and note, keeps Figure 3 as the figure's source, and lists corrections oldest first", () => {
    const figure = melton2017();
    expect(figure.count).toBe(2799);
    const id = `melton:statistic-${figure.id}`;
    correct([{ id, count: 2810, source: annualReview, note: "Revised by the force after audit" }]);
    correct([{ id, count: 2812, note: "Late crimes added" }]);
    const after = melton2017();
    expect([after.count, after.sourceDocument, after.sourceLocator]).toEqual([2812, figure3.document, figure3.locator]);
    const [history] = correctionsOfFigures(database.db, [figure.id]);
    expect(history.map(({ correctedAt: _, ...c }) => c)).toEqual([
      {
        previousCount: 2799,
        count: 2810,
        source: { document: annualReview.document, locator: "Table 2" },
        note: "Revised by the force after audit",
      },
      { previousCount: 2810, count: 2812, source: null, note: "Late crimes added" },
    ]);
    expect(history[0].correctedAt <= history[1].correctedAt).toBe(true);
    expect(audit().map((a) => a.operation)).toEqual(["correctCrimeStatistics", "correctCrimeStatistics"]);
  });

  it("refuses a correction whose source was published before the figure's period ended, and one whose new document has no title", () => {
    const figure = melton2017();
    const early = {
      document: "early.pdf",
      locator: "p. 2",
      title: "Early note",
      publisher: "Melton Borough Council",
      published: "2018-01-10",
    };
    const problems = refusal(() =>
      correct([
        { id: `melton:statistic-${figure.id}`, count: 2810, source: early },
        {
          id: `melton:statistic-${figure.id + 1}`,
          count: 1,
          source: { document: "x.pdf", locator: "1", publisher: "X" },
        },
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(problems).toContain(
      "correctCrimeStatistics: corrections[1].source.title: is required for x.pdf, a document the system has not seen before (give its title and publisher)",
    );
    expect(problems.join("\n")).toContain(
      'corrections[0]: the figure all-crime ("Recorded Crime") for 2017/18 ends on 2018-03-31, after the correction\'s source "Early note" (early.pdf) was published on 2018-01-10',
    );
    expect(melton2017().count).toBe(2799);
    expect(correctionsOfFigures(database.db, [figure.id])[0]).toEqual([]);
  });

  it("keeps a spreadsheet import's correction in the history, noting the file", () => {
    const figure = melton2017();
    applyStatistics(
      database.db,
      actor,
      melton,
      "importCrimeStatistics",
      "melton.csv",
      placed([{ category: "all-crime", localLabel: "Recorded Crime", count: 2805, period: fy2017, source: figure3 }]),
      new Checker("melton.csv"),
    );
    expect(
      correctionsOfFigures(database.db, [figure.id])[0].map((c) => [c.previousCount, c.count, c.source, c.note]),
    ).toEqual([[2799, 2805, null, "Imported from melton.csv"]]);
  });
});
