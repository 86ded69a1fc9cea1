/**
 * A partnership's own figures through the shared figures module, on an in-memory copy of
 * Charnwood's seeded database: no process, no HTTP.
 */
import { Checker, commandActor, indexFigures, under, ValidationError } from "@csg/domain";
import { requirePartnership } from "@csg/schema";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureSeeded } from "../src/dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "../src/db/database";
import * as t from "../src/db/schema";
import { applyStatistics, correctStatistics, recordStatistics } from "../src/publishing/crime-statistics";

const charnwood = requirePartnership("charnwood");
const actor = commandActor("unit test");
const figure1 = { document: "002_8e9c48eccd29813b.txt", locator: "Figure 1" };
const ytd2019 = {
  label: "Total Crime as at 31st January 2019",
  start: "2018-04-01",
  end: "2019-01-31",
  basis: "YEAR_TO_DATE" as const,
};

let database: OpenCspDatabase;
beforeEach(() => {
  database = openCspDatabase(":memory:");
  ensureSeeded(database.db, "charnwood");
});

const audit = () => database.db.select().from(t.auditEntries).all();
const placed = <T>(values: T[]) => values.map((value, i) => ({ value, place: under(`statistics[${i}]`) }));

function refusal(write: () => unknown): string[] {
  try {
    write();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.where}: ${i.message}`);
    throw error;
  }
  throw new Error("the write was not refused");
}

describe("a partnership's figures, recorded and corrected", () => {
  it("refuses a second figure for Charnwood's all crime of Figure 1, naming the stored one, and writes nothing", () => {
    const problems = refusal(() =>
      recordStatistics(
        database.db,
        actor,
        charnwood,
        placed([{ category: "all-crime", localLabel: "Total Crime", count: 1, period: ytd2019, source: figure1 }]),
        new Checker("recordCrimeStatistics"),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^recordCrimeStatistics: statistics\[0\]: a second figure for category all-crime, period Total Crime as at 31st January 2019 .*charnwood:statistic-\d+ already has 11258/,
    );
    expect(audit()).toHaveLength(0);
  });

  it("records a new figure with one audit entry, and a correction that names only the figure changes nothing", () => {
    const figure = {
      category: "robbery",
      localLabel: "Robbery",
      count: 12,
      period: ytd2019,
      source: { document: "unit-test.csv", locator: "Table 1", title: "Unit test figures", publisher: "Charnwood CSP" },
    };
    const [row] = recordStatistics(
      database.db,
      actor,
      charnwood,
      placed([figure]),
      new Checker("recordCrimeStatistics"),
    );
    expect(row.count).toBe(12);
    expect(audit()).toHaveLength(1);
    correctStatistics(
      database.db,
      actor,
      charnwood,
      placed([{ id: `charnwood:statistic-${row.id}` }]),
      new Checker("correctCrimeStatistics"),
    );
    expect(audit()).toHaveLength(1);
    const [corrected] = correctStatistics(
      database.db,
      actor,
      charnwood,
      placed([{ id: `charnwood:statistic-${row.id}`, count: 13 }]),
      new Checker("correctCrimeStatistics"),
    );
    expect(corrected.count).toBe(13);
    expect(audit().map((a) => a.operation)).toEqual(["recordCrimeStatistics", "correctCrimeStatistics"]);
  });

  it("applies a table once: new, corrected and unchanged figures; the same table again changes nothing and leaves no audit entry", () => {
    const table = placed([
      { category: "all-crime", localLabel: "All Crime", count: 11258, period: ytd2019, source: figure1 },
      { category: "robbery", localLabel: "Robbery", count: 76, period: ytd2019, source: figure1 },
      { category: "hate-crime", localLabel: "Hate Crime", count: 40, period: ytd2019, source: figure1 },
    ]);
    const first = applyStatistics(
      database.db,
      actor,
      charnwood,
      "importCrimeStatistics",
      "unit.csv",
      table,
      new Checker("unit.csv"),
    );
    expect([first.additions.length, first.corrections.length, first.unchanged.length]).toEqual([1, 1, 1]);
    expect(first.corrections[0].stored.count).toBe(75);
    const again = applyStatistics(
      database.db,
      actor,
      charnwood,
      "importCrimeStatistics",
      "unit.csv",
      table,
      new Checker("unit.csv"),
    );
    expect([again.additions.length, again.corrections.length, again.unchanged.length]).toEqual([0, 0, 3]);
    expect(audit()).toHaveLength(1);
  });
});

describe("a partnership's figures, indexed", () => {
  it("links Figure 1's 11,258 and Figure 3's 10,844 for 1 April 2018 to 31 January 2019, and compares each with its own table's year before", () => {
    const rows = database.db
      .select()
      .from(t.crimeStatistics)
      .where(eq(t.crimeStatistics.categoryId, "all-crime"))
      .all();
    const periods = new Map(
      database.db
        .select()
        .from(t.periods)
        .all()
        .map((p) => [p.id, p]),
    );
    const index = indexFigures(rows, periods, (row) => row.areaId ?? "");
    const figure1Count = rows.find((r) => r.count === 11258)!;
    expect(index.differingFigures(figure1Count).map((r) => [r.count, r.sourceLocator])).toEqual([[10844, "Figure 3"]]);
    const change = index.change(figure1Count)!;
    expect([change.previous.count, change.difference]).toEqual([9993, 1265]);
    expect(change.percent).toBeCloseTo(12.66, 2);
  });
});
