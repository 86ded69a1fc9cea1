/** One partnership's page and briefing: everything it publishes, from its own subgraph. */
import type {
  CountyComparisonTotalFragment,
  PartnershipQuery,
  PartnershipQueryVariables,
} from "../generated/operations";
import type { TypedQuery } from "../typed-query";

export const partnershipQuery: TypedQuery<PartnershipQuery, PartnershipQueryVariables> = /* GraphQL */ `
query Partnership($code: ID!) {
  partnership(code: $code) {
    code
    name
    countyBoardMember
    lastPublishedAt
    districts { name onsCode population { year count source } }
    plans {
      id title current
      period { label start end basis }
      source { document locator title publisher published }
      notes
      themes { id title }
      priorities {
        id ref title description crossCutting mandatory
        theme { id title }
        period { label start end basis }
        source { document locator title publisher published }
        focusAreas { text details }
        csaAlignment { priority { id number title } basis score evidence { kind value foundIn weight } }
      }
    }
    crimeStatistics { id localLabel count category { id name } period { label start end basis note } source { document locator title publisher published } notes differingFigures { count source { document locator title publisher published } } corrections { previousCount count correctedAt note source { document locator title publisher published } } change { previous { count period { label start end basis } source { document locator title publisher published } } difference percent } }
    areas { id name kind localLabel source { document locator title publisher published } crimeStatistics { id localLabel count category { id name } period { label start end basis note } source { document locator title publisher published } notes differingFigures { count source { document locator title publisher published } } corrections { previousCount count correctedAt note source { document locator title publisher published } } change { difference percent } } }
    targets {
      id localLabel direction status
      category { id name }
      baselinePeriod { label start end basis }
      targetPeriod { label start end basis }
      baseline { id localLabel count category { id name } period { label start end basis note } source { document locator title publisher published } notes differingFigures { count source { document locator title publisher published } } corrections { previousCount count correctedAt note source { document locator title publisher published } } }
      outcome { id localLabel count category { id name } period { label start end basis note } source { document locator title publisher published } notes differingFigures { count source { document locator title publisher published } } corrections { previousCount count correctedAt note source { document locator title publisher published } } }
      source { document locator title publisher published }
    }
    funding {
      id funder label
      amount { pounds pence }
      period { label start end basis }
      source { document locator title publisher published }
      allocations { purpose amount { pounds pence } source { document locator title publisher published } }
      allocated { pounds pence }
      unallocated { pounds pence }
    }
    partners { name source { document locator title publisher published } }
    familyGroups {
      name members membersSource { document locator title publisher published }
      positions { localLabel position groupSize asAt category { name } source { document locator title publisher published } }
    }
    rateTables {
      id title measure notes
      periods { label start end basis }
      source { document locator title publisher published }
      rows { name self average values { printed value rank tied period { label start end basis } } }
    }
  }
}`;

/**
 * One period's county total in a briefing's comparison, a fragment so that codegen types it
 * (CountyComparisonTotalFragment). countyComparisonQuery repeats its selection inline under one
 * alias per period rather than spreading it: the gateway's cost limit prices a spread fragment
 * above the same selection written out, and six periods of spreads went over it.
 */
export const countyComparisonTotal = /* GraphQL */ `
fragment CountyComparisonTotal on CrimeTotal {
      total complete ratePer1000
      sources { document locator title publisher published }
      partnerships { partnership { code name } count ratePer1000 rank rateRank statistic { count localLabel period { label start end basis } source { document locator title publisher published } corrections { previousCount count correctedAt note source { document locator title publisher published } } } }
      missing { partnership { name } reason }
    }`;

const totalSelection = countyComparisonTotal.slice(countyComparisonTotal.indexOf("{"));

/** The result of countyComparisonQuery(n): the totals as period0 ... period<n-1>. */
export interface CountyComparison {
  county: Record<`period${number}`, CountyComparisonTotalFragment>;
}

/** The county comparison for a briefing: the county total of each period the partnership published. */
export function countyComparisonQuery(count: number): TypedQuery<CountyComparison, Record<string, string>> {
  const variables = Array.from({ length: count }, (_, i) => `$start${i}: Date!, $end${i}: Date!`).join(", ");
  const totals = Array.from(
    { length: count },
    (_, i) => `  period${i}: crimeTotals(category: $category, start: $start${i}, end: $end${i}) ${totalSelection}`,
  ).join("\n");
  return `query CountyComparison($category: ID!, ${variables}) {\n  county {\n${totals}\n  }\n}`;
}
