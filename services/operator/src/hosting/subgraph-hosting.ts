/**
 * The one map from a subgraph of the topology to the service that serves it: a partnership's
 * code to the partnership subgraph, "national" to the national one, "county" to the county's.
 * Whoever hosts subgraphs in a process of its own reads it: the shared host of `pnpm start
 * --hosting shared` (host-main.ts) and the tests' in-process systems.
 */
import { startCountySubgraph } from "@csg/county-subgraph";
import { startCspSubgraph } from "@csg/csp-subgraph";
import { startNationalSubgraph } from "@csg/national-subgraph";
import type { SubgraphService, Topology } from "@csg/service-runtime";

/** A subgraph served from this process. */
export interface HostedSubgraph {
  url: string;
  /** Closes its HTTP server and database. */
  stop(): Promise<void>;
}

export interface SubgraphHostingOptions {
  /** Folder of every subgraph's SQLite file. */
  dataDir: string;
  /** Where the county reads the partnerships (their subgraphs over HTTP, even from the same process). */
  layout: Topology;
  /** How long the county waits for a partnership's subgraph in its analysis (default its own). */
  partnershipReadTimeoutMs?: number;
  /** Where the national subgraph says what it imported on a first start. */
  log?: (line: string) => void;
}

/** Starts the service of one subgraph in this process, on its own port and database. */
export function startSubgraph(service: SubgraphService, options: SubgraphHostingOptions): Promise<HostedSubgraph> {
  const { port } = service;
  const { dataDir, layout } = options;
  if (service.kind === "partnership") return startCspSubgraph({ partnership: service.partnership!, port, dataDir });
  if (service.kind === "national") return startNationalSubgraph({ port, dataDir, log: options.log });
  return startCountySubgraph({
    port,
    dataDir,
    partnershipSubgraphs: {
      urls: new Map(layout.partnerships.map((s) => [s.partnership!, s.url])),
      ...(options.partnershipReadTimeoutMs ? { timeoutMs: options.partnershipReadTimeoutMs } : {}),
    },
  });
}
