import { type ASTNode, type DefinitionNode, type DocumentNode, type GraphQLError, getLocation } from "graphql";

/** One place a composition error points at: the subgraph, the schema coordinate and the line of its SDL. */
export interface FaultPlace {
  subgraph: string;
  /** `Type`, `Type.field` or `Type.field(argument:)`. */
  coordinate?: string;
  line?: number;
}

/** One composition error, with every subgraph and type or field it concerns. */
export interface CompositionProblem {
  code: string;
  message: string;
  /** The subgraphs at fault, from the error's nodes, its `[subgraph]` prefix and the subgraphs its message names. */
  subgraphs: string[];
  /** Types and fields at fault, from the error's nodes and the coordinates its message quotes. */
  coordinates: string[];
  places: FaultPlace[];
}

/** Composition failed: each error names the subgraph(s) and the type or field at fault. */
export class CompositionError extends Error {
  readonly problems: CompositionProblem[];

  /**
   * @param errors Apollo's composition errors.
   * @param subgraphs The parsed SDL each subgraph was composed from, by name: Apollo's errors
   *   carry the AST nodes at fault, and a node's source tells which subgraph it came from.
   */
  constructor(
    readonly errors: readonly GraphQLError[],
    subgraphs: ReadonlyMap<string, DocumentNode> = new Map(),
  ) {
    const problems = errors.map((error) => describeProblem(error, subgraphs));
    super(
      `Composition failed with ${problems.length} error${problems.length === 1 ? "" : "s"}:\n${problems.map(printProblem).join("\n")}`,
    );
    this.name = "CompositionError";
    this.problems = problems;
  }
}

function printProblem(problem: CompositionProblem): string {
  const subgraphs =
    problem.subgraphs.length > 0
      ? ` in subgraph${problem.subgraphs.length === 1 ? "" : "s"} ${problem.subgraphs.join(", ")}`
      : " (no subgraph named)";
  const at = problem.coordinates.length > 0 ? ` at ${problem.coordinates.join(", ")}` : "";
  const lines = [`  [${problem.code}]${subgraphs}${at}`, `    ${problem.message}`];
  for (const place of problem.places) {
    const where = [place.coordinate, place.line ? `line ${place.line}` : undefined].filter(Boolean).join(", ");
    lines.push(`    - ${place.subgraph}${where ? `: ${where}` : ""}`);
  }
  return lines.join("\n");
}

/** `Type`, `Type.field` or `Type.field(argument:)`; type names start with a capital here. */
const COORDINATE = /^[A-Z_][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*(\([_A-Za-z][_0-9A-Za-z]*:\))?)?$/;

/** Quoted as the type a field has, never the type at fault. */
const BUILT_IN_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);

function describeProblem(error: GraphQLError, subgraphs: ReadonlyMap<string, DocumentNode>): CompositionProblem {
  const places = (error.nodes ?? []).flatMap((node) => placeOf(node, subgraphs) ?? []);
  const prefixed = /^\[([^\]]+)\]/.exec(error.message)?.[1];
  const quoted = [...error.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  const subgraphNames = [
    ...places.map((p) => p.subgraph),
    ...(prefixed ? [prefixed] : []),
    // Messages such as `resolved from subgraphs "alpha" and "beta"` name subgraphs in quotes.
    ...quoted.filter((word) => subgraphs.has(word)),
  ];
  const coordinates = [
    ...places.flatMap((p) => p.coordinate ?? []),
    // Messages quote the coordinate at fault, e.g. `Non-shareable field "Thing.name"`.
    ...quoted.filter((word) => COORDINATE.test(word) && !subgraphs.has(word) && !BUILT_IN_SCALARS.has(word)),
  ];
  return {
    code: String(error.extensions?.code ?? "COMPOSITION_ERROR"),
    message: error.message,
    subgraphs: unique(subgraphNames),
    coordinates: unique(coordinates),
    places: uniqueBy(places, (p) => `${p.subgraph}|${p.coordinate}|${p.line}`),
  };
}

/** Where a node of an error sits: which subgraph's SDL it comes from, and the type or field enclosing it. */
function placeOf(
  node: ASTNode & { subgraph?: string },
  subgraphs: ReadonlyMap<string, DocumentNode>,
): FaultPlace | undefined {
  const source = node.loc?.source;
  const owner = [...subgraphs].find(([, document]) => source && document.loc?.source === source);
  const subgraph = node.subgraph ?? owner?.[0];
  if (!subgraph) return undefined;
  const document = owner?.[1] ?? subgraphs.get(subgraph);
  const start = node.loc?.start;
  if (start === undefined || !document || document.loc?.source !== source) return { subgraph };
  // The line of the definition's name, not of the description above it.
  const nameStart =
    "name" in node && node.name && typeof node.name === "object" && "loc" in node.name
      ? node.name.loc?.start
      : undefined;
  return { subgraph, coordinate: coordinateAt(document, start), line: getLocation(source!, nameStart ?? start).line };
}

/** The schema coordinate of the innermost type, field or argument definition containing `offset`. */
function coordinateAt(document: DocumentNode, offset: number): string | undefined {
  const contains = (node: ASTNode) => node.loc !== undefined && node.loc.start <= offset && offset < node.loc.end;
  const definition = document.definitions.find(contains) as
    | (DefinitionNode & { name?: { value: string }; fields?: readonly ASTNode[] })
    | undefined;
  if (!definition?.name) return undefined;
  const typeName = definition.name.value;
  const field = definition.fields?.find(contains) as
    | { name: { value: string }; arguments?: readonly ASTNode[] }
    | undefined;
  if (!field) return typeName;
  const argument = field.arguments?.find(contains) as { name: { value: string } } | undefined;
  return argument ? `${typeName}.${field.name.value}(${argument.name.value}:)` : `${typeName}.${field.name.value}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}
