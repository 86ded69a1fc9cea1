import { partnerships as registry } from "@csg/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { publishedIn, type ServedFigure, type SourceRef, servedFigures } from "./support/published-figures";
import { sharedSystem } from "./support/shared-system";

/**
 * The shape of every table and list the five documents publish, as served through the
 * gateway: row and column counts, and values a reader can check against the source documents.
 */

const NWL = "000_b7c152d5842baba3.txt";
const LEICESTER = "001_8673ceba529ca673.txt";
const CHARNWOOD = "002_8e9c48eccd29813b.txt";
const COUNTY = "003_12ca9908c6eccfe4.txt";
const HARBOROUGH = "004_8bb5bc87ec4dd763.txt";

const HEADLINE_FIGURES = {
  document: NWL,
  locator: "Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures",
};
const TWO_YEAR = { document: HARBOROUGH, locator: "Two year crime comparison" };
const FIGURE_1 = { document: CHARNWOOD, locator: "Figure 1" };
const FIGURE_2 = { document: CHARNWOOD, locator: "Figure 2" };
const FIGURE_3 = { document: CHARNWOOD, locator: "Figure 3" };
const APPENDIX_A = { document: CHARNWOOD, locator: "Appendix A" };

const t = sharedSystem();
let figures: ServedFigure[];
let byCode: Record<string, any>;
let county: any;

beforeAll(async () => {
  figures = await servedFigures(t);
  const { data, errors } = await t.query(`{
    partnerships {
      code
      plans { id title current period { label start end basis } source { document locator } themes { title description source { locator } }
        priorities { ref title description crossCutting mandatory source { document locator } focusAreas { text details source { document locator } } } }
      partners { name source { document locator } }
      funding { funder label amount { pence pounds } allocated { pence } unallocated { pence } period { label start end } source { document locator }
        allocations { purpose amount { pence pounds } source { document locator } } }
      familyGroups { name members membersSource { locator } positionsSource { locator }
        positions { category { id } localLabel position groupSize asAt source { document locator } } }
      rateTables { title measure category { id } notes periods { label start end basis } source { document locator }
        rows { name self average source { locator } values { printed value rank tied period { label } } } }
      targets { localLabel direction status baseline { count } outcome { count } source { locator } }
      areas { name localLabel source { locator } }
    }
    county {
      agreement { priorities { id number title source { document locator } } }
      strategicPlanPriorities { title description source { document locator } }
      board { chair members { name source { document locator } } }
      team { workstreams { title items source { document locator } } }
      publishedAreas { name }
    }
  }`);
  expect(errors).toBeUndefined();
  byCode = Object.fromEntries(data.partnerships.map((p: any) => [p.code, p]));
  county = data.county;
});

function inTable(table: SourceRef, filter: (f: ServedFigure) => boolean = () => true): ServedFigure[] {
  return figures.filter((f) => publishedIn(f, table) && filter(f));
}

/** The table's grid: row label -> column (period label) -> count. */
function grid(rows: ServedFigure[], rowOf: (f: ServedFigure) => string): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const f of rows) {
    const row = rowOf(f);
    if (!result.has(row)) result.set(row, new Map());
    expect(result.get(row)!.has(f.period.label), `${row} ${f.period.label} twice`).toBe(false);
    result.get(row)!.set(f.period.label, f.count);
  }
  return result;
}

const distinct = <T>(values: T[]) => [...new Set(values)];

