import { requirePartnership } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { chooseSeries } from "../src/analysis/crime-series";
import { crimeTotal } from "../src/analysis/crime-totals";
import { partnershipPopulation, populationYearFor, ratePer1000 } from "../src/analysis/population-year";

import { comparableStatistic } from "../src/analysis/comparable-statistic";

import { FY2016, FY2017, statistic } from "./fixtures";
import { yearOnYearChange } from "@csg/domain";
import type { PopulationRow } from "../src/db/schema";

const blaby = requirePartnership("blaby");
const charnwood = requirePartnership("charnwood");
const melton = requirePartnership("melton");
const ALL_CRIME_2017 = { category: "all-crime", ...FY2017 };

describe("choosing one series for a county total", () => {
  it("uses the one table that covers every partnership, even where a partnership's own table differs", () => {
    const series = chooseSeries(
      [
        { partnership: blaby, statistics: [statistic("b3", 6139, FY2017)] },
        {
          partnership: charnwood,
          statistics: [statistic("c1", 12100, FY2017, "Figure 1"), statistic("c3", 12065, FY2017)],
        },
      ],
      ALL_CRIME_2017,
    );
    expect(series.chosen.map((c) => [c.partnership.code, c.statistic.id, c.otherFigures.map((o) => o.id)])).toEqual([
      ["blaby", "b3", []],
      ["charnwood", "c3", ["c1"]],
    ]);
    expect(series.sources).toEqual([{ document: "002.txt", locator: "Figure 3" }]);
  });

  it("says which tables were used when no one table covers every partnership", () => {
    const series = chooseSeries(
      [
        { partnership: blaby, statistics: [statistic("b3", 6139, FY2017)] },
        { partnership: charnwood, statistics: [statistic("c1", 12100, FY2017, "Figure 1")] },
      ],
      ALL_CRIME_2017,
    );
    expect(series.chosen.map((c) => c.statistic.id)).toEqual(["b3", "c1"]);
    expect(series.sources.map((s) => s.locator)).toEqual(["Figure 1", "Figure 3"]);
  });

  it("never counts a projection, another period or another category", () => {
    const series = chooseSeries(
      [
        { partnership: blaby, statistics: [statistic("b-proj", 7000, { ...FY2017, basis: "PROJECTION" })] },
        {
          partnership: charnwood,
          statistics: [
            statistic("c-ytd", 9993, { start: "2017-04-01", end: "2018-01-31", basis: "YEAR_TO_DATE" }),
            statistic("c-asb", 5, FY2017, "Figure 3", "asb"),
          ],
        },
        { partnership: melton, statistics: null },
      ],
      ALL_CRIME_2017,
    );
    expect(series.chosen).toEqual([]);
    expect(series.missing.map((m) => [m.partnership.code, m.reason, m.projections.map((p) => p.id)])).toEqual([
      ["blaby", "PROJECTION_ONLY", ["b-proj"]],
      ["charnwood", "NOT_PUBLISHED", []],
      ["melton", "UNAVAILABLE", []],
    ]);
  });
});

