import { requirePartnership } from "@csg/schema";
import { serveSubgraph, partnershipDatabase } from "@csg/service-runtime";
import { join } from "node:path";
import { ensureSeeded } from "./dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "./db/database";
import { type CspRequestContext, requestContext } from "./graph/context";
import { PublishedStatistics } from "./graph/published-statistics";
import { buildCspSubgraph } from "./subgraph";

export interface CspSubgraphOptions {
  /** The partnership's registry code: one process serves one partnership. */
  partnership: string;
  port: number;
  /** Folder of the partnership's SQLite file (`<code>.db`). */
  dataDir: string;
}

export interface RunningCspSubgraph {
  url: string;
  database: OpenCspDatabase;
  stop(): Promise<void>;
}

/** Starts one partnership's subgraph over HTTP on its own database, seeding it on first start. */
export async function startCspSubgraph(options: CspSubgraphOptions): Promise<RunningCspSubgraph> {
  const partnership = requirePartnership(options.partnership);
  const database = openCspDatabase(join(options.dataDir, partnershipDatabase(partnership.code)));
  ensureSeeded(database.db, partnership.code);
  const { schema } = await buildCspSubgraph(partnership);
  const published = new PublishedStatistics(database.db, database.revision);
  const served = await serveSubgraph<CspRequestContext>(
    schema,
    options.port,
    async (request) => requestContext(partnership, database.db, request.headers.authorization, published),
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