describe("000 North West Leicestershire: 2019 Headline Figures", () => {
  it("has 18 categories by 5 years, with no count for the burglary rows in FY 2015 and FY 2016", () => {
    const cells = inTable(HEADLINE_FIGURES);
    expect(cells.every((f) => f.partnership === "north-west-leicestershire" && f.area === null)).toBe(true);
    const table = grid(cells, (f) => f.localLabel);
    expect(table.size).toBe(18);
    expect(distinct(cells.map((f) => f.period.label))).toEqual(["FY 2015", "FY 2016", "FY 2017", "FY 2018", "FY 2019"]);
    expect(cells).toHaveLength(18 * 5 - 4);
    expect([...table.get("Burglary Residential")!.keys()]).toEqual(["FY 2017", "FY 2018", "FY 2019"]);
    expect([...table.get("Burglary Business & Community")!.keys()]).toEqual(["FY 2017", "FY 2018", "FY 2019"]);
    expect(Object.fromEntries(table.get("Total crime")!)).toEqual({
      "FY 2015": 4454,
      "FY 2016": 4576,
      "FY 2017": 5856,
      "FY 2018": 6249,
      "FY 2019": 6768,
    });
    expect(table.get("Robbery")!.get("FY 2019")).toBe(20);
    expect(table.get("Hate Crime")!.get("FY 2018")).toBe(76);
    expect(table.get("Burglary Business & Community")!.get("FY 2018")).toBe(248);
    expect(cells.find((f) => f.localLabel === "ASB - Total")!.category.id).toBe("asb");
    expect(cells.find((f) => f.localLabel === "Domestic VAP")!.category.id).toBe(
      "domestic-violence-against-the-person",
    );
  });

  it("keeps the basis and the 2018 burglary reclassification as notes on the figures", () => {
    const cells = inTable(HEADLINE_FIGURES);
    const fy2019 = cells.find((f) => f.localLabel === "Total crime" && f.period.label === "FY 2019")!;
    expect(fy2019.period).toEqual({
      label: "FY 2019",
      start: "2018-10-01",
      end: "2019-09-30",
      basis: "ROLLING_12_MONTHS",
    });
    expect(cells.every((f) => f.notes.some((n) => n.includes("Rolling 12 months until September 2019")))).toBe(true);
    const burglary = cells.filter((f) => f.category.id.startsWith("burglary"));
    expect(burglary).toHaveLength(6);
    expect(
      burglary.every((f) => f.notes.some((n) => n.includes("in 2018, the classification of a burglary changed"))),
    ).toBe(true);
    expect(cells.filter((f) => f.notes.some((n) => n.includes("classification of a burglary")))).toHaveLength(6);
  });
});

describe("004 Harborough: two year crime comparison", () => {
  it("has 11 measures by 2 years", () => {
    const cells = inTable(TWO_YEAR);
    const table = grid(cells, (f) => f.localLabel);
    expect(table.size).toBe(11);
    expect(distinct(cells.map((f) => f.period.label))).toEqual(["Year 2019/20", "Year 2018/19"]);
    expect(cells).toHaveLength(22);
    expect(Object.fromEntries(table.get("Total Crime")!)).toEqual({ "Year 2019/20": 4631, "Year 2018/19": 4689 });
    expect(Object.fromEntries(table.get("ASB reported (Police Data)")!)).toEqual({
      "Year 2019/20": 537,
      "Year 2018/19": 687,
    });
    expect(table.get("Burglary – Business & community")!.get("Year 2019/20")).toBe(189);
    expect(cells.find((f) => f.localLabel === "Criminal Damage")!.category.id).toBe("criminal-damage");
    expect(cells.find((f) => f.period.label === "Year 2018/19")!.period).toMatchObject({
      start: "2018-04-01",
      end: "2019-03-31",
      basis: "FINANCIAL_YEAR",
    });
  });
});

