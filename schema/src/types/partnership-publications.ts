import { Arg, Field, type FieldOptions, ID, Int, InterfaceType, getMetadataStorage } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time";
import { AuditEntry } from "./audit";
import { Area } from "./area";
import { FamilyGroup, RateTable } from "./comparison";
import { CrimeStatistic } from "./crime";
import { PeriodSpanInput } from "./inputs";
import { Funding, Partner } from "./funding";
import { Plan, Priority } from "./priority";
import { CrimeTarget } from "./target";

const UNAVAILABLE = " Null only when the partnership's subgraph could not be reached (an error names it).";

/**
 * What a partnership publishes from its own subgraph. The CSP subgraph resolves these
 * fields on its entity type; the county's CommunitySafetyPartnership interface carries
 * them (as @external on its entity types) so clients query them without fragments.
 * The lists are nullable so that one partnership's outage does not null the others.
 */
// Its implementations are named by each subgraph (orphanedTypes), never gathered from
// type-graphql's global metadata: in one process, another subgraph's entity types are there too.
@InterfaceType("PartnershipPublications", { autoRegisterImplementations: false })
export abstract class PartnershipPublications {
  @Field(() => [Priority], {
    nullable: true,
    description: "Every priority the partnership has published, of every period, in printed order." + UNAVAILABLE,
  })
  priorities?: Priority[] | null;

  @Field(() => [Priority], {
    nullable: true,
    description: "The priorities of its most recent plan (empty if it has published none)." + UNAVAILABLE,
  })
  currentPriorities?: Priority[] | null;

  @Field(() => [Plan], { nullable: true, description: "Its published plans, most recent first." + UNAVAILABLE })
  plans?: Plan[] | null;

  @Field(() => [CrimeStatistic], {
    nullable: true,
    description:
      "Partnership-wide published counts, optionally of one category; areas' figures and rates are elsewhere." +
      UNAVAILABLE,
  })
  crimeStatistics(
    @Arg("category", () => ID, { nullable: true, description: "A canonical category id, e.g. all-crime." })
    _category?: string,
    @Arg("periods", () => [PeriodSpanInput], {
      nullable: true,
      description:
        "Only the figures whose period is exactly one of these spans (its start and end dates, any basis); all when absent.",
    })
    _periods?: PeriodSpanInput[],
  ): CrimeStatistic[] | null {
    return null;
  }

  @Field(() => [Area], {
    nullable: true,
    description: "Areas within the partnership (police beats) with their own figures." + UNAVAILABLE,
  })
  areas?: Area[] | null;

  @Field(() => [CrimeTarget], {
    nullable: true,
    description: "Targets it set, each judged from its counts." + UNAVAILABLE,
  })
  targets?: CrimeTarget[] | null;

  @Field(() => [Funding], {
    nullable: true,
    description: "Funding received, with allocations where published." + UNAVAILABLE,
  })
  funding?: Funding[] | null;

  @Field(() => [Partner], {
    nullable: true,
    description: "Organisations in the partnership, as published." + UNAVAILABLE,
  })
  partners?: Partner[] | null;

  @Field(() => [FamilyGroup], {
    nullable: true,
    description: "Comparison groups and its published positions in them." + UNAVAILABLE,
  })
  familyGroups?: FamilyGroup[] | null;

  @Field(() => [RateTable], {
    nullable: true,
    description: "Published rate tables (e.g. Most Similar Group crimes per 1,000), with ranks computed." + UNAVAILABLE,
  })
  rateTables?: RateTable[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the partnership last published a change through its subgraph (a write or an import); null while it serves only the data it was seeded with, or when its subgraph could not be reached.",
  })
  lastPublishedAt?: string | null;

  @Field(() => [AuditEntry], {
    nullable: true,
    description:
      "Every write to the partnership's data, most recent first: which token, when, what, before and after. Needs the partnership's own token or the county's; otherwise null with an UNAUTHENTICATED or FORBIDDEN error." +
      UNAVAILABLE,
  })
  auditTrail(
    @Arg("limit", () => Int, { defaultValue: 100, description: "At most this many entries (1 to 1000)." })
    _limit?: number,
  ): AuditEntry[] | null {
    return null;
  }
}

/**
 * The declared type and options of one publication field, for the partnership subgraph's
 * @FieldResolver of it, so the type, nullability and description stay defined only here.
 */
export function publicationField(name: keyof PartnershipPublications): [TypeValueThunk, FieldOptions] {
  const field = getMetadataStorage().fields.find((f) => f.target === PartnershipPublications && f.name === name);
  if (!field) throw new Error(`PartnershipPublications has no field ${name}`);
  const type = field.getType(); // also records whether the field is a list
  const { array, arrayDepth, ...options } = field.typeOptions;
  const getType = array && arrayDepth === 1 ? () => [type] : () => type;
  return [getType, { ...options, description: field.description }];
}

type TypeValueThunk = () => any;
