import { apiSchemaOf } from "@csg/operator/schema-check/api-schema";
import { readSupergraph } from "@csg/operator/supergraph-files";
import { partnerships as registry } from "@csg/schema";
import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryHiveGateway, type RunningHiveGateway, startHiveGateway } from "./support/hive-gateway";
import { sharedSystem } from "./support/shared-system";
import type { GraphQLResponse } from "./support/system-client";

/**
 * The committed supergraph served by Hive Gateway with Hive Router's Rust query planner,
 * over the same running subgraphs as our gateway: the dashboards' representative queries
 * must return the same JSON from both.
 */

const t = sharedSystem();
let hive: RunningHiveGateway;
beforeAll(async () => {
  hive = await startHiveGateway({ supergraphSdl: readSupergraph(), subgraphs: t.subgraphs });
});
afterAll(() => hive?.stop());

const queryHive = (query: string, variables?: Record<string, unknown>) => queryHiveGateway(hive, query, variables);

interface RepresentativeQuery {
  name: string;
  /** Values from the seeds the answer must contain, so that equal answers are not equally empty. */
  shows?: string[];
  query: string;
  variables?: Record<string, unknown>;
}

const source = "source { document locator }";
const period = "period { label start end basis note }";
const statistic = `id category { id name kind } localLabel count ${period} ${source} alsoPublishedIn { document locator } notes`;
const priority = `id ref title description theme { id title } ${period} crossCutting mandatory focusAreas { text details } notes ${source}
  csaAlignment { priority { id number title } basis score evidence { kind value foundIn } }`;

/** What the dashboards ask of every partnership and of the county, as they ask it. */
const REPRESENTATIVE_QUERIES: RepresentativeQuery[] = [
  {
    name: "every partnership's priorities, with the CSA priorities each serves",
    shows: [`"Reduce All Crime particularly: Domestic Burglary"`, `"id":"domestic-abuse"`],
    query: `{ partnerships { __typename code name countyBoardMember districts { name onsCode population(year: 2018) { year count source } }
      priorities { ${priority} } currentPriorities { id title }
      plans { id title current ${period} themes { id title } priorities { id } } } }`,
  },
  {
    name: "every partnership's crime statistics, with their differing figures",
    shows: [`"count":11258`, `"count":10844`],
    query: `{ partnerships { code crimeStatistics { ${statistic} differingFigures { count ${source} } } } }`,
  },
  {
    name: "one category across the county's district partnerships (a variable)",
    shows: [`"count":11258`],
    query: `query ($category: ID) { partnerships(countyBoardMembersOnly: true) { code name crimeStatistics(category: $category) { count ${period} ${source} } } }`,
    variables: { category: "all-crime" },
  },
  {
    name: "every partnership's areas, targets, funding, partners and rate tables",
    shows: [`"Beat 56"`, `"pence":7550000`, `"Harborough District Council"`, `"Most Similar Family Group"`],
    query: `{ partnerships { code
      areas { id name kind localLabel crimeStatistics { count localLabel period { label } } }
      targets { id localLabel direction status baselinePeriod { label } targetPeriod { label } baseline { count } outcome { count } category { id } }
      funding { id funder label amount { pence pounds currency } allocations { purpose amount { pounds } } allocated { pounds } unallocated { pounds } }
      partners { name }
      familyGroups { name members positions { category { id } localLabel position groupSize asAt } }
      rateTables { id title measure category { id } periods { label } rows { name self average values { value printed rank tied period { label } } } } } }`,
  },
  {
    name: "the county's agreement, board and reference data",
    shows: [`"Leicestershire Safer Communities Strategy Board"`, `"onsCode":"E10000018"`],
    query: `{ county { name onsCode board { name abbreviation chair members { name } }
      agreement { title agreedBy agreedIn priorities { id number title description ${source} } ${source} }
      strategicPlanPriorities { id title } team { description } strategies { title period document }
      population { year count } districts { name onsCode kind populations { year count } } notes } }`,
  },
  {
    name: "the county's alignment: the agreement's priorities and the partnerships' suggested alignments to them",
    shows: [`"basis":"SUGGESTED"`, `"id":"hate-incidents"`],
    query: `{ county { agreement { priorities { id title } } }
      partnerships { code currentPriorities { title csaAlignment { basis score priority { id title } evidence { kind value } } } } }`,
  },
  {
    name: "the county's published areas with their figures",
    shows: [`"Leicestershire Police force area (LLR)"`, `"count":74518`],
    query: `{ county { publishedAreas { name crimeStatistics { ${statistic} } } } }`,
  },
  {
    name: "a partnership by code, in full, through a fragment on its own entity type",
    shows: [`"__typename":"CharnwoodCsp"`, `"Police and Crime Commissioner Locality Funding"`],
    query: `query ($code: ID!) { partnership(code: $code) { __typename code name
      ... on CharnwoodCsp { targets { localLabel status baseline { count } outcome { count } } funding { label amount { pounds } unallocated { pounds } } }
      priorities { id title } crimeStatistics(category: "all-crime") { count period { label } } } }`,
    variables: { code: "charnwood" },
  },
  {
    name: "one figure by its id, with its document and corrections (the county routes it to the owning partnership)",
    shows: [`"count":2799`, `"published":"2019-03-06"`],
    query: `query ($id: ID!) { crimeStatistic(id: $id) { ${statistic} source { title publisher published } corrections { previousCount count note } } }`,
    variables: { id: "melton:statistic-3" },
  },
];