describe("002 Charnwood: Figures 1 to 3 and Appendix A", () => {
  it("Figure 1: 9 crime types by 2 periods, each with a reduction target judged from the counts", () => {
    const cells = inTable(FIGURE_1);
    const table = grid(cells, (f) => f.localLabel);
    expect(table.size).toBe(9);
    expect(distinct(cells.map((f) => f.period.label))).toEqual([
      "Total Crime as at 31st January 2018",
      "Total Crime as at 31st January 2019",
    ]);
    expect(cells).toHaveLength(18);
    expect(Object.fromEntries(table.get("All Crime")!)).toEqual({
      "Total Crime as at 31st January 2018": 9993,
      "Total Crime as at 31st January 2019": 11258,
    });
    expect(table.get("Cycle Theft")!.get("Total Crime as at 31st January 2019")).toBe(362);

    const targets = byCode.charnwood.targets;
    expect(targets).toHaveLength(9);
    expect(
      targets.every((target: any) => target.direction === "REDUCTION" && target.source.locator === "Figure 1"),
    ).toBe(true);
    expect(
      Object.fromEntries(
        targets.map((target: any) => [target.localLabel, [target.baseline.count, target.outcome.count, target.status]]),
      ),
    ).toEqual({
      "All Crime": [9993, 11258, "NOT_MET"],
      "Violence against the person with Injury": [832, 765, "MET"],
      "Burglary – Residential": [823, 954, "NOT_MET"],
      "Burglary – Business and Community": [451, 305, "MET"],
      "Theft of Vehicles": [191, 302, "NOT_MET"],
      "Theft from Vehicles": [950, 978, "NOT_MET"],
      Robbery: [90, 75, "MET"],
      "Cycle Theft": [291, 362, "NOT_MET"],
      Shoplifting: [945, 994, "NOT_MET"],
    });
  });

  it("Appendix A prints Figure 1's 18 counts again, and 9 Most Similar Family Group positions of 15", () => {
    expect(
      inTable(APPENDIX_A)
        .map((f) => f.id)
        .sort(),
    ).toEqual(
      inTable(FIGURE_1)
        .map((f) => f.id)
        .sort(),
    );
    const [group] = byCode.charnwood.familyGroups;
    expect(byCode.charnwood.familyGroups).toHaveLength(1);
    expect(group.members).toHaveLength(15);
    expect(group.members).toContain("Kent – Maidston");
    expect(group.positions).toHaveLength(9);
    expect(
      group.positions.every(
        (p: any) => p.groupSize === 15 && p.asAt === "2018-12-31" && p.source.locator === "Appendix A",
      ),
    ).toBe(true);
    expect(group.positions.map((p: any) => `${p.localLabel} ${p.position}/${p.groupSize}`)).toEqual([
      "All Crime 9/15",
      "Burglary - Residential 14/15",
      "Burglary – Business and Community 15/15",
      "Theft of Vehicles 8/15",
      "Theft from Vehicles 13/15",
      "Shoplifting 11/15",
      "Violence against the Person with Injury 2/15",
      "Cycle Theft 14/15",
      "Robbery 8/15",
    ]);
  });

  it("Figure 2: 10 police beats by 4 measures by 2 periods, the beats' own figures (not Charnwood-wide)", () => {
    const cells = inTable(FIGURE_2);
    expect(cells.every((f) => f.partnership === "charnwood" && f.area !== null)).toBe(true);
    expect(distinct(cells.map((f) => f.area))).toEqual([
      "Beat 56",
      "Beat 57",
      "Beat 58",
      "Beat 59",
      "Beat 60",
      "Beat 61",
      "Beat 62",
      "Beat 63",
      "Beat 64",
      "Beat 65",
    ]);
    expect(distinct(cells.map((f) => f.localLabel))).toEqual([
      "All Crime",
      "Burglary - Residential",
      "Theft From Motor Vehicle",
      "Theft of a Motor Vehicle",
    ]);
    expect(distinct(cells.map((f) => f.period.label))).toEqual([
      "Crime as at 31 st Jan 2018",
      "Crime as at 31 st Jan 2019",
    ]);
    expect(cells).toHaveLength(10 * 4 * 2);
    const table = grid(cells, (f) => `${f.area} ${f.localLabel}`);
    expect(Object.fromEntries(table.get("Beat 62 All Crime")!)).toEqual({
      "Crime as at 31 st Jan 2018": 2471,
      "Crime as at 31 st Jan 2019": 2777,
    });
    expect(Object.fromEntries(table.get("Beat 57 Theft of a Motor Vehicle")!)).toEqual({
      "Crime as at 31 st Jan 2018": 2,
      "Crime as at 31 st Jan 2019": 14,
    });
    expect(byCode.charnwood.areas[0]).toEqual({
      name: "Beat 56",
      localLabel: "Beat 56 Covers, Woodhouse Eves Newtown Linford, Cropston, , Rothley and Quorn",
      source: { locator: "Figure 2" },
    });
  });

  it("Figure 3: 11 rows by 4 columns, each row served by the partnership it belongs to and the county and force rows by the county", () => {
    const cells = inTable(FIGURE_3);
    const rowOf = (f: ServedFigure) => f.partnership ?? f.countyArea!;
    const table = grid(cells, rowOf);
    expect([...table.keys()].sort()).toEqual(
      [...registry.map((p) => p.code), "Leicestershire", "Leicestershire Police force area (LLR)"].sort(),
    );
    expect(distinct(cells.map((f) => f.period.label)).sort()).toEqual([
      "2016/17",
      "2017/18",
      "2018/19",
      "2018/19 Projected",
    ]);
    expect(cells).toHaveLength(11 * 4);
    expect(Object.fromEntries(table.get("rutland")!)).toEqual({
      "2018/19": 1312,
      "2018/19 Projected": 1628,
      "2017/18": 1345,
      "2016/17": 1115,
    });
    expect(table.get("Leicestershire Police force area (LLR)")!.get("2018/19")).toBe(74518);
    expect(table.get("harborough")!.get("2017/18")).toBe(4263);
    // Row labels as printed travel as notes ("Markert Harborough", "Hinckley", "North West Leics").
    expect(cells.find((f) => f.partnership === "harborough")!.notes).toContain('Row printed as "Markert Harborough"');
    expect(cells.find((f) => f.countyArea === "Leicestershire Police force area (LLR)")!.notes).toContain(
      'Row printed as "Force"',
    );
    const projected = cells.filter((f) => f.period.label === "2018/19 Projected");
    expect(projected).toHaveLength(11);
    expect(projected.every((f) => f.period.basis === "PROJECTION")).toBe(true);
    expect(cells.find((f) => f.period.label === "2018/19")!.period).toMatchObject({
      start: "2018-04-01",
      end: "2019-01-31",
      basis: "YEAR_TO_DATE",
    });
    // The county computes its rows' change as the partnerships do: 2016/17 to 2017/18 only (a projection compares with nothing).
    const leicestershire = (label: string) =>
      cells.find((f) => f.countyArea === "Leicestershire" && f.period.label === label)!;
    expect(leicestershire("2017/18").change).toMatchObject({
      difference: 41325 - 35222,
      previous: { count: 35222, period: { label: "2016/17" } },
    });
    expect(leicestershire("2017/18").change!.percent).toBeCloseTo(17.3272, 4);
    expect(leicestershire("2018/19 Projected").change).toBeNull();
    expect(leicestershire("2018/19").change).toBeNull();
  });

  it("keeps both of Charnwood's figures for 1 April 2018 to 31 January 2019, each with its source, each naming the other", () => {
    const figure1 = inTable(FIGURE_1, (f) => f.category.id === "all-crime" && f.period.end === "2019-01-31");
    const figure3 = inTable(FIGURE_3, (f) => f.partnership === "charnwood" && f.period.label === "2018/19");
    expect(figure1.map((f) => [f.count, f.differingFigures])).toEqual([[11258, [{ count: 10844, source: FIGURE_3 }]]]);
    expect(figure3.map((f) => [f.count, f.differingFigures])).toEqual([[10844, [{ count: 11258, source: FIGURE_1 }]]]);
  });
});

