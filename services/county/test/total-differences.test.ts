/**
 * Why a county total differs from the total printed for the county: corrected figures (their
 * count less the count first published) and figures from another table than the printed
 * total's (their count less the printed table's figure for the partnership).
 */
import { requirePartnership } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { totalDifferences } from "../src/analysis/total-differences";
import { FY2017, statistic } from "./fixtures";

const melton = requirePartnership("melton");
const blaby = requirePartnership("blaby");
const printed = {
  ...statistic("county:statistic-3", 41325, FY2017),
  source: { document: "002.txt", locator: "Figure 3" },
};
const corrected = (count: number, ...history: [number, number][]) => ({
  ...statistic("melton:statistic-3", count, FY2017),
  corrections: history.map(([previousCount, to]) => ({
    previousCount,
    count: to,
    correctedAt: "2026-12-04T23:00:00.000Z",
    source: null,
    note: null,
  })),
});

describe("a county total against the printed one", () => {
  it("is no difference when they agree", () => {
    expect(
      totalDifferences(
        41325,
        [{ partnership: melton, statistic: statistic("melton:statistic-3", 2799, FY2017), otherFigures: [] }],
        [printed],
      ),
    ).toEqual([]);
  });

  it("names a corrected figure with its part: the count less the count as first published (2,799 to 2,810 to 2,812: 13)", () => {
    const [difference] = totalDifferences(
      41338,
      [{ partnership: melton, statistic: corrected(2812, [2799, 2810], [2810, 2812]), otherFigures: [] }],
      [printed],
    );
    expect(difference).toMatchObject({ difference: 13, unexplained: 0 });
    expect(difference.explainedBy.map((f) => [f.partnership.code, f.reason, f.difference])).toEqual([
      ["melton", "CORRECTED", 13],
    ]);
  });

  it("names a figure from another table, against the printed table's figure for the partnership, and says what stays unexplained", () => {
    const added = {
      ...statistic("blaby:statistic-9", 6150, FY2017, "Table 2"),
      source: { document: "blaby-return.xlsx", locator: "Table 2" },
    };
    const printedBlaby = {
      ...statistic("blaby:statistic-3", 6139, FY2017),
      source: { document: "002.txt", locator: "Figure 3" },
    };
    const noCounterpart = {
      ...statistic("melton:statistic-9", 2805, FY2017),
      source: { document: "melton-return.xlsx", locator: "Sheet 1" },
    };
    const [difference] = totalDifferences(
      41325 + 11 + 6,
      [
        { partnership: blaby, statistic: added, otherFigures: [printedBlaby] },
        { partnership: melton, statistic: noCounterpart, otherFigures: [] },
      ],
      [printed],
    );
    expect(difference.explainedBy.map((f) => [f.partnership.code, f.reason, f.difference])).toEqual([
      ["blaby", "ADDED", 11],
      ["melton", "ADDED", null],
    ]);
    expect([difference.difference, difference.unexplained]).toEqual([17, 6]);
  });
});
