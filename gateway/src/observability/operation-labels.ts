/**
 * Operation names as metric labels, from a closed set: every label is a time series kept for
 * the gateway's life, and a client chooses the name (100 names of 100 KB once made /metrics
 * 180 MB, then too long a string to build). A label is the name of an operation the pages
 * send, or one of the first `cap` other names that a request's document defined (each a
 * GraphQL name of at most MAX_LABEL_NAME characters); every other name is counted as "other".
 */
import { nationalPositionQuery } from "@csg/pages/queries/national";
import { crimeTotalsQuery, overviewQuery, prioritySearchQuery } from "@csg/pages/queries/overview";
import { countyComparisonQuery, partnershipQuery } from "@csg/pages/queries/partnership";

export const OTHER_OPERATIONS = "other";
export const MAX_LABEL_NAME = 64;
/** CSG_METRICS_MAX_OPERATIONS overrides. */
export const DEFAULT_MAX_OPERATION_LABELS = 50;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The names of the operations the gateway's own pages send. */
export function pageOperationNames(): string[] {
  const queries = [
    nationalPositionQuery,
    crimeTotalsQuery,
    overviewQuery,
    prioritySearchQuery,
    countyComparisonQuery(1),
    partnershipQuery,
  ];
  return queries.flatMap((query) =>
    [...query.matchAll(/\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map((m) => m[1]),
  );
}

export class OperationLabels {
  private readonly labels: Set<string>;
  private registered = 0;

  constructor(
    known: Iterable<string> = pageOperationNames(),
    private readonly cap = Number(process.env.CSG_METRICS_MAX_OPERATIONS || DEFAULT_MAX_OPERATION_LABELS),
  ) {
    this.labels = new Set(["anonymous", ...known]);
  }

  /** The label of an operation name; `defined`: the request's document defines it, so a new name may be kept. */
  label(name: string, defined: boolean): string {
    if (this.labels.has(name)) return name;
    if (!defined || this.registered >= this.cap || name.length > MAX_LABEL_NAME || !GRAPHQL_NAME.test(name))
      return OTHER_OPERATIONS;
    this.labels.add(name);
    this.registered++;
    return name;
  }
}

/** What a log line keeps of a text a client chose: its first characters, and how long it was. */
export function clientText(text: string, keep = MAX_LABEL_NAME): string {
  return text.length <= keep ? text : `${text.slice(0, keep)}… (${text.length} characters)`;
}
