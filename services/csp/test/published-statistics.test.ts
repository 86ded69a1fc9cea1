/**
 * A partnership's figures are read and indexed once per revision of its database and reused by
 * every request until the next write: counted in SQL statements on Charnwood's seeded data.
 */
import { requirePartnership } from "@csg/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ensureSeeded } from "../src/dataset/ensure-seeded";
import { openCspDatabase } from "../src/db/database";
import * as t from "../src/db/schema";
import { createLoaders, PARTNERSHIP_WIDE } from "../src/graph/loaders";
import { PublishedStatistics } from "../src/graph/published-statistics";

describe("a partnership's figures, kept per revision", () => {
  it("are read once for many requests, and read again after a write", async () => {
    const database = openCspDatabase(":memory:");
    ensureSeeded(database.db, requirePartnership("charnwood").code);
    const published = new PublishedStatistics(database.db, database.revision);
    /** One request: Charnwood's all-crime figures with each one's change. */
    const request = async () => {
      const loaders = createLoaders(database.db, published);
      const before = database.statementCount();
      const rows = await loaders.statisticsOfCategory.load("all-crime");
      const changes = await Promise.all(
        rows.map(
          async (row) =>
            (await loaders.statisticIndex.load([PARTNERSHIP_WIDE, row.categoryId])).change(row)?.difference ?? null,
        ),
      );
      return { statements: database.statementCount() - before, changes };
    };
    const first = await request();
    expect(first.statements).toBeGreaterThan(0);
    expect(first.changes).toContain(1265); // Figure 1: 11,258 on 9,993
    const again = await request();
    expect(again).toEqual({ statements: 0, changes: first.changes });
    // A write (here a correction of 11,258 to 11,260) is a new revision: read again, and the change follows.
    database.db.update(t.crimeStatistics).set({ count: 11260 }).where(eq(t.crimeStatistics.count, 11258)).run();
    const afterWrite = await request();
    expect(afterWrite.statements).toBeGreaterThan(0);
    expect(afterWrite.changes).toContain(1267);
    expect(afterWrite.changes).not.toContain(1265);
    database.close();
  });
});
