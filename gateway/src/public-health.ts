/**
 * What /health shows the public: each subgraph up or down, and, from the launcher, the state
 * of every process (the gateway's own included): running or restarting, its restarts and
 * how it last ended. Internal addresses only when the operator asks
 * (CSG_EXPOSE_INTERNAL_ADDRESSES=1, or the gateway's option).
 */
import { GATEWAY_PROCESS, type SupervisedProcess, type Supervision } from "@csg/service-runtime";
import type { Health, SubgraphHealth } from "./health";

export const EXPOSE_INTERNAL_ADDRESSES = "CSG_EXPOSE_INTERNAL_ADDRESSES";

export function exposeInternalAddresses(env: NodeJS.ProcessEnv = process.env): boolean {
  return ["1", "true", "yes"].includes((env[EXPOSE_INTERNAL_ADDRESSES] ?? "").toLowerCase());
}

export interface PublicSubgraphHealth extends Omit<SubgraphHealth, "url"> {
  url?: string;
  process?: SupervisedProcess;
}

export interface PublicHealth extends Omit<Health, "subgraphs" | "gateway"> {
  gateway: Health["gateway"] & { process?: SupervisedProcess };
  subgraphs: PublicSubgraphHealth[];
}

export function publicHealth(health: Health, exposeAddresses: boolean, supervision?: Supervision): PublicHealth {
  const gatewayProcess = supervision?.(GATEWAY_PROCESS);
  return {
    ...health,
    gateway: { ...health.gateway, ...(gatewayProcess ? { process: gatewayProcess } : {}) },
    subgraphs: health.subgraphs.map(({ url, ...subgraph }) => {
      const process = supervision?.(subgraph.name);
      return { ...subgraph, ...(exposeAddresses ? { url } : {}), ...(process ? { process } : {}) };
    }),
  };
}
