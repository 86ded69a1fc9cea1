/**
 * A partnership publishes a change as its officers would: a mutation through the gateway
 * with the partnership's own token (issued by the real token command code).
 */
import { issueToken } from "@csg/operator/tokens";
import { mutationNamespace, publicId, requirePartnership } from "@csg/schema";
import { expect } from "vitest";
import type { SystemClient } from "./system-client";

const tokens = new Map<string, string>();

function tokenOf(t: SystemClient, partnership: string): string {
  const key = `${t.dataDir}:${partnership}`;
  if (!tokens.has(key)) tokens.set(key, issueToken(t.dataDir, partnership, `${partnership} officer (test)`).token);
  return tokens.get(key)!;
}

async function write(
  t: SystemClient,
  partnership: string,
  operation: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const { field } = mutationNamespace(requirePartnership(partnership));
  const { errors } = await t.query(
    `mutation(${operation.split("\n")[0]}) { ${field} { ${operation.split("\n").slice(1).join(" ")} } }`,
    variables,
    tokenOf(t, partnership),
  );
  expect(errors).toBeUndefined();
}

/**
 * The partnership declares which CSA priorities one of its priorities serves: its last word
 * ([] for none); null withdraws the declaration, so that suggestions apply again.
 */
export async function declareAlignment(
  t: SystemClient,
  partnership: string,
  priorityId: string,
  csaPriorityIds: string[] | null,
): Promise<void> {
  await write(
    t,
    partnership,
    "$id: ID!, $ids: [ID!]\nupdatePriority(id: $id, changes: { declaredAlignment: $ids }) { id }",
    {
      id: publicId(partnership, priorityId),
      ids: csaPriorityIds,
    },
  );
}

/** The partnership corrects one of its partnership-wide published counts, found by category, period label and table. */
export async function correctCount(
  t: SystemClient,
  partnership: string,
  figure: { category: string; periodLabel: string; locator: string },
  count: number,
  /** Where the corrected count comes from, and why it changed (recorded with the correction). */
  recorded: { source?: Record<string, string>; note?: string } = {},
): Promise<void> {
  const { data } = await t.query(
    `query($code: ID!, $category: ID!) { partnership(code: $code) { crimeStatistics(category: $category) { id period { label } source { locator } } } }`,
    {
      code: partnership,
      category: figure.category,
    },
  );
  const found = data.partnership.crimeStatistics.filter(
    (s: any) => s.period.label === figure.periodLabel && s.source.locator === figure.locator,
  );
  expect(found).toHaveLength(1);
  await write(
    t,
    partnership,
    "$corrections: [CrimeStatisticCorrectionInput!]!\ncorrectCrimeStatistics(corrections: $corrections) { id }",
    {
      corrections: [{ id: found[0].id, count, ...recorded }],
    },
  );
}

/** The partnership records new partnership-wide figures (all or none), as published in one document. */
export async function recordFigures(
  t: SystemClient,
  partnership: string,
  statistics: {
    category: string;
    localLabel: string;
    count: number;
    period: Record<string, string>;
    source: Record<string, string>;
  }[],
): Promise<void> {
  await write(
    t,
    partnership,
    "$statistics: [CrimeStatisticInput!]!\nrecordCrimeStatistics(statistics: $statistics) { id }",
    { statistics },
  );
}
