import { buildFederatedSubgraph, type Subgraph, sourceDocumentResolver } from "@csg/schema";
import { boundArguments } from "@csg/service-runtime";
import { NationalFinancialYearResolver, NationalPartnershipYearsResolver } from "./graph/financial-years";
import {
  NationalComparisonResolver,
  NationalComparisonRowResolver,
  NationalPartnershipResolver,
} from "./graph/resolvers";

export { NATIONAL_SUBGRAPH } from "@csg/schema";

/**
 * Builds the national subgraph: the Home Office's and police.uk's figures for every CSP, and
 * fields on the county's CommunitySafetyPartnership interface (as an @interfaceObject).
 */
export async function buildNationalSubgraph(): Promise<Subgraph> {
  const subgraph = await buildFederatedSubgraph(() => ({
    resolvers: [
      NationalComparisonResolver,
      NationalComparisonRowResolver,
      NationalPartnershipResolver,
      NationalFinancialYearResolver,
      NationalPartnershipYearsResolver,
      sourceDocumentResolver(),
    ],
    federationDirectives: ["@interfaceObject"],
    referenceResolvers: {
      CommunitySafetyPartnership: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
    },
  }));
  // Every argument bounded in size before any resolver runs (see boundArguments).
  boundArguments(subgraph.schema);
  return subgraph;
}
