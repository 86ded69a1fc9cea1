import {
  PartnershipPublications,
  buildFederatedSubgraph,
  partnerships,
  type Subgraph,
  sourceDocumentResolver,
} from "@csg/schema";
import type { CountyContext } from "./graph/loaders";
import { boundArguments } from "@csg/service-runtime";
import { getMetadataStorage } from "type-graphql";
import {
  AgreementResolver,
  CountyResolver,
  CsaPriorityResolver,
  DistrictResolver,
  PartnershipQueries,
  PublishedAreaResolver,
} from "./graph/county-resolvers";
import { CountyAlignmentResolver, CsaCoverageResolver } from "./graph/alignment-resolvers";
import { CountyFiguresResolver } from "./graph/figure-resolvers";
import { FigureByIdQuery } from "./graph/figure-by-id";
import { AreaStatisticMutations } from "./graph/area-statistic-mutations";
import { CountyMutations, CountyPublicationResolver } from "./graph/county-mutations";
import { ReferenceDataMutations } from "./graph/reference-data-mutations";
import { partnershipEntityTypes, partnershipReferenceResolvers } from "./graph/partnership-types";

/** Fields the partnerships' own subgraphs resolve: external on the county's entity types. */
function publicationFieldNames(): string[] {
  return getMetadataStorage()
    .fields.filter((f) => f.target === PartnershipPublications)
    .map((f) => f.name);
}

/** Builds the county (LSCSB) subgraph: the registry, the CSA, county reference data and analysis. */
export async function buildCountySubgraph(): Promise<Subgraph> {
  // The partnerships' entity types and the source resolver are made in the build's turn (see buildFederatedSubgraph).
  const subgraph = await buildFederatedSubgraph(() => ({
    resolvers: [
      PartnershipQueries,
      CountyResolver,
      DistrictResolver,
      AgreementResolver,
      CsaPriorityResolver,
      PublishedAreaResolver,
      CsaCoverageResolver,
      CountyAlignmentResolver,
      CountyFiguresResolver,
      FigureByIdQuery,
      CountyMutations,
      ReferenceDataMutations,
      AreaStatisticMutations,
      CountyPublicationResolver,
      sourceDocumentResolver((context: CountyContext) => context.loaders.documents),
    ],
    orphanedTypes: partnershipEntityTypes(),
    external: { types: partnerships.map((p) => p.entityTypeName), fields: publicationFieldNames() },
    referenceResolvers: {
      ...partnershipReferenceResolvers(),
      CsaPriority: { __resolveReference: (ref: { id: string }) => ref },
    },
  }));
  // Every argument bounded in size before any resolver runs (see boundArguments).
  boundArguments(subgraph.schema);
  return subgraph;
}
