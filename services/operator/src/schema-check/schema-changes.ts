import { CriticalityLevel, diff } from "@graphql-inspector/core";
import type { GraphQLSchema } from "graphql";

/** How a change affects the dashboards: `breaking` fails their queries, `dangerous` may change their results. */
export type ChangeLevel = "breaking" | "dangerous" | "safe";

/** One change between two versions of the schema, as @graphql-inspector/core classifies it. */
export interface SchemaChange {
  level: ChangeLevel;
  /** Inspector's message, e.g. "Field 'publishedAreas' was removed from object type 'County'". */
  message: string;
  /** The schema coordinate, e.g. `County.publishedAreas`. */
  path?: string;
  /** Inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  /** Why inspector rates it so, when it says. */
  reason?: string;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: "breaking",
  [CriticalityLevel.Dangerous]: "dangerous",
  [CriticalityLevel.NonBreaking]: "safe",
};

const ORDER: ChangeLevel[] = ["breaking", "dangerous", "safe"];

/** Every change from `before` to `after`, breaking first, with inspector's classification. */
export async function changesBetween(before: GraphQLSchema, after: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(before, after);
  return changes
    .map((change) => ({
      level: LEVELS[change.criticality.level],
      message: change.message,
      path: change.path,
      type: String(change.type),
      reason: change.criticality.reason,
    }))
    .sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
}