describe("Figure 3: the seven districts against the Leicestershire row", () => {
  const districts = registry.filter((p) => p.countyBoardMember).map((p) => p.code);

  it("sum to the printed row for every recorded column; the projected column is 4 over, and the API serves the printed row", () => {
    expect(districts).toHaveLength(7);
    const rows = inTable(FIGURE_3);
    const differences = Object.fromEntries(
      ["2016/17", "2017/18", "2018/19", "2018/19 Projected"].map((label) => {
        const sum = rows
          .filter((f) => f.period.label === label && districts.includes(f.partnership!))
          .reduce((total, f) => total + f.count, 0);
        const printed = rows.find((f) => f.period.label === label && f.countyArea === "Leicestershire")!.count;
        return [label, { sum, printed, difference: sum - printed }];
      }),
    );
    expect(differences).toEqual({
      "2016/17": { sum: 35222, printed: 35222, difference: 0 },
      "2017/18": { sum: 41325, printed: 41325, difference: 0 },
      "2018/19": { sum: 35649, printed: 35649, difference: 0 },
      // Each district's projection is rounded on its own: the seven add up to 44,233, four more than the 44,229 printed for Leicestershire.
      "2018/19 Projected": { sum: 44233, printed: 44229, difference: 4 },
    });
  });

  it("the Force row is not the sum of Leicestershire, Leicester and Rutland in any column (stated, not hidden)", () => {
    const rows = inTable(FIGURE_3);
    const count = (who: string, label: string) =>
      rows.find((f) => (f.partnership ?? f.countyArea) === who && f.period.label === label)!.count;
    const gaps = Object.fromEntries(
      ["2016/17", "2017/18", "2018/19", "2018/19 Projected"].map((label) => [
        label,
        count("Leicestershire Police force area (LLR)", label) -
          (count("Leicestershire", label) + count("leicester", label) + count("rutland", label)),
      ]),
    );
    // Figure 3 prints the force total above the partnerships' rows; it exceeds their sum by these many crimes.
    expect(gaps).toEqual({ "2016/17": 985, "2017/18": 1402, "2018/19": 2199, "2018/19 Projected": 2728 });
  });
});

