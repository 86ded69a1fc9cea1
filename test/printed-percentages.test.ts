import { beforeAll, describe, expect, it } from "vitest";
import printed from "./fixtures/printed-percentages.json";
import {
  parsePrinted,
  publishedIn,
  roundedPercent,
  type ServedFigure,
  servedFigures,
  showPercent,
} from "./support/published-figures";
import { sharedSystem } from "./support/shared-system";

/**
 * Every percentage the documents print in a table (test/fixtures/printed-percentages.json)
 * is recomputed from the counts the API serves through the gateway and compared at the
 * printed precision. The API stores no percentage: it serves CrimeStatistic.change.
 */

interface Entry {
  row: string;
  column: string;
  category: string;
  from: string;
  to: string;
  printed: string;
  area?: string;
  partnership?: string;
  countyArea?: string;
}

interface Table {
  document: string;
  locator: string;
  of?: { partnership: string };
  compares: string;
  entries: Entry[];
}

const tables = printed.tables as Table[];

/**
 * Where a table's own arithmetic is off. Each case is the document's: the counts are
 * transcribed as printed (and checked in published-tables.test.ts); the API serves the
 * change computed from them, and the figure carries a note quoting the printed value.
 */
const TABLE_MISMATCHES = [
  // 717 to 751 is +4.74%: the figure prints +47.4%, the decimal point slipped one place.
  { locator: "Figure 2", row: "Beat 56", column: "All Crime", printed: "+47.4%", computed: "+4.7%" },
  // 127 to 123 is -3.1496%, -3.1% to one place; printed -3.2% (rounded twice, through -3.15).
  { locator: "Figure 2", row: "Beat 61", column: "Burglary - Residential", printed: "-3.2%", computed: "-3.1%" },
  // 667 to 827 is +23.988%, +24.0% to one place; printed +23.9% (cut off, not rounded).
  { locator: "Figure 2", row: "Beat 63", column: "All Crime", printed: "+23.9%", computed: "+24.0%" },
];

/** Where the documents' words state a change their own counts do not give. */
const TEXT_MISMATCHES = [
  // Charnwood, Priority 1: robbery fell from 90 to 75, 15 offences, not 14 (the -16.7% is right).
  { quote: "-16.7% reduction in Robbery (14 less offences)", printed: "-14", computed: "-15" },
  // Charnwood, after Figure 4: All Crime rose by 1265 (9993 to 11258), as the same report says two pages earlier.
  { quote: "and Harassment (793 of 1263 additional crimes).", printed: "+1263", computed: "+1265" },
  // Harborough, 2.6: 512 to 351 is -31.45%, -31.4% to one place.
  { quote: "Shoplifting decreased by 31.5%", printed: "-31.5%", computed: "-31.4%" },
];

const t = sharedSystem();
let figures: ServedFigure[];

beforeAll(async () => {
  figures = await servedFigures(t);
});

/** The one served count an entry speaks of: its owner, area, category, table and period label. */
function figureFor(
  table: { document: string; locator: string },
  who: { partnership?: string; countyArea?: string; area?: string; category: string },
  periodLabel: string,
): ServedFigure {
  const found = figures.filter(
    (f) =>
      (who.partnership ? f.partnership === who.partnership : f.countyArea === who.countyArea) &&
      f.area === (who.area ?? null) &&
      f.category.id === who.category &&
      f.period.label === periodLabel &&
      publishedIn(f, table),
  );
  expect(found, `${table.locator} ${JSON.stringify(who)} ${periodLabel}`).toHaveLength(1);
  return found[0];
}

function pairOf(table: Table, entry: Entry) {
  const who = { ...table.of, ...entry };
  return { from: figureFor(table, who, entry.from), to: figureFor(table, who, entry.to) };
}

