/**
 * The operation limits' values: defaults, each one's environment variable, and how they are
 * read. Apart from the rules that enforce them (operation-limits.ts), so that the launcher,
 * which only passes them on to the gateway's process, loads no GraphQL machinery.
 */
import { wholeNumberSetting } from "@csg/service-runtime";

export interface OperationLimits {
  /** Lexical tokens in the document (every name, brace, argument...). */
  maxTokens: number;
  /** Fields nested in fields. */
  maxDepth: number;
  /** Aliased fields in an operation. */
  maxAliases: number;
  /** Directives in an operation. */
  maxDirectives: number;
  /** Armor's estimated cost: each object 2, each scalar 1, times 1.5 per level of depth. */
  maxCost: number;
  /** How often one list field may appear on one path (1: never inside itself). */
  maxListNesting: number;
  /** How often one entity type (a partnership, a CSA priority) may be reached on one path (entity-nesting.ts). */
  maxEntityNesting: number;
  /** How often, in the whole operation, a field reaches an entity type already on its path (entity-nesting.ts). */
  maxEntityReentries: number;
  /**
   * The query planner's own guard (@apollo/query-planner's pathsLimit): planning stops with
   * QUERY_PLAN_TOO_COSTLY once it has weighed this many options for one field.
   */
  maxPlanOptions: number;
}

/**
 * Let through every query of the documentation, the tests and the dashboards (the costliest:
 * a partnership's page about 1,240, every published figure at once about 1,450; no test's
 * query nests deeper than 8); refuse the cases (25 aliases of every partnership's
 * full figures cost about 2,300).
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxTokens: 3000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 2000,
  maxListNesting: 1,
  // A partnership within a partnership (`partnership { nationalPosition { partnership { code } } }`)
  // plans in milliseconds; one more turn takes seconds and the next runs out of memory.
  maxEntityNesting: 2,
  // Each re-entry can cost a plan of about a second (see entity-nesting.ts); no page, test or documented query has one.
  maxEntityReentries: 1,
  // The costliest query the limits above let through (25 aliases of a partnership's national
  // position within a partnership's) plans within it; see OPERATIONS.md for the measurements.
  maxPlanOptions: 1000,
};

/** Each limit's environment variable, e.g. CSG_LIMIT_MAX_DEPTH=15. */
export const OPERATION_LIMIT_ENV: Record<keyof OperationLimits, string> = {
  maxTokens: "CSG_LIMIT_MAX_TOKENS",
  maxDepth: "CSG_LIMIT_MAX_DEPTH",
  maxAliases: "CSG_LIMIT_MAX_ALIASES",
  maxDirectives: "CSG_LIMIT_MAX_DIRECTIVES",
  maxCost: "CSG_LIMIT_MAX_COST",
  maxListNesting: "CSG_LIMIT_MAX_LIST_NESTING",
  maxEntityNesting: "CSG_LIMIT_MAX_ENTITY_NESTING",
  maxEntityReentries: "CSG_LIMIT_MAX_ENTITY_REENTRIES",
  maxPlanOptions: "CSG_LIMIT_MAX_PLAN_OPTIONS",
};

/** The defaults, overridden by options, then by the environment. */
export function operationLimits(
  overrides: Partial<OperationLimits> = {},
  env: NodeJS.ProcessEnv = process.env,
): OperationLimits {
  const limits = { ...DEFAULT_OPERATION_LIMITS, ...overrides };
  for (const [name, variable] of Object.entries(OPERATION_LIMIT_ENV) as [keyof OperationLimits, string][])
    limits[name] = wholeNumberSetting(variable, limits[name], env);
  return limits;
}
