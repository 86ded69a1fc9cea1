/**
 * The text rules every published text goes through (Checker.text): NUL and bidirectional
 * controls refused, naming the field (and the row and column of a CSV file); lengths in
 * characters as people count them; error messages that quote only a prefix of what was sent.
 */
import { Checker, checkStatisticFields, commandActor, under, ValidationError } from "@csg/domain";
import { requirePartnership } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { ensureSeeded } from "../src/dataset/ensure-seeded";
import { openCspDatabase } from "../src/db/database";
import * as t from "../src/db/schema";
import { checkPriorityFields } from "../src/rules/priority";
import { importStatistics } from "../src/spreadsheet/import";

const source = { document: "plan.pdf", locator: "Page 3" };

function problemsOf(run: (check: Checker) => void): string[] {
  const check = new Checker("createPriority");
  run(check);
  return check.issues.map((i) => `${i.where}: ${i.message}`);
}

const priorityTitled = (title: string) =>
  problemsOf((check) => checkPriorityFields(check, under("input"), { title, source }, true));

describe("text hygiene", () => {
  it("refuses NUL and every bidirectional control in a title, naming the field, the character and where it is", () => {
    expect(priorityTitled("Reduce\u0000 harm")).toEqual([
      "createPriority: input.title: holds a NUL character (U+0000 NUL) at character 7; such characters are not allowed in published text",
    ]);
    expect(priorityTitled("Tackle \u202eesuba citsemod")).toEqual([
      "createPriority: input.title: holds a bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) at character 8; such characters are not allowed in published text",
    ]);
    const controls = [
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200e",
      "\u200f",
      "\u061c",
    ];
    for (const control of controls)
      expect(priorityTitled(`Hate ${control}crime`), control.codePointAt(0)!.toString(16)).toHaveLength(1);
    // Positions count characters: an emoji before the control is one.
    expect(priorityTitled("😀\u2066x")[0]).toContain("at character 2;");
  });

  it("accepts right-to-left scripts, emoji joined with zero-width joiners, and tabs and line breaks", () => {
    expect(priorityTitled("مكافحة الجريمة")).toEqual([]);
    expect(priorityTitled("עבריינות נוער")).toEqual([]);
    expect(priorityTitled("Families 👨‍👩‍👧 first")).toEqual([]);
    expect(priorityTitled("Line one\nline\ttwo")).toEqual([]);
  });

  it("refuses them in a figure's label and notes and in a source, field by field", () => {
    const problems = problemsOf((check) =>
      checkStatisticFields(check, under("statistics[0]"), {
        category: "all-crime",
        localLabel: "All\u200f crime",
        count: 1,
        source: { document: "a\u0000.pdf", locator: "Table 1" },
        notes: ["fine", "not \u2067fine"],
      }),
    );
    expect(problems.map((p) => p.split(": holds")[0])).toEqual([
      "createPriority: statistics[0].localLabel",
      "createPriority: statistics[0].source.document",
      "createPriority: statistics[0].notes[1]",
    ]);
  });

  it("counts characters as people do: 300 emoji are 300 characters, a label's limit", () => {
    const label = (text: string) =>
      problemsOf((check) =>
        checkStatisticFields(check, under("s"), { category: "all-crime", localLabel: text, count: 1, source }),
      );
    expect(label("🚲".repeat(300))).toEqual([]);
    expect(label("🚲".repeat(301))).toEqual([
      "createPriority: s.localLabel: is 301 characters long; at most 300 are allowed",
    ]);
    expect(label("x".repeat(301))).toEqual([
      "createPriority: s.localLabel: is 301 characters long; at most 300 are allowed",
    ]);
    expect(priorityTitled("🏠".repeat(2000))).toEqual([]);
    expect(priorityTitled("🏠".repeat(2001))).toEqual([
      "createPriority: input.title: is 2001 characters long; at most 2000 are allowed",
    ]);
  });

  it("quotes at most the first 40 characters of what was sent", () => {
    const category = `x${"y".repeat(1500)}`;
    const [problem] = problemsOf((check) =>
      checkStatisticFields(check, under("s"), { category, localLabel: "L", count: 1, source }),
    );
    expect(problem).toBe(
      `createPriority: s.category: unknown crime category "x${"y".repeat(39)}"... (1501 characters in all)`,
    );
    const [count] = problemsOf((check) => check.count("count", "9".repeat(5000)));
    expect(count).toBe(
      `createPriority: count: must be a whole number, got "${"9".repeat(40)}"... (5000 characters in all)`,
    );
  });
});

describe("text hygiene in a CSV import", () => {
  it("refuses a bidirectional control in a label and a NUL in a period label, naming row and column, and writes nothing", () => {
    const database = openCspDatabase(":memory:");
    ensureSeeded(database.db, "blaby");
    const before = database.db.select().from(t.crimeStatistics).all().length;
    const csv = [
      "document,,made.csv",
      "locator,,Table 1",
      "title,,A made-up table",
      "publisher,,A test",
      "published,,2019-06-01",
      'category,local_label,"FY 2019\u0000 (2018-04-01..2019-03-31, FINANCIAL_YEAR)"',
      "all-crime,All crime,100",
      "robbery,Robbery \u202eyrebbor,5",
    ].join("\n");
    let problems: string[] = [];
    try {
      importStatistics(database.db, requirePartnership("blaby"), "made.csv", csv, {
        dryRun: false,
        actor: commandActor("test"),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems = error.issues.map((i) => `${i.where}: ${i.message.split(";")[0]}`);
    }
    expect(problems).toEqual([
      `made.csv: row 6, column "FY 2019\u0000": holds a NUL character (U+0000 NUL) at character 8`,
    ]);
    const fixedHeader = csv.replace("FY 2019\u0000", "FY 2019");
    try {
      importStatistics(database.db, requirePartnership("blaby"), "made.csv", fixedHeader, {
        dryRun: false,
        actor: commandActor("test"),
      });
      problems = [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems = error.issues.map((i) => `${i.where}: ${i.message.split(";")[0]}`);
    }
    expect(problems).toEqual([
      `made.csv: row 8, column "local_label": holds a bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) at character 9`,
    ]);
    expect(database.db.select().from(t.crimeStatistics).all()).toHaveLength(before);
    database.close();
  });
});
