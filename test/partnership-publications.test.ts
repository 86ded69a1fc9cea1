import { beforeAll, describe, expect, it } from "vitest";
import { sharedSystem } from "./support/shared-system";

/**
 * Through the gateway, each of the nine partnerships answers with what the documents hold
 * for it, and with an empty list (never an error or null) where they publish nothing.
 */

const SOURCE = "source { document locator }";
const EVERYTHING = `
  code
  priorities { id title ${SOURCE} focusAreas { text ${SOURCE} } }
  currentPriorities { id }
  plans { id ${SOURCE} themes { title ${SOURCE} } priorities { id } }
  crimeStatistics { id count ${SOURCE} }
  areas { id ${SOURCE} crimeStatistics { id ${SOURCE} } }
  targets { id ${SOURCE} }
  funding { id ${SOURCE} allocations { purpose ${SOURCE} } }
  partners { name ${SOURCE} }
  familyGroups { name membersSource { document locator } positions { localLabel ${SOURCE} } }
  rateTables { id ${SOURCE} rows { name ${SOURCE} } }
`;

const DOCUMENTS = [
  "000_b7c152d5842baba3.txt",
  "001_8673ceba529ca673.txt",
  "002_8e9c48eccd29813b.txt",
  "003_12ca9908c6eccfe4.txt",
  "004_8bb5bc87ec4dd763.txt",
];
const FIELDS = [
  "priorities",
  "currentPriorities",
  "plans",
  "crimeStatistics",
  "areas",
  "targets",
  "funding",
  "partners",
  "familyGroups",
  "rateTables",
] as const;

/** Only Figure 3 of 002 names these five: four counts each, nothing else. */
const FIGURE_3_ONLY = {
  priorities: 0,
  currentPriorities: 0,
  plans: 0,
  crimeStatistics: 4,
  areas: 0,
  targets: 0,
  funding: 0,
  partners: 0,
  familyGroups: 0,
  rateTables: 0,
};

const EXPECTED: Record<string, { counts: Record<(typeof FIELDS)[number], number>; documents: string[] }> = {
  blaby: { counts: FIGURE_3_ONLY, documents: ["002_8e9c48eccd29813b.txt"] },
  charnwood: {
    // 8 priorities for 2018/19 and 5 for 2019/20; Figure 1's 18 counts and Figure 3's 4; 10 beats; 9 targets; the PCC funding; no partners named.
    counts: {
      priorities: 13,
      currentPriorities: 5,
      plans: 2,
      crimeStatistics: 22,
      areas: 10,
      targets: 9,
      funding: 1,
      partners: 0,
      familyGroups: 1,
      rateTables: 0,
    },
    documents: ["002_8e9c48eccd29813b.txt"],
  },
  harborough: {
    // 5 aims + 3 cross-cutting for 2019/20, People/Places/Property + 3 cross-cutting for 2020-2023; 11 x 2 counts and Figure 3's 4.
    counts: {
      priorities: 14,
      currentPriorities: 6,
      plans: 2,
      crimeStatistics: 26,
      areas: 0,
      targets: 0,
      funding: 1,
      partners: 5,
      familyGroups: 0,
      rateTables: 0,
    },
    documents: ["002_8e9c48eccd29813b.txt", "004_8bb5bc87ec4dd763.txt"],
  },
  "hinckley-and-bosworth": { counts: FIGURE_3_ONLY, documents: ["002_8e9c48eccd29813b.txt"] },
  melton: { counts: FIGURE_3_ONLY, documents: ["002_8e9c48eccd29813b.txt"] },
  "north-west-leicestershire": {
    // The two mandatory priorities; 86 headline counts and Figure 3's 4; 9 partner agencies.
    counts: {
      priorities: 2,
      currentPriorities: 2,
      plans: 1,
      crimeStatistics: 90,
      areas: 0,
      targets: 0,
      funding: 0,
      partners: 9,
      familyGroups: 0,
      rateTables: 0,
    },
    documents: ["000_b7c152d5842baba3.txt", "002_8e9c48eccd29813b.txt"],
  },
  "oadby-and-wigston": { counts: FIGURE_3_ONLY, documents: ["002_8e9c48eccd29813b.txt"] },
  leicester: {
    // Priorities a-f for 2018-2021 and a-f for 2019-2020; Figure 3's 4 counts; the Most Similar Group rates are a rate table, not counts.
    counts: {
      priorities: 12,
      currentPriorities: 6,
      plans: 2,
      crimeStatistics: 4,
      areas: 0,
      targets: 0,
      funding: 0,
      partners: 10,
      familyGroups: 0,
      rateTables: 1,
    },
    documents: ["001_8673ceba529ca673.txt", "002_8e9c48eccd29813b.txt"],
  },
  rutland: { counts: FIGURE_3_ONLY, documents: ["002_8e9c48eccd29813b.txt"] },
};

