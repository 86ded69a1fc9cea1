import { describe, expect, it } from "vitest";
import { datesAYearBefore, spansAYearBefore, yearLater } from "../src/periods";

describe("the spans a year before a period (what a county total reads for its change)", () => {
  it("are the spans yearLater maps onto the period, and no others", () => {
    expect(spansAYearBefore({ start: "2017-04-01", end: "2018-03-31" })).toEqual([
      { start: "2016-04-01", end: "2017-03-31" },
    ]);
    // 1 March follows both 1 March and 29 February of a leap year (yearLater rolls 29 February on).
    expect(datesAYearBefore("2017-03-01")).toEqual(["2016-03-01", "2016-02-29"]);
    // No date is a year before 29 February: yearLater never lands on it.
    expect(datesAYearBefore("2020-02-29")).toEqual([]);
    expect(spansAYearBefore({ start: "2019-03-01", end: "2020-02-29" })).toEqual([]);
    for (const date of ["2018-12-31", "2021-02-28", "2024-03-01"]) {
      for (const before of datesAYearBefore(date)) expect(yearLater(before)).toBe(date);
    }
  });
});
