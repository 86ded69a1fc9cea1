import type { PartnershipEntry } from "@csg/schema";
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  isRequiredArgument,
} from "graphql";

/** What the county's analysis reads of every partnership: fields of the partnership's entity type. */
export const ANALYSIS_FIELDS = [
  "currentPriorities",
  "priorities",
  "crimeStatistics",
  "areas",
  "targets",
  "rateTables",
] as const;
export type AnalysisField = (typeof ANALYSIS_FIELDS)[number];

/** Entities the county itself owns: a partnership's subgraph knows only their key. */
const COUNTY_OWNED = new Set(["CsaPriority"]);

/**
 * The selection of every field of a shared value type, read from the county's own schema
 * (the same type-graphql classes as the partnerships'), so the county can serve every field
 * of the Priority, CrimeStatistic, CrimeTarget and RateTable objects it returns, and keeps
 * doing so when a field is added to them. A type nested in itself (a statistic's
 * differingFigures) is read as its id and relinked by id (see publications.ts).
 */
function selectionOf(type: GraphQLObjectType, path: string[]): string {
  const fields = Object.values(type.getFields()).filter(
    (field: GraphQLField<unknown, unknown>) => !field.args.some(isRequiredArgument) && !field.name.startsWith("_"),
  );
  const parts = fields.map((field) => {
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return field.name;
    if (COUNTY_OWNED.has(named.name)) return `${field.name} { id }`;
    if (path.includes(named.name)) return `${field.name} { id }`;
    return `${field.name} { ${selectionOf(named, [...path, named.name])} }`;
  });
  return parts.join(" ");
}

/**
 * The operation the county sends a partnership's subgraph for one analysis: only the fields
 * it needs. Current priorities come whole when the analysis needs only them (coverage), as
 * ids into `priorities` when it reads every priority anyway. `byCategory`: the figures of the
 * category in `$category` only (the analysis of one category reads no other); `byPeriods`:
 * of the spans in `$periods` only (a total reads its period and the year before).
 */
export function publicationsQuery(
  schema: GraphQLSchema,
  entry: PartnershipEntry,
  needed: readonly AnalysisField[] = ANALYSIS_FIELDS,
  { byCategory = false, byPeriods = false }: { byCategory?: boolean; byPeriods?: boolean } = {},
): string {
  const publications = schema.getType(entry.entityTypeName);
  if (!isObjectType(publications)) throw new Error(`The county's schema has no entity type ${entry.entityTypeName}`);
  const fields = ANALYSIS_FIELDS.filter((name) => needed.includes(name)).map((name) => {
    const field = publications.getFields()[name];
    const type = getNamedType(field.type) as GraphQLObjectType;
    if (name === "currentPriorities" && needed.includes("priorities")) return `${name} { id }`;
    const narrowing = [byCategory && "category: $category", byPeriods && "periods: $periods"]
      .filter(Boolean)
      .join(", ");
    const argument = name === "crimeStatistics" && narrowing ? `(${narrowing})` : "";
    return `${name}${argument} { ${selectionOf(type, [type.name])} }`;
  });
  const variables = `$representations: [_Any!]!${byCategory ? ", $category: ID" : ""}${byPeriods ? ", $periods: [PeriodSpanInput!]" : ""}`;
  return `query CountyAnalysis(${variables}) { _entities(representations: $representations) { ... on ${entry.entityTypeName} { code ${fields.join(" ")} } } }`;
}