describe("001 Leicester: the Most Similar Group table", () => {
  it("has 15 CSPs plus the MSG average by 3 periods of April to December, as printed, with ranks computed", () => {
    const [table] = byCode.leicester.rateTables;
    expect(byCode.leicester.rateTables).toHaveLength(1);
    expect(table).toMatchObject({
      measure: "Crimes / 1000 Pop (April – December)",
      category: { id: "all-crime" },
      source: { document: LEICESTER, locator: "All Crime" },
    });
    expect(table.periods).toEqual([
      { label: "2016", start: "2016-04-01", end: "2016-12-31", basis: "PART_YEAR" },
      { label: "2017", start: "2017-04-01", end: "2017-12-31", basis: "PART_YEAR" },
      { label: "2018", start: "2018-04-01", end: "2018-12-31", basis: "PART_YEAR" },
    ]);
    expect(table.rows).toHaveLength(16);
    expect(table.rows.every((row: any) => row.values.length === 3 && row.source.locator === "All Crime")).toBe(true);
    expect(table.rows.filter((row: any) => row.self).map((row: any) => row.name)).toEqual([
      "Leicestershire - Leicester",
    ]);
    expect(table.rows.filter((row: any) => row.average).map((row: any) => row.name)).toEqual(["MSG Average"]);
    const row = (name: string) => table.rows.find((r: any) => r.name === name);
    expect(row("Lancashire - Blackpool").values.map((v: any) => v.printed)).toEqual(["99.8", "117.9", "167.7"]);
    expect(row("Northumbria - Newcastle upon Tyne").values[1].printed).toBe("104.0");
    // The text beside it: the average "is 101.5, compared to 91.4 in 2017"; Leicester went "from 84.6 to 92.5".
    expect(row("MSG Average").values.map((v: any) => v.printed)).toEqual(["75.7", "91.4", "101.5"]);
    expect(row("Leicestershire - Leicester").values.map((v: any) => v.printed)).toEqual(["70.7", "84.6", "92.5"]);
  });

  it("serves the ranks the table gives, and a note where the foreword's ranking disagrees", () => {
    const [table] = byCode.leicester.rateTables;
    const rank = (name: string, column: number) => {
      const value = table.rows.find((r: any) => r.name === name).values[column];
      return [value.rank, value.tied];
    };
    expect(rank("Leicestershire - Leicester", 1)).toEqual([11, false]); // "previously 11th": agrees
    expect(rank("Leicestershire - Leicester", 2)).toEqual([10, true]); // the foreword says "joint 12th ... with Liverpool"
    expect(rank("Staffordshire - Stoke-on-Trent", 2)).toEqual([10, true]);
    expect(rank("Merseyside - Liverpool", 2)).toEqual([12, false]);
    expect(rank("MSG Average", 2)).toEqual([null, false]);
    expect(table.notes).toHaveLength(1);
    expect(table.notes[0]).toContain("now sits joint 12th in this group, with Liverpool");
    expect(table.notes[0]).toContain("Leicester (92.5) ties with Stoke-on-Trent (92.5) as joint 10th highest");
  });
});