/** Every `source` anywhere in a response, with where it was found. */
function sources(value: unknown, path = ""): { path: string; source: { document: string; locator: string } }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sources(item, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "source" || key === "membersSource"
      ? [{ path: `${path}.${key}`, source: inner as any }]
      : sources(inner, `${path}.${key}`),
  );
}

const t = sharedSystem();
let partnerships: any[];

beforeAll(async () => {
  const { data, errors } = await t.query(`{ partnerships { ${EVERYTHING} } }`);
  expect(errors).toBeUndefined();
  partnerships = data.partnerships;
});

describe("each of the nine partnerships, through the gateway", () => {
  it("answers with what its documents hold, from those documents only", () => {
    expect(partnerships.map((p) => p.code)).toEqual(Object.keys(EXPECTED));
    for (const p of partnerships) {
      const counts = Object.fromEntries(FIELDS.map((field) => [field, p[field].length]));
      expect(counts, p.code).toEqual(EXPECTED[p.code].counts);
      const documents = [...new Set(sources(p).map((s) => s.source.document))].sort();
      expect(documents, p.code).toEqual(EXPECTED[p.code].documents);
    }
  });

  it("answers [] where the documents publish nothing, never null or an error", () => {
    for (const p of partnerships) {
      for (const field of FIELDS) expect(Array.isArray(p[field]), `${p.code}.${field}`).toBe(true);
    }
    const empty = (code: string, field: (typeof FIELDS)[number]) => partnerships.find((p) => p.code === code)[field];
    expect(empty("melton", "priorities")).toEqual([]);
    expect(empty("melton", "currentPriorities")).toEqual([]);
    expect(empty("rutland", "funding")).toEqual([]);
    expect(empty("blaby", "partners")).toEqual([]);
    expect(empty("charnwood", "partners")).toEqual([]);
    expect(empty("leicester", "targets")).toEqual([]);
  });

  it("answers [] for a category a partnership has published no figure for", async () => {
    const { data, errors } = await t.query(`{
      melton: partnership(code: "melton") { crimeStatistics(category: "robbery") { count } priorities { id } funding { id } }
      rutland: partnership(code: "rutland") { crimeStatistics(category: "all-crime") { count period { label } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.melton).toEqual({ crimeStatistics: [], priorities: [], funding: [] });
    expect(data.rutland.crimeStatistics.map((s: any) => [s.period.label, s.count])).toEqual([
      ["2018/19", 1312],
      ["2018/19 Projected", 1628],
      ["2017/18", 1345],
      ["2016/17", 1115],
    ]);
  });

  it("serves every figure, priority and list item with its source: one of the five documents and a place in it", () => {
    const all = sources(partnerships);
    // Items that carry a source: 22 + 26 + 90 + 5 x 4 + 4 figures, 80 beat figures, priorities, themes, focus areas, partners, allocations, positions, rows...
    expect(all.length).toBeGreaterThan(400);
    for (const { path, source } of all) {
      expect(DOCUMENTS, path).toContain(source.document);
      expect(source.locator.length, path).toBeGreaterThan(0);
    }
    const charnwood = partnerships.find((p) => p.code === "charnwood");
    expect(charnwood.funding[0].allocations.map((a: any) => a.source.locator)).toEqual(
      Array(18).fill("Funding for 2018/19"),
    );
    expect(charnwood.familyGroups[0].positions.map((p: any) => p.source.locator)).toEqual(Array(9).fill("Appendix A"));
    const leicester = partnerships.find((p) => p.code === "leicester");
    expect(
      leicester.priorities.find((p: any) => p.id === "leicester:2019-20-f").focusAreas.map((a: any) => a.source),
    ).toEqual(Array(4).fill({ document: "001_8673ceba529ca673.txt", locator: "SLP PRIORITIES 2019 - 2020" }));
  });
});
