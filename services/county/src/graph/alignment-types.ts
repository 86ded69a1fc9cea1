import { AlignmentBasis, CsaAlignment, CsaPriority, Period, Priority, Theme } from "@csg/schema";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { CommunitySafetyPartnership, type PartnershipObject } from "./partnership-types";

export enum CoverageStatus {
  COVERED = "COVERED",
  NOT_COVERED = "NOT_COVERED",
  NO_PUBLISHED_PRIORITIES = "NO_PUBLISHED_PRIORITIES",
  UNAVAILABLE = "UNAVAILABLE",
}

registerEnumType(CoverageStatus, {
  name: "CoverageStatus",
  description: "Whether a partnership's current priorities serve a CSA priority.",
  valuesConfig: {
    COVERED: {
      description: "At least one of its current priorities serves it (declared by the partnership, or suggested).",
    },
    NOT_COVERED: { description: "It has current priorities and none serves it: a gap." },
    NO_PUBLISHED_PRIORITIES: {
      description: "It has published no priorities: nothing to judge, which is not the same as a gap.",
    },
    UNAVAILABLE: { description: "Its subgraph did not answer, so its coverage is unknown." },
  },
});

@ObjectType({
  description: "How one partnership's current priorities (its most recent plan's) serve one CSA priority.",
})
export class CsaCoverage {
  @Field(() => CsaPriority, { description: "The CSA priority." })
  csaPriority!: CsaPriority;

  @Field(() => CommunitySafetyPartnership, {
    description: "The partnership (a county board member); follow it into its own published fields.",
  })
  partnership!: PartnershipObject;

  @Field(() => CoverageStatus, { description: "Covered, not covered, no published priorities, or unavailable." })
  status!: CoverageStatus;

  @Field(() => [Priority], {
    description:
      "Its current priorities that serve the CSA priority (empty unless COVERED); each carries its csaAlignment with basis and evidence.",
  })
  priorities!: Priority[];

  @Field(() => [AlignmentBasis], {
    description:
      "The bases of those alignments: [SUGGESTED] alone means the partnership has not itself declared that it serves the CSA priority.",
  })
  bases!: AlignmentBasis[];

  @Field(() => Period, {
    nullable: true,
    description: "The period of its current priorities; null when it has none or did not answer.",
  })
  period?: Period | null;
}

@ObjectType({ description: "One partnership's current priorities against the whole agreement." })
export class PartnershipAlignment {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership." })
  partnership!: PartnershipObject;

  @Field(() => Boolean, { description: "Its subgraph answered. When false, every coverage entry is UNAVAILABLE." })
  available!: boolean;

  @Field(() => Period, {
    nullable: true,
    description: "The period of its current priorities; null when it has none or did not answer.",
  })
  period?: Period | null;

  @Field(() => [CsaCoverage], { description: "Its coverage of each CSA priority, in the agreement's order." })
  coverage!: CsaCoverage[];

  @Field(() => [Priority], {
    description: "Its current priorities that serve no CSA priority: local priorities (e.g. road safety).",
  })
  localPriorities!: Priority[];

  @Field(() => [CsaPriority], {
    description:
      "The CSA priorities its current priorities do not serve (NOT_COVERED); empty when it has none published.",
  })
  gaps!: CsaPriority[];
}

@ObjectType({
  description:
    "The county board members' current priorities against the Community Safety Agreement: coverage, gaps and local priorities.",
})
export class CountyAlignment {
  @Field(() => [PartnershipAlignment], { description: "Each county board member, in registry order." })
  partnerships!: PartnershipAlignment[];

  @Field(() => [CsaPriority], {
    description:
      "The CSA priorities that no member's current priorities serve (among the members that answered: see complete).",
  })
  uncoveredCsaPriorities!: CsaPriority[];

  @Field(() => Boolean, { description: "Every member's subgraph answered." })
  complete!: boolean;

  @Field(() => [CommunitySafetyPartnership], { description: "Members whose subgraph did not answer." })
  unavailablePartnerships!: PartnershipObject[];
}

@ObjectType({ description: "A partnership priority found by the cross-partnership search." })
export class PriorityMatch {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership that published it." })
  partnership!: PartnershipObject;

  @Field(() => Priority, { description: "The priority, as the partnership publishes it." })
  priority!: Priority;

  @Field(() => Theme, { nullable: true, description: "The theme it sits under, where its plan has themes." })
  theme?: Theme | null;

  @Field(() => Period, { description: "The period of the plan that set it." })
  period!: Period;

  @Field(() => Boolean, { description: "It is one of the partnership's current priorities (its most recent plan's)." })
  current!: boolean;

  @Field(() => CsaAlignment, {
    nullable: true,
    description: "When searching by CSA priority: its alignment with that CSA priority (basis, score, evidence).",
  })
  alignment?: CsaAlignment | null;
}

@ObjectType({ description: "The result of a search across every partnership's priorities." })
export class PrioritySearch {
  @Field(() => [PriorityMatch], {
    description: "Matching priorities, by partnership in registry order, then in printed order.",
  })
  matches!: PriorityMatch[];

  @Field(() => Boolean, { description: "Every partnership searched answered." })
  complete!: boolean;

  @Field(() => [CommunitySafetyPartnership], {
    description: "Partnerships whose subgraph did not answer, so were not searched.",
  })
  unavailablePartnerships!: PartnershipObject[];
}