/**
 * The county-wide analysis of the brief (County.crimeTotals, CsaPriority.coverage) is being
 * added on another branch. These queries use only the fixed public names; each runs as soon
 * as the committed supergraph has its field, and is reported as skipped until then.
 */
const COUNTY_ANALYSIS_QUERIES: (RepresentativeQuery & { needs: string })[] = [
  {
    name: "the county's totals of all recorded crime for 2017/18, per partnership, with rates",
    needs: "County.crimeTotals",
    query: `{ county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") {
      total complete partnerships { partnership { code } count ratePer1000 } } } }`,
  },
  {
    name: "the county's coverage of each CSA priority by the partnerships' priorities",
    needs: "CsaPriority.coverage",
    query: `{ county { agreement { priorities { id title coverage { partnership { code } status priorities { id title } } } } } }`,
  },
];

function supergraphHas(coordinate: string): boolean {
  const [typeName, fieldName] = coordinate.split(".");
  const type = apiSchemaOf(readSupergraph()).getType(typeName);
  return isObjectType(type) && fieldName in type.getFields();
}

describe("Hive Gateway with the Rust query planner serves the committed supergraph", () => {
  it.each(REPRESENTATIVE_QUERIES)("$name: the same JSON as our gateway", async ({ query, variables, shows }) => {
    const ours = await t.query(query, variables);
    for (const value of shows ?? []) expect(JSON.stringify(ours.data)).toContain(value);
    const theirs = await queryHive(query, variables);
    expect(ours.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data).toEqual(ours.data);
    // Equal JSON text, key order included: a dashboard that compares responses sees no change.
    expect(JSON.stringify(theirs.data)).toBe(JSON.stringify(ours.data));
  });

  for (const analysis of COUNTY_ANALYSIS_QUERIES) {
    it.skipIf(!supergraphHas(analysis.needs))(
      `${analysis.name}: the same JSON as our gateway (needs ${analysis.needs})`,
      async () => {
        const ours = await t.query(analysis.query, analysis.variables);
        const theirs = await queryHive(analysis.query, analysis.variables);
        expect(ours.errors).toBeUndefined();
        expect(theirs.errors).toBeUndefined();
        expect(JSON.stringify(theirs.data)).toBe(JSON.stringify(ours.data));
      },
    );
  }

  it("plans every partnership's part to that partnership's own subgraph", async () => {
    hive.plans.length = 0;
    const { data } = await queryHive(`{ partnerships { code priorities { title } } }`);
    expect(data.partnerships.map((p: { code: string }) => p.code)).toEqual(registry.map((p) => p.code));
    const services = new Set<string>();
    JSON.stringify(hive.plans, (key, value) => {
      if (key === "serviceName") services.add(value);
      return value;
    });
    expect([...services].sort()).toEqual(["county", ...registry.map((p) => p.code)].sort());
  });

  it("answers an unknown partnership code with null, as ours does", async () => {
    const query = `{ partnership(code: "leicestershire") { code name priorities { title } } }`;
    const ours = await t.query(query);
    const theirs = await queryHive(query);
    expect(ours).toEqual({ data: { partnership: null } });
    expect({ data: theirs.data, errors: theirs.errors }).toEqual({ data: { partnership: null }, errors: undefined });
  });

  it("rejects a field that does not exist with the same message, place and code as ours", async () => {
    const query = `{ partnership(code: "charnwood") { code budget } }`;
    const ours = await t.query(query);
    const theirs = await queryHive(query);
    expect(ours.data).toBeUndefined();
    expect(theirs.data).toBeUndefined();
    // What a dashboard reads of an error: its message, where it is, its code. (Hive Gateway
    // answers with HTTP 200 or 400 depending on the Accept header, Apollo Server with 400:
    // the body is what is compared.)
    const essentials = (r: GraphQLResponse) =>
      r.errors?.map((e: any) => ({ message: e.message, locations: e.locations, code: e.extensions?.code }));
    expect(essentials(theirs)).toEqual(essentials(ours));
    expect(essentials(ours)).toEqual([
      {
        message: `Cannot query field "budget" on type "CommunitySafetyPartnership".`,
        locations: [{ line: 1, column: 41 }],
        code: "GRAPHQL_VALIDATION_FAILED",
      },
    ]);
  });
});
