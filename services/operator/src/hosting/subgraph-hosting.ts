/**
 * The one map from a subgraph of the topology to the code that serves it, by its kind: a
 * partnership's to the partnership subgraph (for its code), the national one's and the
 * county's to theirs. Read by whoever builds a subgraph's schema (composition) or hosts it in
 * a process (the shared host of `pnpm start`, host-main.ts, and the tests'
 * in-process systems); the launcher's own processes are chosen by kind too (system.ts).
 */
import { buildCountySubgraph, startCountySubgraph } from "@csg/county-subgraph";
import { buildCspSubgraph, startCspSubgraph } from "@csg/csp-subgraph";
import { buildNationalSubgraph, startNationalSubgraph } from "@csg/national-subgraph";
import { requirePartnership } from "@csg/schema";
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

/** A subgraph's schema as its service builds it (its SDL is what composition reads). */
export function buildSubgraph(service: SubgraphService): Promise<{ sdl: string }> {
  if (service.kind === "partnership") return buildCspSubgraph(requirePartnership(service.partnership!));
  return service.kind === "national" ? buildNationalSubgraph() : buildCountySubgraph();
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
