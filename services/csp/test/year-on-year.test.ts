/**
 * Year-on-year change through the index (one look-up per figure) on every partnership's seeded
 * figures, checked against the rule written out as a scan, and on 20,000 figures of one table.
 */
import { type ComparableFigure, indexFigures, precedesByOneYear } from "@csg/domain";
import { partnerships } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { ensureSeeded } from "../src/dataset/ensure-seeded";
import { openCspDatabase } from "../src/db/database";
import * as t from "../src/db/schema";
import type { PeriodRow, StatisticRow } from "../src/db/schema";

function seeded(code: string) {
  const database = openCspDatabase(":memory:");
  ensureSeeded(database.db, code);
  const rows = database.db.select().from(t.crimeStatistics).all();
  const periods = new Map(
    database.db
      .select()
      .from(t.periods)
      .all()
      .map((p) => [p.id, p]),
  );
  database.close();
  return { rows, periods };
}

/** The rule as a scan over every figure: the first figure of the same table and scope whose period is a year before. */
function scannedChange(row: StatisticRow, rows: StatisticRow[], periods: Map<string, PeriodRow>) {
  const describe = (r: StatisticRow): ComparableFigure => ({
    category: r.categoryId,
    scope: r.areaId ?? "",
    document: r.sourceDocument,
    locator: r.sourceLocator,
    count: r.count,
    period: periods.get(r.periodId)!,
  });
  const self = describe(row);
  const previous = rows.find((candidate) => {
    const other = describe(candidate);
    return (
      other.category === self.category &&
      other.scope === self.scope &&
      other.document === self.document &&
      other.locator === self.locator &&
      precedesByOneYear(other.period, self.period)
    );
  });
  return previous ? { previous: previous.id, difference: row.count - previous.count } : null;
}

describe("year-on-year change, indexed", () => {
  it("finds on every partnership's seeded figures exactly the changes the rule finds by scanning (137 in all)", () => {
    let changes = 0;
    for (const { code } of partnerships) {
      const { rows, periods } = seeded(code);
      const index = indexFigures(rows, periods, (row) => row.areaId ?? "");
      for (const row of rows) {
        const change = index.change(row);
        const indexed = change && { previous: change.previous.id, difference: change.difference };
        expect(indexed, `${code} ${row.categoryId} ${row.sourceLocator} ${periods.get(row.periodId)!.label}`).toEqual(
          scannedChange(row, rows, periods),
        );
        if (change) changes++;
      }
    }
    expect(changes).toBe(137);
  });

  it("gives the seeds' known changes: Blaby 6,139 on 5,210, Harborough 4,631 on 4,689, North West Leicestershire FY 2017 5,856 on 4,576", () => {
    const changeOf = (code: string, count: number) => {
      const { rows, periods } = seeded(code);
      const row = rows.find((r) => r.count === count && r.categoryId === "all-crime" && r.areaId === null)!;
      const change = indexFigures(rows, periods, (r) => r.areaId ?? "").change(row)!;
      return [
        change.previous.count,
        periods.get(change.previous.periodId)!.label,
        change.difference,
        Number(change.percent!.toFixed(2)),
      ];
    };
    expect(changeOf("blaby", 6139)).toEqual([5210, "2016/17", 929, 17.83]);
    expect(changeOf("harborough", 4631)).toEqual([4689, "Year 2018/19", -58, -1.24]);
    expect(changeOf("north-west-leicestershire", 5856)).toEqual([4576, "FY 2016", 1280, 27.97]);
  });

  it("links each of 20,000 figures of one table (the first 20 days of consecutive months) with the one a year before", () => {
    const periods = new Map<string, PeriodRow>();
    const rows: StatisticRow[] = [];
    for (let i = 0; i < 20_000; i++) {
      const month = new Date(Date.UTC(1990, i, 1)).toISOString().slice(0, 8);
      periods.set(`p${i}`, {
        id: `p${i}`,
        label: `${month}01 to 20`,
        start: `${month}01`,
        end: `${month}20`,
        basis: "PART_YEAR",
        note: null,
      });
      rows.push({
        id: i,
        areaId: null,
        categoryId: "all-crime",
        localLabel: "All crime",
        count: 1000 + 3 * i,
        periodId: `p${i}`,
        notes: [],
        sourceDocument: "made.csv",
        sourceLocator: "One table",
      });
    }
    const index = indexFigures(rows, periods, () => "");
    const linked = rows.map((row) => index.change(row));
    expect(linked.slice(0, 12).every((change) => change === null)).toBe(true);
    // Every later figure compares with the figure twelve months before it, and with no other.
    expect(
      linked.slice(12).every((change, i) => change !== null && change.previous === rows[i] && change.difference === 36),
    ).toBe(true);
  });
});
