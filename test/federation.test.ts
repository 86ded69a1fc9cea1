import { partnerships as registry } from "@csg/schema";
import { describe, expect, it } from "vitest";
import { sharedSystem } from "./support/shared-system";

const t = sharedSystem();

describe("the federation, through the gateway over HTTP", () => {
  it("lists the nine partnerships of the brief, each resolved from its own subgraph", async () => {
    const { data, errors } = await t.query(`{
      partnerships { __typename code name countyBoardMember districts { onsCode } crimeStatistics(category: "all-crime") { count period { label } source { locator } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.partnerships.map((p: { code: string }) => p.code)).toEqual([
      "blaby",
      "charnwood",
      "harborough",
      "hinckley-and-bosworth",
      "melton",
      "north-west-leicestershire",
      "oadby-and-wigston",
      "leicester",
      "rutland",
    ]);
    expect(data.partnerships.filter((p: { countyBoardMember: boolean }) => p.countyBoardMember)).toHaveLength(7);
    // Each partnership's own subgraph answered: its own Figure 3 row for 2016/17 (002_8e9c48eccd29813b.txt, Figure 3).
    const figure3For201617 = Object.fromEntries(
      data.partnerships.map((p: any) => [
        p.code,
        p.crimeStatistics.find((s: any) => s.source.locator === "Figure 3" && s.period.label === "2016/17")?.count,
      ]),
    );
    expect(figure3For201617).toEqual({
      blaby: 5210,
      charnwood: 10674,
      harborough: 3719,
      "hinckley-and-bosworth": 5499,
      melton: 2353,
      "north-west-leicestershire": 5063,
      "oadby-and-wigston": 2704,
      leicester: 33066,
      rutland: 1115,
    });
    expect(data.partnerships.map((p: any) => p.__typename)).toEqual(registry.map((p) => p.entityTypeName));
  });

  it("routes a partnership's entity only to that partnership's subgraph", async () => {
    const representations = [{ __typename: "CharnwoodCsp", code: "charnwood" }];
    const own = await t.querySubgraph(
      "charnwood",
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CharnwoodCsp { code } } }`,
      {
        r: representations,
      },
    );
    expect(own.data._entities).toEqual([{ code: "charnwood" }]);
    // Harborough's subgraph has no CharnwoodCsp type at all: it cannot answer for Charnwood.
    const other = await t.querySubgraph("harborough", `{ _service { sdl } }`);
    expect(other.data._service.sdl).not.toContain("CharnwoodCsp");
    expect(other.data._service.sdl).toContain("type HarboroughCsp");
  });

  it("serves Charnwood's All Crime of 11,258 for 1 April 2018 to 31 January 2019, with its period and source", async () => {
    const { data } = await t.query(`{
      partnership(code: "charnwood") {
        name
        crimeStatistics(category: "all-crime") {
          count localLabel period { label start end basis } source { document locator } alsoPublishedIn { locator }
          differingFigures { count source { locator } }
        }
      }
    }`);
    const figure = data.partnership.crimeStatistics.find(
      (s: any) => s.source.locator === "Figure 1" && s.period.end === "2019-01-31",
    );
    expect(figure).toEqual({
      count: 11258,
      localLabel: "All Crime",
      period: {
        label: "Total Crime as at 31st January 2019",
        start: "2018-04-01",
        end: "2019-01-31",
        basis: "YEAR_TO_DATE",
      },
      source: { document: "002_8e9c48eccd29813b.txt", locator: "Figure 1" },
      alsoPublishedIn: [{ locator: "Appendix A" }],
      // Figure 3 of the same report prints 10,844 for the same span: both are kept, each with its source.
      differingFigures: [{ count: 10844, source: { locator: "Figure 3" } }],
    });
  });

  it("serves Harborough's shoplifting of 351 for 2019/20", async () => {
    const { data } = await t.query(`{
      partnership(code: "harborough") { crimeStatistics(category: "shoplifting") { count localLabel period { label start end } source { document locator } } }
    }`);
    expect(data.partnership.crimeStatistics).toContainEqual({
      count: 351,
      localLabel: "Shoplifting",
      period: { label: "Year 2019/20", start: "2019-04-01", end: "2020-03-31" },
      source: { document: "004_8bb5bc87ec4dd763.txt", locator: "Two year crime comparison" },
    });
  });

  it("reports every subgraph on GET /health", async () => {
    const response = await fetch(t.healthUrl);
    const health = (await response.json()) as any;
    expect(response.status).toBe(200);
    expect(health.status).toBe("ok");
    expect(health.subgraphs.map((s: any) => [s.name, s.status])).toEqual(t.subgraphs.map((s) => [s.name, "up"]));
    // Internal addresses only when the operator asks (CSG_EXPOSE_INTERNAL_ADDRESSES).
    expect(health.subgraphs[0]).not.toHaveProperty("url");
  });
});
