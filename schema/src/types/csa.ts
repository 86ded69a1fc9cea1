import { Directive, Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";

/**
 * A priority of the county's Community Safety Agreement. The county subgraph owns it and
 * adds its title and coverage; partnership subgraphs refer to it by id.
 */
@ObjectType({ description: "A county-wide priority of the Community Safety Agreement (CSA), set by the LSCSB." })
@Directive('@key(fields: "id")')
export class CsaPriority {
  @Field(() => ID, { description: "Stable id, e.g. domestic-abuse." })
  id!: string;
}

export enum AlignmentBasis {
  DECLARED = "DECLARED",
  SUGGESTED = "SUGGESTED",
}

registerEnumType(AlignmentBasis, {
  name: "AlignmentBasis",
  description: "Who says a partnership priority serves a CSA priority.",
  valuesConfig: {
    DECLARED: { description: "Declared by the partnership itself: the last word." },
    SUGGESTED: { description: "Computed from the priority's words and crime categories; see evidence and score." },
  },
});

export enum EvidenceKind {
  TERM = "TERM",
  CATEGORY = "CATEGORY",
}

registerEnumType(EvidenceKind, {
  name: "EvidenceKind",
  description: "What matched in a suggested alignment.",
  valuesConfig: {
    TERM: { description: "A term of the CSA priority's vocabulary appears in the priority's text." },
    CATEGORY: { description: "A crime category the CSA priority covers is named by the priority." },
  },
});

@ObjectType({ description: "One piece of evidence behind a suggested alignment." })
@Directive("@shareable")
export class AlignmentEvidence {
  @Field(() => EvidenceKind, { description: "Term or crime category." })
  kind!: EvidenceKind;

  @Field(() => String, { description: "The term or category id that matched." })
  value!: string;

  @Field(() => String, { description: "Where it matched: title, description, focus area or note." })
  foundIn!: string;

  @Field(() => Float, {
    description:
      "What it adds to the score: 1 for a term or category, 0.5 for a supporting term (which needs more evidence beside it).",
  })
  weight!: number;
}

@ObjectType({ description: "A partnership priority's alignment with one CSA priority." })
@Directive("@shareable")
export class CsaAlignment {
  @Field(() => CsaPriority, { description: "The CSA priority served." })
  priority!: CsaPriority;

  @Field(() => AlignmentBasis, { description: "DECLARED by the partnership, or SUGGESTED by computation." })
  basis!: AlignmentBasis;

  @Field(() => Float, {
    nullable: true,
    description: "Strength of a suggestion (sum of evidence weights); null when declared.",
  })
  score?: number | null;

  @Field(() => [AlignmentEvidence], { description: "What matched, for a suggestion; empty when declared." })
  evidence!: AlignmentEvidence[];
}
