/**
 * The subgraphs' bounds on what one argument can make them do, through the gateway: the
 * issue's search of 450,000 words and of one 100,000-character word, lists and strings over
 * their documented bounds, and text with NUL or bidirectional controls. Each refusal is
 * BAD_USER_INPUT naming the argument and the limit, quotes at most a short prefix of what was
 * sent, and comes within a stated bound while the county keeps answering; no process restarts.
 */
import { issueToken } from "@csg/operator/tokens";
import { mutationNamespace, requirePartnership } from "@csg/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

/** Every refusal here answers within this (generous on a loaded machine; the issue's search froze the county for 40 s). */
const REFUSED_WITHIN_MS = 10_000;

let t: TestSystem;
let token: string;
const charnwood = mutationNamespace(requirePartnership("charnwood")).field;

beforeAll(async () => {
  t = await startTestSystem();
  token = issueToken(t.dataDir, "charnwood", "Charnwood officer (bounds test)").token;
}, 300_000);
afterAll(async () => {
  await t?.stop();
});

/** Posts to the gateway, returning the answer, its size and how long it took. */
async function ask(query: string, variables?: Record<string, unknown>, bearer?: string) {
  const started = Date.now();
  const response = await fetch(t.system.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    ms: Date.now() - started,
    bytes: text.length,
    ...(JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }),
  };
}

const SEARCH = `query($text: String) { county { prioritySearch(text: $text) { matches { priority { title } } } } }`;
const TOTALS = `{ county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") { total } } }`;

describe("prioritySearch(text:)", () => {
  it("refuses 450,000 words at once, naming the argument and the limit, while the county's other reads answer", async () => {
    const words = "a ".repeat(450_000); // 900 KB: inside the gateway's 1 MB body
    const [search, totals] = await Promise.all([ask(SEARCH, { text: words }), ask(TOTALS)]);
    expect(search.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "text",
      limit: { name: "maxArgumentCharacters", value: 10_000 },
    });
    expect(search.errors![0].message).toMatch(
      /^County\.prioritySearch\(text\): is 900000 characters long; at most 10000 are allowed/,
    );
    expect(search.ms).toBeLessThan(REFUSED_WITHIN_MS);
    expect(search.bytes).toBeLessThan(2000);
    expect(totals.errors).toBeUndefined();
    expect(totals.data.county.crimeTotals.total).toBe(41_325); // Figure 3's county row for 2017/18
  });

  it("refuses one word of 100,000 characters without echoing it (it was an Invalid regular expression, echoed whole)", async () => {
    const { errors, ms, bytes } = await ask(SEARCH, { text: "(".repeat(100_000) });
    expect(errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "text",
      limit: { name: "maxArgumentCharacters" },
    });
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
    expect(bytes).toBeLessThan(2000);
  });

  it("takes at most 200 characters and 20 words, and reads brackets as text", async () => {
    const long = await ask(SEARCH, { text: "a".repeat(201) });
    expect(long.errors![0]).toMatchObject({
      message: "prioritySearch(text): is 201 characters long; a search takes at most 200",
      extensions: { code: "BAD_USER_INPUT", argument: "text", limit: { name: "maxSearchCharacters", value: 200 } },
    });
    const many = await ask(SEARCH, { text: Array(21).fill("abuse").join(" ") });
    expect(many.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "text",
      limit: { name: "maxSearchWords", value: 20 },
    });
    const brackets = await ask(SEARCH, { text: "(domestic [abuse" });
    expect(brackets.errors).toBeUndefined();
    expect(brackets.data.county.prioritySearch.matches).toEqual([]);
    const words = await ask(SEARCH, { text: "domestic abuse" });
    expect(words.data.county.prioritySearch.matches.length).toBeGreaterThan(0);
  });
});

describe("lists and strings of any argument", () => {
  // Short strings: 5,001 of them stay inside the gateway's 1 MB body.
  const figure = {
    category: "robbery",
    localLabel: "R",
    count: 1,
    period: { label: "p", start: "2019-01-01", end: "2019-12-31", basis: "PART_YEAR" },
    source: { document: "bounds.csv", locator: "T" },
  };
  // A document not seen before is described once, by the first figure that cites it.
  const described = { ...figure, source: { ...figure.source, title: "A made-up table", publisher: "A test" } };
  const RECORD = `mutation($statistics: [CrimeStatisticInput!]!) { ${charnwood} { recordCrimeStatistics(statistics: $statistics) { id } } }`;

  it("refuses a list of 5,001 figures before anything runs, naming the argument and the limit", async () => {
    const { errors, ms } = await ask(RECORD, { statistics: [described, ...Array(5000).fill(figure)] }, token);
    expect(errors![0].message).toContain(
      "recordCrimeStatistics(statistics): has 5001 items; at most 5000 are allowed in one list",
    );
    expect(errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "statistics",
      limit: { name: "maxArgumentListItems", value: 5000 },
    });
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
  });

  it("refuses a list nested in an input, and a string of 20,000 characters, by their path", async () => {
    const notes = await ask(RECORD, { statistics: [{ ...described, notes: Array(6000).fill("n") }] }, token);
    expect(notes.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "statistics[0].notes",
      limit: { name: "maxArgumentListItems" },
    });
    const label = await ask(RECORD, { statistics: [{ ...described, localLabel: "x".repeat(20_000) }] }, token);
    expect(label.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "statistics[0].localLabel",
      limit: { name: "maxArgumentCharacters", value: 10_000 },
    });
    expect(label.bytes).toBeLessThan(2000);
    // Nothing was recorded.
    const { data } = await ask(
      `{ partnership(code: "charnwood") { crimeStatistics(category: "robbery") { source { document } } } }`,
    );
    expect(data.partnership.crimeStatistics.filter((s: any) => s.source.document === "bounds.csv")).toEqual([]);
  });

  it("lists at most 100 of the problems of 1,000 bad figures, saying how many there were, and writes nothing", async () => {
    const statistics = Array.from({ length: 1000 }, (_, i) => ({
      ...(i ? figure : described),
      count: -1,
      period: { ...figure.period, label: `p${i}` },
    }));
    const { errors, bytes } = await ask(RECORD, { statistics }, token);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", problemCount: 1000 });
    expect(errors![0].extensions!.problems).toHaveLength(100);
    expect(errors![0].extensions!.problems[99]).toEqual({
      field: "statistics[99].count",
      message: "must not be negative, got -1",
    });
    // The gateway cuts any message at 1,000 characters: the count comes first.
    expect(errors![0].message).toMatch(/^1000 problems, the first 100 listed:\n/);
    expect(errors![0].message.length).toBeLessThan(1100);
    expect(bytes).toBeLessThan(20_000);
  });

  it("quotes at most 40 characters of an unknown category of 5,000", async () => {
    const { errors, bytes } = await ask(
      `query($c: ID!) { county { crimeTotals(category: $c, start: "2017-04-01", end: "2018-03-31") { total } } }`,
      { c: "z".repeat(5000) },
    );
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "category" });
    expect(errors![0].message).toContain(`unknown crime category "${"z".repeat(40)}"... (5000 characters in all)`);
    expect(bytes).toBeLessThan(3000);
  });
});

