import { COUNTY_SUBGRAPH, GATEWAY_PORT, NATIONAL_SUBGRAPH, partnerships } from "@csg/schema/registry";
import { SUBGRAPHS_FILE, subgraphAddresses } from "./subgraph-addresses";

/** The kinds of subgraph: the county's, the national one, and a partnership's (one per registered partnership). */
export type SubgraphKind = "county" | "national" | "partnership";

/** One subgraph service of the system: its name in the supergraph, its kind, who it serves, where it listens. */
export interface SubgraphService {
  name: string;
  kind: SubgraphKind;
  label: string;
  port: number;
  url: string;
  /** The registry code for a partnership's subgraph; absent for the county's and the national one. */
  partnership?: string;
}

export interface Topology {
  gatewayPort: number;
  county: SubgraphService;
  /** The national publisher's subgraph (Home Office CSP tables, police.uk months). */
  national: SubgraphService;
  partnerships: SubgraphService[];
  all: SubgraphService[];
}

/** The environment variable that shifts every port; the launcher passes it to the services it starts. */
export const PORT_OFFSET = "CSG_PORT_OFFSET";

function envName(name: string): string {
  return `CSG_SUBGRAPH_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/**
 * Where every service listens: the registry's ports shifted by `portOffset` (tests use an
 * offset so they never meet a running system). A subgraph deployed elsewhere is named by
 * CSG_SUBGRAPH_URL_<NAME> (e.g. CSG_SUBGRAPH_URL_CHARNWOOD), which overrides the default,
 * or by the file CSG_SUBGRAPHS_FILE names (see subgraph-addresses.ts), which overrides both.
 */
export function topology(
  portOffset = Number(process.env[PORT_OFFSET] ?? 0),
  env: NodeJS.ProcessEnv = process.env,
): Topology {
  const names = [COUNTY_SUBGRAPH.name, NATIONAL_SUBGRAPH.name, ...partnerships.map((p) => p.code)];
  const configured = env[SUBGRAPHS_FILE] ? subgraphAddresses(env[SUBGRAPHS_FILE], names) : new Map<string, string>();
  const service = (
    kind: SubgraphKind,
    name: string,
    label: string,
    basePort: number,
    partnership?: string,
  ): SubgraphService => {
    const port = basePort + portOffset;
    return {
      name,
      kind,
      label,
      port,
      url: configured.get(name) ?? env[envName(name)] ?? `http://localhost:${port}/graphql`,
      partnership,
    };
  };
  const county = service("county", COUNTY_SUBGRAPH.name, "The county (LSCSB) subgraph", COUNTY_SUBGRAPH.port);
  const national = service(
    "national",
    NATIONAL_SUBGRAPH.name,
    "The national subgraph (Home Office, police.uk)",
    NATIONAL_SUBGRAPH.port,
  );
  const csps = partnerships.map((p) => service("partnership", p.code, p.name, p.port, p.code));
  return {
    gatewayPort: GATEWAY_PORT + portOffset,
    county,
    national,
    partnerships: csps,
    all: [county, national, ...csps],
  };
}
