import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import { type DocumentEntry, findSeedDocument } from "../documents";
import { DateScalar } from "../scalars/date";

@ObjectType({
  description: "Where a figure or item was published: a source document and the table, figure or heading in it.",
})
@Directive("@shareable")
export class Source {
  @Field(() => String, { description: "The source document's file name, e.g. 002_8e9c48eccd29813b.txt." })
  document!: string;

  @Field(() => String, { description: "The table, figure or heading within the document, e.g. Figure 1." })
  locator!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The document's title as its front page prints it, e.g. Crime and Disorder Reduction and Community Safety (Scrutiny Management Board, Item 7). Null only for a file the system was never told the title of (a national file named by its file name).",
  })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Who published the document, e.g. Charnwood Borough Council, Scrutiny Management Board. Null as title is.",
  })
  publisher?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The date of publication the document prints; null when it prints none. A recorded (not projected) figure's period never ends after it.",
  })
  published?: string | null;
}

/** A source as served, from its document and locator: the one spelling every subgraph uses. */
export function sourceOf(document: string, locator: string): Source {
  return { document, locator };
}

/** Finds what a subgraph knows of a document: the seed documents, then the documents it stored. */
export type DocumentLookup = (document: string) => Pick<DocumentEntry, "title" | "publisher" | "published"> | undefined;

/**
 * The resolver of a Source's document fields in one subgraph: a source read from another
 * subgraph (the county reads the partnerships') already carries them; any other is looked up
 * by its file name, in the seed documents first, then in what `lookupOf` finds for the request.
 */
export function sourceDocumentResolver<Context>(
  lookupOf: (context: Context) => DocumentLookup = () => () => undefined,
) {
  const find = (source: Source, context: Context) =>
    findSeedDocument(source.document) ?? lookupOf(context)(source.document);

  @Resolver(() => Source)
  class SourceDocumentResolver {
    @FieldResolver()
    title(@Root() source: Source, @Ctx() context: Context): string | null {
      return source.title !== undefined ? source.title : (find(source, context)?.title ?? null);
    }

    @FieldResolver()
    publisher(@Root() source: Source, @Ctx() context: Context): string | null {
      return source.publisher !== undefined ? source.publisher : (find(source, context)?.publisher ?? null);
    }

    @FieldResolver()
    published(@Root() source: Source, @Ctx() context: Context): string | null {
      return source.published !== undefined ? source.published : (find(source, context)?.published ?? null);
    }
  }
  return SourceDocumentResolver;
}
