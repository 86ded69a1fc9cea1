/**
 * What /health shows the public: each subgraph up or down, and, from the launcher, whether
 * its process was restarted. Internal addresses only when the operator asks
 * (CSG_EXPOSE_INTERNAL_ADDRESSES=1, or the gateway's option).
 */
import type { Health, SubgraphHealth } from "./health";

export const EXPOSE_INTERNAL_ADDRESSES = "CSG_EXPOSE_INTERNAL_ADDRESSES";

export function exposeInternalAddresses(env: NodeJS.ProcessEnv = process.env): boolean {
  return ["1", "true", "yes"].includes((env[EXPOSE_INTERNAL_ADDRESSES] ?? "").toLowerCase());
}

/** A subgraph process as the launcher keeps it. */
export interface SubgraphProcess {
  state: "running" | "restarting" | "stopped";
  /** Restarts since the system started. */
  restarts: number;
  /** How it last ended, when it died. */
  lastExit?: { at: string; code: number | null; signal: string | null };
  /** When the next start is due, while restarting. */
  nextStartAt?: string;
}

/** The launcher's account of each subgraph process, by subgraph name. */
export type Supervision = (name: string) => SubgraphProcess | undefined;

export interface PublicSubgraphHealth extends Omit<SubgraphHealth, "url"> {
  url?: string;
  process?: SubgraphProcess;
}

export function publicHealth(health: Health, exposeAddresses: boolean, supervision?: Supervision): Omit<Health, "subgraphs"> & { subgraphs: PublicSubgraphHealth[] } {
  return {
    ...health,
    subgraphs: health.subgraphs.map(({ url, ...subgraph }) => {
      const process = supervision?.(subgraph.name);
      return { ...subgraph, ...(exposeAddresses ? { url } : {}), ...(process ? { process } : {}) };
    }),
  };
}
