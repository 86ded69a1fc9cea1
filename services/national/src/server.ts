import { serveSubgraph, NATIONAL_DATABASE } from "@csg/service-runtime";
import { join } from "node:path";
import { type OpenNationalDatabase, openNationalDatabase, sqliteOf } from "./db/database";
import { ComparisonCache, type NationalContext, nationalContext } from "./graph/context";
import { ensureNationalSeeded } from "./seed";
import { buildNationalSubgraph } from "./subgraph";

export interface NationalSubgraphOptions {
  port: number;
  /** Folder of the national subgraph's SQLite file (national.db). */
  dataDir: string;
  log?: (line: string) => void;
}

export interface RunningNationalSubgraph {
  url: string;
  database: OpenNationalDatabase;
  stop(): Promise<void>;
}

/** Starts the national subgraph over HTTP on its own database, importing the sample files on first start. */
export async function startNationalSubgraph(options: NationalSubgraphOptions): Promise<RunningNationalSubgraph> {
  const database = openNationalDatabase(join(options.dataDir, NATIONAL_DATABASE));
  await ensureNationalSeeded(database, options.log);
  const { schema } = await buildNationalSubgraph();
  const sqlite = sqliteOf(database);
  const comparisons = new ComparisonCache(sqlite);
  const served = await serveSubgraph<NationalContext>(
    schema,
    options.port,
    async () => nationalContext(sqlite, comparisons),
    database.revision,
  );
  return {
    url: served.url,
    database,
    async stop() {
      await served.stop();
      database.close();
    },
  };
}
