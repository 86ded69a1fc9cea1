import { type Topology, serviceDatabase } from "@csg/service-runtime";
import { join } from "node:path";
import type { LocalDatabase } from "./revision-watch";

/**
 * The database file of every subgraph in `dataDir` that the gateway reaches on this machine
 * (not one whose address CSG_SUBGRAPH_URL_<NAME> moved elsewhere: its file here would not be
 * the one that changes). `running` says whether a subgraph's service runs (as its launcher
 * knows): while it does not, its file is not read as unchanged.
 */
export function localDatabases(
  layout: Topology,
  dataDir: string,
  running?: (name: string) => boolean,
): Map<string, LocalDatabase> {
  const here = layout.all.filter((s) => s.url === `http://localhost:${s.port}/graphql`);
  return new Map(
    here.map((s) => [s.name, { file: join(dataDir, serviceDatabase(s)), running: running && (() => running(s.name)) }]),
  );
}
