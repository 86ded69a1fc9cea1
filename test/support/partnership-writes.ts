/**
 * Writes to a running partnership's own data, as the partnership would publish a change.
 * Until the write API (mutations) lands, it writes straight to the partnership's SQLite file
 * with the partnership subgraph's own drizzle schema, in one transaction, while the service
 * runs (WAL mode allows it). Replace these with the mutations when they exist.
 */
import { cspTables as t, openCspDatabase } from "@csg/csp-subgraph";
import { and, eq, isNull, sql } from "drizzle-orm";
import { join } from "node:path";

type Transaction = Parameters<Parameters<ReturnType<typeof openCspDatabase>["db"]["transaction"]>[0]>[0];

function publish(dataDir: string, partnership: string, write: (tx: Transaction) => void): void {
  const database = openCspDatabase(join(dataDir, `${partnership}.db`));
  try {
    database.db.transaction((tx) => {
      write(tx);
      tx.update(t.publicationState)
        .set({ dataVersion: sql`${t.publicationState.dataVersion} + 1`, lastPublishedAt: new Date().toISOString() })
        .run();
    });
  } finally {
    database.close();
  }
}

/**
 * The partnership declares which CSA priorities one of its priorities serves: its last word
 * ([] for none); null withdraws the declaration, so that suggestions apply again.
 */
export function declareAlignment(dataDir: string, partnership: string, priorityId: string, csaPriorityIds: string[] | null): void {
  publish(dataDir, partnership, (tx) => {
    const { changes } = tx.update(t.priorities).set({ declaredAlignment: csaPriorityIds }).where(eq(t.priorities.id, priorityId)).run();
    if (changes !== 1) throw new Error(`${partnership} has no priority ${priorityId}`);
  });
}

/** The partnership corrects one of its partnership-wide published counts. */
export function correctCount(
  dataDir: string,
  partnership: string,
  figure: { category: string; periodId: string; locator: string },
  count: number,
): void {
  publish(dataDir, partnership, (tx) => {
    const { changes } = tx
      .update(t.crimeStatistics)
      .set({ count })
      .where(
        and(
          isNull(t.crimeStatistics.areaId),
          eq(t.crimeStatistics.categoryId, figure.category),
          eq(t.crimeStatistics.periodId, figure.periodId),
          eq(t.crimeStatistics.sourceLocator, figure.locator),
        ),
      )
      .run();
    if (changes !== 1) throw new Error(`${partnership} has no ${figure.category} figure for ${figure.periodId} in ${figure.locator}`);
  });
}
