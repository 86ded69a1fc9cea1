import { Arg, Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { CrimeStatistic } from "./crime";
import { Source } from "./source";

export enum AreaKind {
  POLICE_BEAT = "POLICE_BEAT",
}

registerEnumType(AreaKind, {
  name: "AreaKind",
  description: "What kind of area within a partnership.",
  valuesConfig: { POLICE_BEAT: { description: "A police beat (neighbourhood policing area)." } },
});

@ObjectType({ description: "An area within a partnership (a police beat) with figures of its own." })
@Directive("@shareable")
export class Area {
  @Field(() => ID, { description: "Stable id, unique across partnerships." })
  id!: string;

  @Field(() => String, { description: "Short name, e.g. Beat 62." })
  name!: string;

  @Field(() => AreaKind, { description: "What kind of area." })
  kind!: AreaKind;

  @Field(() => String, { description: "The row label exactly as printed." })
  localLabel!: string;

  @Field(() => Source, { description: "Where the area's figures were published." })
  source!: Source;

  @Field(() => [CrimeStatistic], { description: "The area's own figures, optionally of one category." })
  crimeStatistics(
    @Arg("category", () => ID, { nullable: true, description: "A canonical category id." }) _category?: string,
  ): CrimeStatistic[] {
    return [];
  }
}
