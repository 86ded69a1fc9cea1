import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time";

@ObjectType({
  description: "One write to a subgraph's data: who made it, when, what it changed, and the data before and after.",
})
@Directive("@shareable")
export class AuditEntry {
  @Field(() => ID, { description: "Stable id, unique across subgraphs (subgraph, colon, audit, number)." })
  id!: string;

  @Field(() => DateTimeScalar, { description: "When the write was committed." })
  at!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The id of the token that authorised it; null for a local command (e.g. a CSV import).",
  })
  tokenId?: string | null;

  @Field(() => String, {
    description:
      "The token's label (who holds it), or the local command and the user who ran it. Never the token itself.",
  })
  actor!: string;

  @Field(() => String, { description: "The write, e.g. createPriority, recordCrimeStatistics, importCrimeStatistics." })
  operation!: string;

  @Field(() => String, { description: "What it wrote to: an id, or the imported file's name." })
  subject!: string;

  @Field(() => String, { nullable: true, description: "The data it replaced, as JSON; null for an addition." })
  before?: string | null;

  @Field(() => String, { nullable: true, description: "The data it wrote, as JSON." })
  after?: string | null;
}