describe("a county total", () => {
  it("sums the series, ranks by count and by rate (1 = highest) and compares with the same table a year earlier", () => {
    const total = crimeTotal(
      [
        { partnership: blaby, statistics: [statistic("b17", 6139, FY2017), statistic("b16", 5210, FY2016)] },
        { partnership: charnwood, statistics: [statistic("c17", 12065, FY2017), statistic("c16", 10674, FY2016)] },
        {
          partnership: melton,
          statistics: [statistic("m17", 2799, FY2017), statistic("m16", 2353, FY2016, "Another table")],
        },
      ],
      ALL_CRIME_2017,
      (figure) =>
        ({
          blaby: { year: 2015, count: 96500, source: "ONS" },
          charnwood: { year: 2015, count: 176700, source: "ONS" },
        })[figure.partnership.code] ?? null,
      { year: 2015, count: 675300, source: "ONS" },
    );
    expect(total.total).toBe(6139 + 12065 + 2799);
    expect(total.complete).toBe(true);
    expect(
      total.figures.map((f) => [f.partnership.code, f.rank, f.ratePer1000, f.rateRank, f.change?.difference ?? null]),
    ).toEqual([
      ["blaby", 2, 63.62, 2, 929],
      ["charnwood", 1, 68.28, 1, 1391],
      // Melton has no population here, so no rate; its 2016/17 figure is from another table, so no change.
      ["melton", 3, null, null, null],
    ]);
    // The county's change needs every partnership's comparable figure.
    expect(total.change).toBeNull();
    expect(total.ratePer1000).toBe(31.1); // 21,003 / 675,300 x 1,000
  });

  it("gives the county's change when every figure has its comparable one, and shares ranks between equal counts", () => {
    const total = crimeTotal(
      [
        { partnership: blaby, statistics: [statistic("b17", 100, FY2017), statistic("b16", 80, FY2016)] },
        { partnership: charnwood, statistics: [statistic("c17", 100, FY2017), statistic("c16", 120, FY2016)] },
      ],
      ALL_CRIME_2017,
      () => null,
      null,
    );
    expect(total.figures.map((f) => f.rank)).toEqual([1, 1]);
    expect(total.change).toMatchObject({
      previousTotal: 200,
      difference: 0,
      percent: 0,
      previousPeriod: { start: "2016-04-01" },
    });
  });

  it("is incomplete, with a partial sum and no county rate or change, when a partnership is missing", () => {
    const total = crimeTotal(
      [
        { partnership: blaby, statistics: [statistic("b17", 6139, FY2017), statistic("b16", 5210, FY2016)] },
        { partnership: melton, statistics: null },
      ],
      ALL_CRIME_2017,
      () => null,
      { year: 2015, count: 675300, source: "ONS" },
    );
    expect(total).toMatchObject({ total: 6139, complete: false, ratePer1000: null, population: null, change: null });
    expect(total.missing.map((m) => m.partnership.code)).toEqual(["melton"]);
  });

  it("has no total when no partnership published the period", () => {
    const total = crimeTotal([{ partnership: blaby, statistics: [] }], ALL_CRIME_2017, () => null, null);
    expect(total).toMatchObject({ total: null, complete: false });
  });
});

describe("year on year", () => {
  it("compares only with the same table's figure for the same span a year earlier, never a projection", () => {
    const figure = statistic("c17", 12065, FY2017);
    const change = (candidates: ReturnType<typeof statistic>[], of = figure) =>
      yearOnYearChange(of, candidates, comparableStatistic);
    expect(change([statistic("c16-other", 1, FY2016, "Figure 1"), statistic("c16", 10674, FY2016)])?.previous.id).toBe(
      "c16",
    );
    expect(change([statistic("c16", 10674, { ...FY2016, basis: "YEAR_TO_DATE" })])).toBeNull();
    const projection = statistic("p18", 1, { start: "2018-04-01", end: "2019-03-31", basis: "PROJECTION" });
    expect(change([figure], projection)).toBeNull();
  });
});

describe("populations for rates", () => {
  const row = (onsCode: string, year: number, population: number): PopulationRow =>
    ({ id: 0, onsCode, name: "", kind: "district", year, population, source: `ONS ${year}` }) as PopulationRow;
  const rows = new Map([["E07000130", [row("E07000130", 2015, 176700), row("E07000130", 2020, 187556)]]]);

  it("uses the year of the period's midpoint, and the nearest year available (the earlier on a tie)", () => {
    expect(populationYearFor("2017-04-01", "2018-03-31")).toBe(2017);
    expect(populationYearFor("2018-04-01", "2019-01-31")).toBe(2018);
    expect(partnershipPopulation(charnwood, rows, 2017)).toEqual({ year: 2015, count: 176700, source: "ONS 2015" });
    expect(partnershipPopulation(charnwood, rows, 2018)).toEqual({ year: 2020, count: 187556, source: "ONS 2020" });
    expect(partnershipPopulation(blaby, rows, 2017)).toBeNull();
  });

  it("gives crimes per 1,000 residents to two decimal places", () => {
    expect(ratePer1000(12065, 176700)).toBe(68.28);
  });
});
