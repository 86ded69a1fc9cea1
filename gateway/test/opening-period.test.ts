/**
 * The period the overview's county totals open on (pages/src/periods.ts): the latest
 * whole financial year every member published, found among the periods the data hold.
 */
import { describe, expect, it } from "vitest";
import { type PeriodChoice, isCompleteFinancialYear, openingPeriod } from "@csg/pages/periods";

const choice = (start: string, end: string, basis: string, partnerships: number): PeriodChoice => ({
  key: `${start}/${end}`,
  label: start.slice(0, 4),
  start,
  end,
  basis,
  partnerships,
});

// The seed data's all-crime periods, latest first, as recordedPeriods gives them.
const seedPeriods = [
  choice("2018-04-01", "2019-01-31", "YEAR_TO_DATE", 7),
  choice("2017-04-01", "2018-01-31", "YEAR_TO_DATE", 1),
  choice("2017-04-01", "2018-03-31", "FINANCIAL_YEAR", 7),
  choice("2016-04-01", "2017-03-31", "FINANCIAL_YEAR", 7),
];

describe("the overview's opening period", () => {
  it("is the latest whole financial year all members published, not a later year to date", () => {
    expect(openingPeriod(seedPeriods, 7)?.key).toBe("2017-04-01/2018-03-31");
  });

  it("moves to a later year only once every member has published it", () => {
    const sixOfSeven = [choice("2018-04-01", "2019-03-31", "FINANCIAL_YEAR", 6), ...seedPeriods];
    expect(openingPeriod(sixOfSeven, 7)?.key).toBe("2017-04-01/2018-03-31");
    const allSeven = [choice("2018-04-01", "2019-03-31", "FINANCIAL_YEAR", 7), ...seedPeriods];
    expect(openingPeriod(allSeven, 7)?.key).toBe("2018-04-01/2019-03-31");
  });

  it("with a member missing from every year (its service down): the latest year most published", () => {
    const oneDown = seedPeriods.map((p) => ({ ...p, partnerships: Math.min(p.partnerships, 6) }));
    expect(openingPeriod(oneDown, 7)?.key).toBe("2017-04-01/2018-03-31");
  });

  it("with no financial year at all: the period most published, the latest of those", () => {
    const rolling = [
      choice("2018-10-01", "2019-09-30", "ROLLING_12_MONTHS", 2),
      choice("2017-10-01", "2018-09-30", "ROLLING_12_MONTHS", 3),
    ];
    expect(openingPeriod(rolling, 7)?.key).toBe("2017-10-01/2018-09-30");
    expect(openingPeriod([], 7)).toBeUndefined();
  });

  it("counts only 1 April to 31 March of the next year as a whole financial year", () => {
    expect(isCompleteFinancialYear({ start: "2017-04-01", end: "2018-03-31", basis: "FINANCIAL_YEAR" })).toBe(true);
    expect(isCompleteFinancialYear({ start: "2018-04-01", end: "2019-01-31", basis: "FINANCIAL_YEAR" })).toBe(false);
    expect(isCompleteFinancialYear({ start: "2017-04-01", end: "2019-03-31", basis: "FINANCIAL_YEAR" })).toBe(false);
    expect(isCompleteFinancialYear({ start: "2017-04-01", end: "2018-03-31", basis: "ROLLING_12_MONTHS" })).toBe(false);
  });
});
