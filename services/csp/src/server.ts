import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { requirePartnership } from "@csg/schema";
import { join } from "node:path";
import { ensureSeeded } from "./dataset/ensure-seeded";
import { type OpenDatabase, openCspDatabase } from "./db/database";
import type { CspContext } from "./graph/context";
import { createLoaders } from "./graph/loaders";
import { buildCspSubgraph } from "./subgraph";

export interface CspSubgraphOptions {
  /** The partnership's registry code: one process serves one partnership. */
  partnership: string;
  port: number;
  /** Folder of the partnership's SQLite file (`<code>.db`). */
  dataDir: string;
}

export interface RunningSubgraph {
  url: string;
  database: OpenDatabase;
  stop(): Promise<void>;
}

/** Starts one partnership's subgraph over HTTP on its own database, seeding it on first start. */
export async function startCspSubgraph(options: CspSubgraphOptions): Promise<RunningSubgraph> {
  const partnership = requirePartnership(options.partnership);
  const database = openCspDatabase(join(options.dataDir, `${partnership.code}.db`));
  ensureSeeded(database.db, partnership.code);
  const { schema } = await buildCspSubgraph(partnership);
  const server = new ApolloServer<CspContext>({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: "127.0.0.1" },
    context: async () => ({ partnership, loaders: createLoaders(database.db) }),
  });
  return {
    url,
    database,
    async stop() {
      await server.stop();
      database.close();
    },
  };
}
