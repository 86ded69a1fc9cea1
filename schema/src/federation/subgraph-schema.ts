import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  Kind,
  graphqlSync,
  parse,
  print,
  visit,
} from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap, getMetadataStorage } from "type-graphql";

const FEDERATION_DIRECTIVES = ["@key", "@shareable", "@external"];
const federationLink = (extra: string[] = []) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${[...FEDERATION_DIRECTIVES, ...extra].map((d) => `"${d}"`).join(", ")}])`;

export interface SubgraphOptions {
  resolvers: BuildSchemaOptions["resolvers"];
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  /** Fields to mark @external on the named types: fields owned by another subgraph. */
  external?: { types: string[]; fields: string[] };
  /** Resolvers merged over type-graphql's, e.g. `__resolveReference` of entity types. */
  referenceResolvers?: Record<string, Record<string, unknown>>;
  /** Federation directives beyond @key, @shareable and @external (the national subgraph's @interfaceObject). */
  federationDirectives?: string[];
}

export interface Subgraph {
  schema: GraphQLSchema;
  /** The SDL the subgraph serves as `_service { sdl }`. */
  sdl: string;
}

function markExternal(document: DocumentNode, external: { types: string[]; fields: string[] }): DocumentNode {
  const types = new Set(external.types);
  const fields = new Set(external.fields);
  const externalDirective = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: "external" } } as const;
  return visit(document, {
    ObjectTypeDefinition(node) {
      if (!types.has(node.name.value)) return undefined;
      return {
        ...node,
        fields: node.fields?.map(
          (field): FieldDefinitionNode =>
            fields.has(field.name.value)
              ? { ...field, directives: [...(field.directives ?? []), externalDirective] }
              : field,
        ),
      };
    },
  });
}

function mergeResolvers(base: Record<string, any>, extra: Record<string, Record<string, unknown>> = {}) {
  const merged: Record<string, any> = { ...base };
  for (const [type, fields] of Object.entries(extra)) merged[type] = { ...(merged[type] ?? {}), ...fields };
  return merged;
}

/**
 * Builds a federation subgraph from type-graphql classes: type-graphql prints the SDL (with
 * its @key, @shareable and @external directives), @apollo/subgraph builds the subgraph.
 * `given` as a function: the classes it makes (a partnership's entity type, its resolvers)
 * are made in this build's turn, so their metadata never appears in the middle of another
 * subgraph's build in the same process (a shared host, a test's system): made outside it, a
 * partnership's `BlabyCsp` once met the county's in the county's build ("Schema must contain
 * uniquely named types"), and the county's restore could cut a partnership's fields.
 */
export async function buildFederatedSubgraph(given: SubgraphOptions | (() => SubgraphOptions)): Promise<Subgraph> {
  let options!: SubgraphOptions;
  const typeGraphqlSchema = await withoutLeakingFields(
    () => {
      options = typeof given === "function" ? given() : given;
      preferResolverClasses();
    },
    () =>
      buildSchema({
        resolvers: options.resolvers,
        orphanedTypes: options.orphanedTypes,
        skipCheck: true,
        validate: false,
      }),
  );
  let document = parse(printSchemaWithDirectives(typeGraphqlSchema));
  if (options.external) document = markExternal(document, options.external);
  const typeDefs = parse(
    `${federationLink(options.federationDirectives)}\n${printDocumentWithoutSchemaBlock(document)}`,
  );
  const resolvers = mergeResolvers(
    createResolversMap(typeGraphqlSchema) as Record<string, any>,
    options.referenceResolvers,
  );
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as any }]);
  return { schema, sdl: servedSdl(schema) };
}

/**
 * The subgraph's own answer to `_service { sdl }`: what a router composes from when it asks
 * the running subgraph, so the SDL that is committed and composed is exactly that.
 */
function servedSdl(schema: GraphQLSchema): string {
  const result = graphqlSync({ schema, source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null)?._service?.sdl;
  if (typeof sdl !== "string")
    throw new Error(`The subgraph did not answer _service { sdl }: ${result.errors?.map((e) => e.message).join("; ")}`);
  return sdl;
}

/**
 * Shared classes declare fields with arguments as placeholder methods (so every subgraph
 * prints the same field); a subgraph's @FieldResolver of such a field must win over the
 * placeholder. type-graphql takes the first match, so resolver classes go first.
 */
function preferResolverClasses(): void {
  const storage = getMetadataStorage();
  storage.fieldResolvers.sort((a, b) => Number(a.kind === "internal") - Number(b.kind === "internal"));
}

/**
 * type-graphql keeps its metadata globally, and a @FieldResolver of a field a class does not
 * declare (the county's CsaPriority.title) is added to that class for good. Subgraphs built
 * in one process (composition, tests) must not see each other's fields: restore after build.
 */
async function withoutLeakingFields<T>(prepare: () => void, build: () => Promise<T>): Promise<T> {
  // One build at a time: two interleaved (a system hosted in one process starts its subgraphs together) would restore each other's fields.
  const turn = buildsInTurn.then(() => {
    prepare();
    return buildAlone(build);
  });
  buildsInTurn = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

let buildsInTurn: Promise<void> = Promise.resolve();

async function buildAlone<T>(build: () => Promise<T>): Promise<T> {
  const storage = getMetadataStorage();
  const fieldCount = storage.fields.length;
  const types = [...storage.objectTypes, ...storage.interfaceTypes];
  const saved = types.map((type) => [type, type.fields ? [...type.fields] : undefined] as const);
  try {
    return await build();
  } finally {
    storage.fields.length = fieldCount;
    for (const [type, fields] of saved) type.fields = fields;
  }
}

function printDocumentWithoutSchemaBlock(document: DocumentNode): string {
  const withoutSchema = {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.SCHEMA_DEFINITION),
  };
  return print(withoutSchema);
}