describe("funding", () => {
  it("Charnwood's PCC locality funding: GBP 75,500 in pence, 18 allocations that sum to it exactly", () => {
    const [funding] = byCode.charnwood.funding;
    expect(byCode.charnwood.funding).toHaveLength(1);
    expect(funding).toMatchObject({
      label: "Police and Crime Commissioner Locality Funding",
      amount: { pence: 7550000, pounds: "75500.00" },
      allocated: { pence: 7550000 },
      unallocated: { pence: 0 },
      period: { label: "2018/19", start: "2018-04-01", end: "2019-03-31" },
      source: { document: CHARNWOOD, locator: "Funding for 2018/19" },
    });
    expect(funding.allocations).toHaveLength(18);
    expect(funding.allocations.reduce((sum: number, a: any) => sum + a.amount.pence, 0)).toBe(7550000);
    expect(
      funding.allocations.every(
        (a: any) => a.source.locator === "Funding for 2018/19" && Number.isInteger(a.amount.pence),
      ),
    ).toBe(true);
    const amount = (purpose: string) => funding.allocations.find((a: any) => a.purpose === purpose).amount;
    expect(amount("Fire Skills")).toEqual({ pence: 368400, pounds: "3684.00" });
    expect(amount("Contingence Fund")).toEqual({ pence: 1600, pounds: "16.00" });
    expect(amount("Detached Work Youth Work")).toEqual({ pence: 162000, pounds: "1620.00" });
  });

  it("Harborough's PCC grant of GBP 36,073, with no allocations published", () => {
    expect(byCode.harborough.funding).toEqual([
      {
        funder: "Leicester, Leicestershire and Rutland Police and Crime Commissioner",
        label: "grant from the Police & Crime Commissioner",
        amount: { pence: 3607300, pounds: "36073.00" },
        allocated: { pence: 0 },
        unallocated: { pence: 3607300 },
        period: { label: "Year 2019/20", start: "2019-04-01", end: "2020-03-31" },
        source: { document: HARBOROUGH, locator: "2.8 / 7.2" },
        allocations: [],
      },
    ]);
  });
});

