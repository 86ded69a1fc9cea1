import { buildFederatedSubgraph, type PartnershipEntry, type Subgraph, sourceDocumentResolver } from "@csg/schema";
import type { CspContext } from "./graph/context";
import { boundArguments } from "@csg/service-runtime";
import { AreaResolver } from "./graph/area-resolver";
import { partnershipMutations } from "./graph/mutations/partnership-mutations";
import { partnershipEntity } from "./graph/partnership-entity";
import { PlanResolver } from "./graph/plan-resolver";
import { PriorityResolver } from "./graph/priority-resolver";
import { publicationResolver } from "./graph/publication-resolver";
import { StatisticResolver } from "./graph/statistic-resolver";
import { TargetResolver } from "./graph/target-resolver";

/** Builds the subgraph schema one partnership serves: the same code for every partnership. */
export async function buildCspSubgraph(entry: PartnershipEntry): Promise<Subgraph> {
  // The partnership's classes are made in the build's turn (see buildFederatedSubgraph).
  const subgraph = await buildFederatedSubgraph(() => {
    const { PartnershipEntity, PartnershipResolver, referenceResolvers } = partnershipEntity(entry);
    const { PartnershipMutationsResolver } = partnershipMutations(entry);
    return {
      resolvers: [
        PartnershipResolver,
        publicationResolver(entry, PartnershipEntity),
        PartnershipMutationsResolver,
        PriorityResolver,
        PlanResolver,
        StatisticResolver,
        AreaResolver,
        TargetResolver,
        sourceDocumentResolver((context: CspContext) => context.loaders.documents),
      ],
      orphanedTypes: [PartnershipEntity],
      referenceResolvers,
    };
  });
  // Every argument bounded in size before any resolver runs (see boundArguments).
  boundArguments(subgraph.schema);
  return subgraph;
}
