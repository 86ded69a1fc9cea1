import {
  ACKNOWLEDGED_CHANGES,
  type AcknowledgedChange,
  acknowledgementOf,
  acknowledgementTemplate,
} from "./acknowledged-changes";
import { apiSchemaOf } from "./api-schema";
import type { MainSupergraph } from "./main-supergraph";
import { type SchemaChange, changesBetween } from "./schema-changes";

export interface SchemaCheckInput {
  /** The supergraph composed now from the code. */
  composed: string;
  /** schema/generated/supergraph.graphql as it is in the working tree. */
  committed: string;
  /** The committed supergraph is not what `pnpm compose` would write now. */
  committedIsStale?: boolean;
  main: MainSupergraph;
  acknowledged: AcknowledgedChange[];
  /** YYYY-MM-DD, for the acknowledgement template. */
  today?: string;
}

/** The changes from one earlier supergraph to the composed one. */
export interface Comparison {
  against: string;
  changes: SchemaChange[];
}

export interface SchemaCheckResult {
  comparisons: Comparison[];
  notices: string[];
  /** Breaking changes that no acknowledgement names: the check fails on these. */
  unacknowledged: SchemaChange[];
  /** Acknowledgements that name no change of this check (the change is in main now): they may go. */
  unused: AcknowledgedChange[];
  passed: boolean;
  report: string;
}

const LABEL = { breaking: "BREAKING ", dangerous: "DANGEROUS", safe: "safe     " } as const;

/**
 * Compares the composed supergraph's API schema with the committed one and with main's,
 * and fails on a breaking change that the acknowledgements file does not name.
 */
export async function checkSchema(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const composed = apiSchemaOf(input.composed);
  const notices: string[] = [];
  const comparisons: Comparison[] = [
    {
      against: "the committed schema/generated/supergraph.graphql",
      changes: await changesBetween(apiSchemaOf(input.committed), composed),
    },
  ];
  if (input.committedIsStale) {
    notices.push(
      "The committed supergraph is not the composition of the code: run `pnpm compose` and commit schema/generated/.",
    );
  }
  if (input.main.found) {
    const against = `main's supergraph at ${input.main.commit.slice(0, 7)} (${input.main.description})`;
    comparisons.push({ against, changes: await changesBetween(apiSchemaOf(input.main.sdl), composed) });
  } else {
    notices.push(`Skipped the comparison with main's supergraph: ${input.main.notice}.`);
  }

  const breaking = uniqueByMessage(
    comparisons.flatMap((c) => c.changes.filter((change) => change.level === "breaking")),
  );
  const unacknowledged = breaking.filter((change) => !acknowledgementOf(change, input.acknowledged));
  const allChanges = comparisons.flatMap((c) => c.changes);
  const unused = input.acknowledged.filter((a) => !allChanges.some((change) => acknowledgementOf(change, [a])));

  const lines: string[] = [];
  for (const comparison of comparisons) {
    lines.push(`Compared with ${comparison.against}: ${describeCount(comparison.changes)}`);
    for (const change of comparison.changes) {
      const acknowledgement = change.level === "breaking" ? acknowledgementOf(change, input.acknowledged) : undefined;
      const note = acknowledgement
        ? `  (acknowledged by ${acknowledgement.acknowledgedBy} on ${acknowledgement.date}: ${acknowledgement.reason})`
        : "";
      lines.push(`  ${LABEL[change.level]}  ${change.path ?? ""}  ${change.message}${note}`);
    }
  }
  for (const notice of notices) lines.push(`Notice: ${notice}`);
  for (const a of unused)
    lines.push(
      `Notice: the acknowledgement of "${a.change}" names no change of this check; remove it once main has the change.`,
    );
  if (unacknowledged.length > 0) {
    const today = input.today ?? new Date().toISOString().slice(0, 10);
    lines.push(
      "",
      `FAILED: ${unacknowledged.length} breaking change${unacknowledged.length === 1 ? " is" : "s are"} not acknowledged. Dashboards' queries that use ${unacknowledged.length === 1 ? "it" : "them"} will fail.`,
      `Undo the change, or, if the county has agreed to it, add to ${ACKNOWLEDGED_CHANGES} (a reason the county can read, your name, the date):`,
      JSON.stringify(
        unacknowledged.map((change) => acknowledgementTemplate(change, today)),
        null,
        2,
      ),
    );
  } else {
    lines.push(breaking.length > 0 ? "Passed: every breaking change is acknowledged." : "Passed: no breaking change.");
  }
  return {
    comparisons,
    notices,
    unacknowledged,
    unused,
    passed: unacknowledged.length === 0,
    report: lines.join("\n"),
  };
}

function describeCount(changes: SchemaChange[]): string {
  if (changes.length === 0) return "no changes";
  const count = (level: SchemaChange["level"]) => changes.filter((c) => c.level === level).length;
  return `${changes.length} change${changes.length === 1 ? "" : "s"} (${count("breaking")} breaking, ${count("dangerous")} dangerous, ${count("safe")} safe)`;
}

function uniqueByMessage(changes: SchemaChange[]): SchemaChange[] {
  return [...new Map(changes.map((c) => [c.message, c])).values()];
}
