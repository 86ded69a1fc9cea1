/**
 * Charnwood's subgraph served in this process over real HTTP, on a fresh seeded SQLite
 * file, with its SQL statements counted: for the batching test and the batching benchmark.
 */
import { requirePartnership } from "@csg/schema";
import { serveSubgraph } from "@csg/service-runtime";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureSeeded } from "../../src/dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "../../src/db/database";
import * as t from "../../src/db/schema";
import type { CspContext } from "../../src/graph/context";
import { createLoaders } from "../../src/graph/loaders";
import { buildCspSubgraph } from "../../src/subgraph";

/** Every list relation of the partnership, nested: priorities and statistics with all they hang on. */
export const EVERYTHING = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CharnwoodCsp {
  priorities { id title theme { title } period { label } focusAreas { text } csaAlignment { priority { id } basis evidence { value } } }
  plans { id current themes { title } priorities { id } }
  crimeStatistics { id count category { id } period { label start end } source { locator } alsoPublishedIn { locator } differingFigures { id }
    change { difference percent previous { id count period { label } change { difference } } } }
  areas { name crimeStatistics { count period { label } change { difference percent previous { count } } } }
  targets { status baseline { count } outcome { count } }
  funding { amount { pence } allocations { purpose source { locator } } }
} } }`;

export interface QueryRun {
  statements: number;
  milliseconds: number;
  data: any;
  errors?: unknown[];
}

export interface CharnwoodSubgraph {
  database: OpenCspDatabase;
  /** Runs a query against the subgraph over HTTP: the statements it ran and how long it took. */
  run(query: string): Promise<QueryRun>;
  /**
   * Adds `n` more priorities (each with a focus area) and `n` more figures (each with a
   * second source): one table's robbery counts for `n` consecutive financial years, so each
   * figure has a year before to change from.
   */
  addRows(n: number, round: number): void;
  stop(): Promise<void>;
}

export async function startCharnwoodSubgraph(): Promise<CharnwoodSubgraph> {
  const dataDir = mkdtempSync(join(tmpdir(), "csg-charnwood-"));
  const database = openCspDatabase(join(dataDir, "charnwood.db"));
  ensureSeeded(database.db, "charnwood");
  const partnership = requirePartnership("charnwood");
  const { schema } = await buildCspSubgraph(partnership);
  const served = await serveSubgraph<CspContext>(schema, 0, async () => ({
    partnership,
    loaders: createLoaders(database.db),
  }));
  return {
    database,
    async run(query) {
      const before = database.statementCount();
      const started = performance.now();
      const response = await fetch(served.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables: { r: [{ __typename: "CharnwoodCsp", code: "charnwood" }] } }),
      });
      const body = (await response.json()) as { data: any; errors?: unknown[] };
      return {
        statements: database.statementCount() - before,
        milliseconds: performance.now() - started,
        data: body.data?._entities[0],
        errors: body.errors,
      };
    },
    addRows(n, round) {
      database.db.transaction((tx) => {
        for (let i = 0; i < n; i++) {
          const id = `extra-${round}-${i}`;
          tx.insert(t.priorities)
            .values({
              id,
              planId: "priorities-2019-20",
              themeId: "2019-20-t1",
              position: 100 + i,
              title: `Reduce shoplifting ${i}`,
              crossCutting: false,
              mandatory: false,
              notes: [],
              sourceDocument: "test",
              sourceLocator: "test",
            })
            .run();
          tx.insert(t.focusAreas)
            .values({ priorityId: id, position: 0, text: "Work with retailers", details: [] })
            .run();
          // Rolling 12 months starting a month apart from January 1990 (dates stay in 1990-2100
          // for a thousand rows), so each figure has a year-before figure 12 rows earlier.
          const start = new Date(Date.UTC(1990, i, 1));
          const end = new Date(Date.UTC(1990, i + 12, 0));
          const iso = (d: Date) => d.toISOString().slice(0, 10);
          const periodId = `extra-${round}-${i}`;
          tx.insert(t.periods)
            .values({
              id: periodId,
              label: `12 months from ${iso(start)}`,
              start: iso(start),
              end: iso(end),
              basis: "ROLLING_12_MONTHS",
            })
            .run();
          const [stat] = tx
            .insert(t.crimeStatistics)
            .values({
              categoryId: "robbery",
              localLabel: "Robbery",
              count: i,
              periodId,
              notes: [],
              sourceDocument: "test",
              sourceLocator: `table ${round}`,
            })
            .returning()
            .all();
          tx.insert(t.statisticSources)
            .values({ statisticId: stat.id, position: 0, document: "test", locator: "copy" })
            .run();
        }
      });
    },
    async stop() {
      await served.stop();
      database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
