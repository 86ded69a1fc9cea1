import { DateTimeScalar } from "@csg/schema";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "A priority the partnership withdrew: kept in its data and audit trail, no longer served among its priorities.",
})
@Directive("@shareable")
export class PriorityWithdrawal {
  @Field(() => ID, { description: "The withdrawn priority's id." })
  id!: string;

  @Field(() => String, { description: "Its title." })
  title!: string;

  @Field(() => DateTimeScalar, { description: "When it was withdrawn." })
  withdrawnAt!: string;
}
