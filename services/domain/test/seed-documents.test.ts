/**
 * The seed documents' titles, publishers and dates (schema/sources/documents.json) against
 * their front pages. The printed words below were read off each front page: the served title
 * and publisher must contain them and the date must be the one printed (none where the front
 * page prints none), in every clone. The seed documents themselves are not part of the
 * project: where a maintainer names their folder (CSG_SEED_DOCUMENTS), the words are also
 * checked against the documents' first 40 lines; that part is skipped, saying why, elsewhere.
 */
import { seedDocuments } from "@csg/schema";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const seeds = process.env.CSG_SEED_DOCUMENTS ?? "";
const present = seeds !== "" && existsSync(seeds);

/** What each front page prints (its first 40 lines). */
const FRONT_PAGES = [
  {
    document: "000_b7c152d5842baba3.txt",
    title: ["Community Safety Partnership Plan 2020-2023"],
    publisher: "Safer North West Leicestershire Partnership",
    date: null,
  },
  {
    document: "001_8673ceba529ca673.txt",
    title: [
      "Leicester Community Safety Partnership Plan",
      "April 2018 – March 2021",
      "(Refresh April 2019 – March 2020)",
    ],
    publisher: "Safer Leicester Partnership",
    date: null,
  },
  {
    document: "002_8e9c48eccd29813b.txt",
    title: ["CRIME AND DISORDER REDUCTION AND COMMUNITY SAFETY", "ITEM 7"],
    publisher: "SCRUTINY MANAGEMENT BOARD",
    date: "6TH MARCH 2019",
  },
  {
    document: "003_12ca9908c6eccfe4.txt",
    title: ["Community Safety Strategy", "2019-2021"],
    publisher: "Leicestershire County Council",
    date: null,
  },
  {
    document: "004_8bb5bc87ec4dd763.txt",
    title: ["Community Safety Partnership – Annual Review"],
    publisher: "Harborough District Council",
    date: "29th October 2020",
  },
];

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const PRINTED_DATE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS.join("|")})\\s+(\\d{4})\\b`, "i");

/** Case, spacing, dashes and markdown emphasis as printed do not matter. */
const normal = (text: string) =>
  text.replace(/\*\*/g, "").replace(/[–—]/g, "-").replace(/\s+/g, " ").trim().toLowerCase();

function isoOf(printed: string): string {
  const [, day, month, year] = PRINTED_DATE.exec(printed)!;
  return `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

describe("the seed documents as documents.json describes them", () => {
  it("names each front page's document once", () => {
    expect(seedDocuments.map((d) => d.document).sort()).toEqual(FRONT_PAGES.map((p) => p.document).sort());
  });

  for (const page of FRONT_PAGES) {
    it(`${page.document}: title, publisher and date as its front page prints them`, () => {
      const entry = seedDocuments.find((d) => d.document === page.document)!;
      for (const words of page.title) expect(normal(entry.title)).toContain(normal(words));
      expect(normal(entry.publisher)).toContain(normal(page.publisher));
      expect(entry.published).toBe(page.date ? isoOf(page.date) : null);
    });
  }
});

describe.skipIf(!present)(
  `the front pages' words in the seed documents${present ? "" : ` (skipped: ${seeds ? `no folder ${seeds}` : "CSG_SEED_DOCUMENTS names no folder of the seed documents"})`}`,
  () => {
    it("the folder holds exactly the documents described", () => {
      const files = readdirSync(seeds)
        .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
        .sort();
      expect(FRONT_PAGES.map((p) => p.document)).toEqual(files);
    });

    for (const page of FRONT_PAGES) {
      it(`${page.document}: its first 40 lines print the words above`, () => {
        const front = normal(readFileSync(join(seeds, page.document), "utf8").split("\n").slice(0, 40).join("\n"));
        for (const words of page.title) expect(front).toContain(normal(words));
        expect(front).toContain(normal(page.publisher));
        if (page.date) expect(front).toContain(normal(page.date));
        else expect(front).not.toMatch(PRINTED_DATE);
      });
    }
  },
);
