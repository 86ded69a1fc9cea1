import { requirePartnership } from "@csg/schema";
import { serveSubgraph } from "@csg/service-runtime";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSeeded } from "../src/dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "../src/db/database";
import * as t from "../src/db/schema";
import type { CspContext } from "../src/graph/context";
import { createLoaders } from "../src/graph/loaders";
import { buildCspSubgraph } from "../src/subgraph";

const EVERYTHING = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CharnwoodCsp {
  priorities { id title theme { title } period { label } focusAreas { text } csaAlignment { priority { id } basis evidence { value } } }
  plans { id current themes { title } priorities { id } }
  crimeStatistics { id count category { id } period { label start end } source { locator } alsoPublishedIn { locator } differingFigures { id }
    change { difference percent previous { id count period { label } change { difference } } } }
  areas { name crimeStatistics { count period { label } change { difference percent previous { count } } } }
  targets { status baseline { count } outcome { count } }
  funding { amount { pence } allocations { purpose source { locator } } }
} } }`;

let dataDir: string;
let database: OpenCspDatabase;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "csg-batching-"));
  database = openCspDatabase(join(dataDir, "charnwood.db"));
  ensureSeeded(database.db, "charnwood");
  const partnership = requirePartnership("charnwood");
  const { schema } = await buildCspSubgraph(partnership);
  const served = await serveSubgraph<CspContext>(schema, 0, async () => ({ partnership, loaders: createLoaders(database.db) }));
  url = served.url;
  stop = served.stop;
});

afterAll(async () => {
  await stop?.();
  database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function statementsFor(query: string): Promise<{ statements: number; data: any }> {
  const before = database.statementCount();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { r: [{ __typename: "CharnwoodCsp", code: "charnwood" }] } }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { statements: database.statementCount() - before, data: body.data._entities[0] };
}

/** Adds `n` more priorities (with focus areas) and `n` more figures (with a second source) to Charnwood's data. */
function addRows(n: number, round: number): void {
  database.db.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      const id = `extra-${round}-${i}`;
      tx.insert(t.priorities)
        .values({ id, planId: "priorities-2019-20", themeId: "2019-20-t1", position: 100 + i, title: `Reduce shoplifting ${i}`, crossCutting: false, mandatory: false, notes: [], sourceDocument: "test", sourceLocator: "test" })
        .run();
      tx.insert(t.focusAreas).values({ priorityId: id, position: 0, text: "Work with retailers", details: [] }).run();
      const [stat] = tx
        .insert(t.crimeStatistics)
        .values({ categoryId: "robbery", localLabel: "Robbery", count: i, periodId: "fig1-2018-19-ytd", notes: [], sourceDocument: "test", sourceLocator: `table ${round}-${i}` })
        .returning()
        .all();
      tx.insert(t.statisticSources).values({ statisticId: stat.id, position: 0, document: "test", locator: "copy" }).run();
    }
  });
}

describe("per-request DataLoaders", () => {
  it("run the same number of SQL statements for all priorities and statistics however many rows there are", async () => {
    const seeded = await statementsFor(EVERYTHING);
    expect(seeded.data.priorities).toHaveLength(13);
    expect(seeded.data.crimeStatistics.length).toBeGreaterThan(20);

    addRows(50, 1);
    const more = await statementsFor(EVERYTHING);
    expect(more.data.priorities).toHaveLength(63);

    addRows(200, 2);
    const many = await statementsFor(EVERYTHING);
    expect(many.data.priorities).toHaveLength(263);

    expect(more.statements).toBe(seeded.statements);
    expect(many.statements).toBe(seeded.statements);
    // One statement per relation, not per row: far fewer than the rows returned.
    expect(many.statements).toBeLessThan(30);
  });
});