describe("text hygiene through the API", () => {
  it("refuses a title with a right-to-left override and a label with NUL, naming each field, and writes nothing", async () => {
    const source = { document: "bounds.pdf", locator: "Page 1", title: "A made-up report", publisher: "A test" };
    const priority = await ask(
      `mutation($input: PriorityInput!) { ${charnwood} { createPriority(input: $input) { id } } }`,
      { input: { plan: "charnwood:priorities-2019-20", title: "Tackle \u202eesuba citsemod", source } },
      token,
    );
    expect(priority.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(priority.errors![0].extensions!.problems).toEqual([
      {
        field: "input.title",
        message:
          "holds a bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE) at character 8; such characters are not allowed in published text",
      },
    ]);
    const label = await ask(
      `mutation($statistics: [CrimeStatisticInput!]!) { ${charnwood} { recordCrimeStatistics(statistics: $statistics) { id } } }`,
      {
        statistics: [
          {
            category: "robbery",
            localLabel: "Rob\u0000bery",
            count: 3,
            period: { label: "2019", start: "2019-01-01", end: "2019-12-31", basis: "PART_YEAR" },
            source,
          },
        ],
      },
      token,
    );
    expect(label.errors![0].extensions!.problems).toEqual([
      {
        field: "statistics[0].localLabel",
        message: "holds a NUL character (U+0000 NUL) at character 4; such characters are not allowed in published text",
      },
    ]);
    const { data } = await ask(
      `{ partnership(code: "charnwood") { priorities { title } crimeStatistics(category: "robbery") { localLabel } } }`,
    );
    expect(data.partnership.priorities.map((p: any) => p.title)).not.toContain("Tackle \u202eesuba citsemod");
    expect(data.partnership.crimeStatistics.map((s: any) => s.localLabel)).not.toContain("Rob\u0000bery");
  });

  it("counts a label of 300 emoji as 300 characters (its limit) and stores it whole", async () => {
    const localLabel = "🚲".repeat(300);
    const { data, errors } = await ask(
      `mutation($statistics: [CrimeStatisticInput!]!) { ${charnwood} { recordCrimeStatistics(statistics: $statistics) { localLabel } } }`,
      {
        statistics: [
          {
            category: "cycle-theft",
            localLabel,
            count: 12,
            period: { label: "2019", start: "2019-01-01", end: "2019-12-31", basis: "PART_YEAR" },
            source: { document: "bounds.csv", locator: "Emoji", title: "A made-up table", publisher: "A test" },
          },
        ],
      },
      token,
    );
    expect(errors).toBeUndefined();
    expect([...data[charnwood].recordCrimeStatistics[0].localLabel]).toHaveLength(300);
    const over = await ask(
      `mutation($statistics: [CrimeStatisticInput!]!) { ${charnwood} { recordCrimeStatistics(statistics: $statistics) { id } } }`,
      {
        statistics: [
          {
            category: "cycle-theft",
            localLabel: `${localLabel}🚲`,
            count: 12,
            period: { label: "2018", start: "2018-01-01", end: "2018-12-31", basis: "PART_YEAR" },
            source: { document: "bounds.csv", locator: "Emoji", title: "A made-up table", publisher: "A test" },
          },
        ],
      },
      token,
    );
    expect(over.errors![0].extensions!.problems).toEqual([
      { field: "statistics[0].localLabel", message: "is 301 characters long; at most 300 are allowed" },
    ]);
  });
});

describe("afterwards", () => {
  it("no process restarted and every subgraph is up", async () => {
    const health = await (await fetch(t.system.gateway.healthUrl)).json();
    expect(health.subgraphs.map((s: any) => [s.name, s.status, s.process?.restarts ?? 0])).toEqual(
      t.system.topology.all.map((s) => [s.name, "up", 0]),
    );
  });
});