describe("percentages printed in the documents' tables, recomputed from the served counts", () => {
  it("covers every table that prints a percentage, every printed cell", () => {
    expect(tables.map((table) => [table.locator, table.entries.length])).toEqual([
      // 000: 18 rows; no change for FY 2015, none for the two burglary rows before FY 2018.
      ["Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures", 18 * 4 - 2 * 2],
      ["Figure 1", 9],
      ["Figure 2", 10 * 4],
      ["Figure 3", 11 * 2],
      ["Appendix A", 9],
    ]);
  });

  it("agree at the printed precision, except the cases listed with their reasons", () => {
    const mismatches = [];
    for (const table of tables) {
      for (const entry of table.entries) {
        const { from, to } = pairOf(table, entry);
        const { scaled, places } = parsePrinted(entry.printed);
        const computed = roundedPercent(from.count, to.count, places);
        if (computed !== scaled) {
          mismatches.push({
            locator: table.locator,
            row: entry.row,
            column: entry.column,
            printed: entry.printed,
            computed: showPercent(computed, places),
          });
        }
      }
    }
    expect(mismatches).toEqual(TABLE_MISMATCHES);
  });

  it("are served as each figure's change on the year before, with the figure compared, at full precision", () => {
    let compared = 0;
    for (const table of tables.filter((table) => table.compares === "YEAR_ON_YEAR")) {
      for (const entry of table.entries) {
        const { from, to } = pairOf(table, entry);
        expect(to.change, `${table.locator} ${entry.row} ${entry.column}`).not.toBeNull();
        expect(to.change!.previous.id).toBe(from.id);
        expect(to.change!.difference).toBe(to.count - from.count);
        expect(to.change!.percent).toBeCloseTo(((to.count - from.count) / from.count) * 100, 10);
        compared++;
      }
    }
    expect(compared).toBe(68 + 9 + 40 + 9);
  });

  it("where a table's arithmetic is off, serve the value from the counts and say what was printed", () => {
    const beat = (name: string, category: string) =>
      figureFor(
        { document: "002_8e9c48eccd29813b.txt", locator: "Figure 2" },
        { partnership: "charnwood", area: name, category },
        "Crime as at 31 st Jan 2019",
      );
    const beat56 = beat("Beat 56", "all-crime");
    expect(beat56.change).toMatchObject({ difference: 34, previous: { count: 717 } });
    expect(beat56.change!.percent).toBeCloseTo(4.742, 3); // not 47.4
    expect(beat56.notes).toContain("Figure 2 prints +47.4% for this change; from the counts (717 to 751) it is +4.7%");
    expect(beat("Beat 61", "burglary-residential").change!.percent).toBeCloseTo(-3.1496, 4);
    expect(beat("Beat 61", "burglary-residential").notes.join(" ")).toContain("Figure 2 prints -3.2%");
    expect(beat("Beat 63", "all-crime").change!.percent).toBeCloseTo(23.988, 3);
    expect(beat("Beat 63", "all-crime").notes.join(" ")).toContain("Figure 2 prints +23.9%");
  });

  it("Figure 3's YTD and 2 year columns compare the 2018/19 projection with 2017/18 and 2016/17: computed here, never served as a change", () => {
    const figure3 = tables.find((table) => table.locator === "Figure 3")!;
    expect(figure3.compares).toBe("PROJECTED_VS_ACTUAL");
    for (const entry of figure3.entries) {
      const { from, to } = pairOf(figure3, entry);
      expect(to.period).toMatchObject({ label: "2018/19 Projected", basis: "PROJECTION" });
      expect(from.period.basis).toBe("FINANCIAL_YEAR");
      // The API compares a projection with nothing; the percentage above was computed in this test from the two served counts.
      expect(to.change).toBeNull();
    }
    // The one year-on-year comparison Figure 3 allows, 2016/17 to 2017/18, is served (Figure 3 prints no percentage for it).
    const charnwood = figureFor(
      { document: "002_8e9c48eccd29813b.txt", locator: "Figure 3" },
      { partnership: "charnwood", category: "all-crime" },
      "2017/18",
    );
    expect(charnwood.change).toMatchObject({
      difference: 12065 - 10674,
      previous: { count: 10674, period: { label: "2016/17" } },
    });
  });
});

describe("changes the documents' words state, recomputed from the served counts", () => {
  interface TextEntry {
    document: string;
    locator: string;
    quote: string;
    partnership: string;
    table: string;
    category: string;
    compares: string;
    from: string;
    to: string;
    percent?: string;
    difference?: number;
  }
  const text = printed.text as TextEntry[];

  it("agree, except the cases listed with their reasons, and the served figure notes each of those", () => {
    const mismatches = [];
    for (const entry of text) {
      const table = { document: "002_8e9c48eccd29813b.txt", locator: entry.table };
      if (entry.table === "Two year crime comparison") table.document = "004_8bb5bc87ec4dd763.txt";
      const from = figureFor(table, entry, entry.from);
      const to = figureFor(table, entry, entry.to);
      if (entry.percent !== undefined) {
        const { scaled, places } = parsePrinted(entry.percent);
        const computed = roundedPercent(from.count, to.count, places);
        if (computed !== scaled)
          mismatches.push({
            quote: entry.quote,
            printed: showPercent(scaled, places),
            computed: showPercent(computed, places),
          });
      } else {
        const computed = to.count - from.count;
        if (computed !== entry.difference) {
          const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
          mismatches.push({ quote: entry.quote, printed: signed(entry.difference!), computed: signed(computed) });
          expect(to.change?.difference).toBe(computed);
        }
      }
    }
    expect(mismatches).toEqual(TEXT_MISMATCHES);
    expect(text).toHaveLength(23);

    const note = (partnership: string, category: string, label: string) =>
      figures
        .find(
          (f) =>
            f.partnership === partnership && f.area === null && f.category.id === category && f.period.label === label,
        )!
        .notes.join(" ");
    expect(note("charnwood", "robbery", "Total Crime as at 31st January 2019")).toContain("(14 less offences)");
    expect(note("charnwood", "all-crime", "Total Crime as at 31st January 2019")).toContain(
      "793 of 1263 additional crimes",
    );
    expect(note("harborough", "shoplifting", "Year 2019/20")).toContain("Shoplifting decreased by 31.5%");
    expect(
      figures.find(
        (f) => f.partnership === "harborough" && f.category.id === "shoplifting" && f.period.label === "Year 2019/20",
      )!.change!.percent,
    ).toBeCloseTo(-31.445, 3);
  });
});