describe("partners and priorities, as listed", () => {
  it("lists each partnership's partner agencies in printed order", () => {
    const partners = (code: string) => byCode[code].partners.map((p: any) => p.name);
    expect(partners("north-west-leicestershire")).toHaveLength(9);
    expect(partners("north-west-leicestershire")[0]).toBe("Leicestershire Council County"); // sic
    expect(partners("leicester")).toHaveLength(10);
    expect(partners("leicester")).toContain("Office of the Police & Crime Commission");
    expect(partners("harborough")).toEqual([
      "Harborough District Council",
      "Leicestershire Constabulary",
      "Office of the Leicestershire Police & Crime Commissioner",
      "Leicestershire County Council",
      "Leicestershire Fire & Rescue",
    ]);
    expect(
      byCode.harborough.partners.every((p: any) => p.source.document === HARBOROUGH && p.source.locator === "2.1"),
    ).toBe(true);
  });

  it("serves each plan with its themes and priorities in printed order", () => {
    const shape = (code: string) =>
      byCode[code].plans.map((plan: any) => [
        plan.period.label,
        plan.themes.length,
        plan.priorities.length,
        plan.current,
      ]);
    // Plans come most recent first.
    expect(shape("north-west-leicestershire")).toEqual([["2020-2023", 3, 2, true]]);
    expect(shape("leicester")).toEqual([
      ["April 2019 – March 2020", 3, 6, true],
      ["April 2018 – March 2021", 3, 6, false],
    ]);
    expect(shape("charnwood")).toEqual([
      ["2019/20", 3, 5, true],
      ["2018/2019", 3, 8, false],
    ]);
    expect(shape("harborough")).toEqual([
      ["2020-2023", 0, 6, true],
      ["2019/20", 0, 8, false],
    ]);

    const nwl = byCode["north-west-leicestershire"].plans[0];
    expect(nwl.period).toEqual({ label: "2020-2023", start: "2020-04-01", end: "2023-03-31", basis: "PLAN_PERIOD" });
    expect(nwl.priorities.map((p: any) => [p.title, p.mandatory])).toEqual([
      ["Reducing reoffending", true],
      ["Substance misuse (such as drugs and alcohol)", true],
    ]);
    expect(nwl.themes[2].title).toBe(
      "To work in partnership to achieve better value in what we deliver to residents, communities, business and visitors",
    );

    const leicester2019 = byCode.leicester.plans[0];
    expect(leicester2019.themes.map((theme: any) => theme.title)).toEqual([
      "COMMUNICATIONS AND ENGAGEMENT",
      "RE-OFFENDING",
      "SAFEGUARDING & MENTAL HEALTH",
    ]);
    const f = leicester2019.priorities[5];
    expect([f.ref, f.title]).toEqual([
      "f",
      "To work with partners to identify vulnerability and safeguarding issues in to reduce such as;",
    ]);
    expect(f.focusAreas.map((area: any) => area.text)).toEqual([
      "sexual exploitation",
      "modern-day slavery",
      "county line",
      "serious & organised crime",
    ]);

    const charnwood2018 = byCode.charnwood.plans[1];
    expect(charnwood2018.priorities.map((p: any) => p.ref)).toEqual([
      "Priority 1",
      "Priority 2",
      "Priority 3",
      "Priority 4",
      "Priority 5",
      "Priority 6",
      "Priority 7",
      "Priority 8",
    ]);
    expect(charnwood2018.themes.map((theme: any) => theme.title)).toEqual([
      "Making Communities Safer",
      "Protecting Vulnerable People",
      "Improving Community Confidence, Engagement and Cohesion",
    ]);

    const [people, places, property, ...crossCutting] = byCode.harborough.plans[0].priorities;
    expect([people.title, places.title, property.title]).toEqual(["People", "Places", "Property"]);
    expect([people.focusAreas.length, places.focusAreas.length, property.focusAreas.length]).toEqual([4, 4, 6]);
    expect(crossCutting.map((p: any) => p.crossCutting)).toEqual([true, true, true]);
    const aims = byCode.harborough.plans[1].priorities;
    expect(aims.filter((p: any) => !p.crossCutting).map((p: any) => [p.ref, p.focusAreas.length])).toEqual([
      ["1", 4],
      ["2", 2],
      ["3", 1],
      ["4", 4],
      ["5", 4],
    ]);
    expect(aims[2].focusAreas[0]).toEqual({
      text: "Work to reduce incidents involving FATAL Four",
      details: ["Speeding", "Mobile phone use", "No Seatbelt", "Drink and drug driving"],
      source: { document: HARBOROUGH, locator: "2.7" },
    });
  });
});

describe("003 the county", () => {
  it("serves the CSA's seven priorities, the three strategic plan priorities, the board and the team's five workstreams", () => {
    expect(county.agreement.priorities.map((p: any) => [p.number, p.title])).toEqual([
      [1, "Identify and protect the most vulnerable"],
      [2, "Reduce crime and fear of crime"],
      [3, "Reduce incidence and impact of ASB"],
      [4, "Reduce harm from alcohol and substance misuse"],
      [5, "Reduce risk of harm to young people from cyber-crime and bullying"],
      [6, "Increase reporting of domestic abuse and protect the most vulnerable"],
      [7, "Increase confidence in reporting of hate incidents"],
    ]);
    expect(
      county.agreement.priorities.every((p: any) => p.source.document === COUNTY && p.source.locator === "Priorities"),
    ).toBe(true);
    expect(county.strategicPlanPriorities.map((p: any) => p.title)).toEqual([
      "Wellbeing and Opportunity",
      "Keeping People Safe",
      "Great Communities",
    ]);
    expect(county.board.chair).toBe("LCC's Lead Member for Safer Communities");
    expect(county.board.members).toHaveLength(7);
    expect(county.board.members.every((m: any) => m.source.document === COUNTY)).toBe(true);
    expect(county.team.workstreams.map((w: any) => [w.title, w.items.length])).toEqual([
      ["ASB", 6],
      ["Prevent & Hate crime", 5],
      ["Domestic abuse & vulnerability", 5],
      ["Serious & organised crime & emerging threats", 4],
      ["Support: LSCSB & Senior Officer Group", 6],
    ]);
    expect(county.publishedAreas.map((a: any) => a.name)).toEqual([
      "Leicestershire Police force area (LLR)",
      "Leicestershire",
    ]);
  });
});
