import { serveSubgraph } from "@csg/service-runtime";
import { join } from "node:path";
import { ensureCountySeeded } from "./dataset/seed";
import { type OpenCountyDatabase, openCountyDatabase } from "./db/database";
import { type CountyRequestContext, countyRequestContext } from "./graph/request-context";
import { buildCountySubgraph } from "./subgraph";

export interface CountySubgraphOptions {
  port: number;
  /** Folder of the county's SQLite file (county.db). */
  dataDir: string;
}

export interface RunningCountySubgraph {
  url: string;
  database: OpenCountyDatabase;
  stop(): Promise<void>;
}

/** Starts the county (LSCSB) subgraph over HTTP on its own database, seeding it on first start. */
export async function startCountySubgraph(options: CountySubgraphOptions): Promise<RunningCountySubgraph> {
  const database = openCountyDatabase(join(options.dataDir, "county.db"));
  ensureCountySeeded(database.db);
  const { schema } = await buildCountySubgraph();
  const served = await serveSubgraph<CountyRequestContext>(schema, options.port, async (request) =>
    countyRequestContext(database.db, request.headers.authorization),
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
