import { serveSubgraph, topology, COUNTY_DATABASE } from "@csg/service-runtime";
import { join } from "node:path";
import { ensureCountySeeded } from "./dataset/seed";
import { type OpenCountyDatabase, openCountyDatabase } from "./db/database";
import { type PartnershipReaderOptions, partnershipReaders } from "./partnership-client/reader";
import { type CountyRequestContext, countyRequestContext } from "./graph/request-context";
import { buildCountySubgraph } from "./subgraph";

export interface CountySubgraphOptions {
  port: number;
  /** Folder of the county's SQLite file (county.db). */
  dataDir: string;
  /**
   * How the county reads the partnerships' own subgraphs for its analysis. By default, at
   * the addresses of topology() (registry ports shifted by CSG_PORT_OFFSET, or
   * CSG_SUBGRAPH_URL_<NAME>), as the launcher sets them.
   */
  partnershipSubgraphs?: PartnershipReaderOptions;
}

export interface RunningCountySubgraph {
  url: string;
  database: OpenCountyDatabase;
  stop(): Promise<void>;
}

/**
 * The partnerships at the addresses of topology(). Their revisions are asked over HTTP
 * (GET /revision), never read from their files, even here: a partnership whose service is
 * down must read as unavailable, not as unchanged.
 */
function partnershipSubgraphsOfTopology(): PartnershipReaderOptions {
  const timeout = process.env.CSG_PARTNERSHIP_READ_TIMEOUT_MS;
  return {
    urls: new Map(topology().partnerships.map((s) => [s.partnership!, s.url])),
    ...(timeout ? { timeoutMs: Number(timeout) } : {}),
  };
}

/** Starts the county (LSCSB) subgraph over HTTP on its own database, seeding it on first start. */
export async function startCountySubgraph(options: CountySubgraphOptions): Promise<RunningCountySubgraph> {
  const database = openCountyDatabase(join(options.dataDir, COUNTY_DATABASE));
  ensureCountySeeded(database.db);
  const { schema } = await buildCountySubgraph();
  const readerFor = partnershipReaders(schema, options.partnershipSubgraphs ?? partnershipSubgraphsOfTopology());
  const served = await serveSubgraph<CountyRequestContext>(
    schema,
    options.port,
    async (request) => countyRequestContext(database.db, request.headers.authorization, readerFor()),
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
