import { Directive, Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a figure or item was published: a source document and the table, figure or heading in it." })
@Directive("@shareable")
export class Source {
  @Field(() => String, { description: "The source document's file name, e.g. 002_8e9c48eccd29813b.txt." })
  document!: string;

  @Field(() => String, { description: "The table, figure or heading within the document, e.g. Figure 1." })
  locator!: string;
}
