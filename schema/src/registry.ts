import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A local authority area that a partnership covers, with its ONS (GSS) code. */
export interface DistrictEntry {
  name: string;
  onsCode: string;
  kind: "DISTRICT" | "UNITARY";
}

/** One Community Safety Partnership of the registry. */
export interface PartnershipEntry {
  /** Stable code, also the subgraph's name in the supergraph. */
  code: string;
  name: string;
  /** The partnership's own entity type in the supergraph (federation routes by type). */
  entityTypeName: string;
  /** Member of the Leicestershire Safer Communities Strategy Board (the county's CSPs). */
  countyBoardMember: boolean;
  /** Default local port of the partnership's subgraph. */
  port: number;
  districts: DistrictEntry[];
}

export const COUNTY_SUBGRAPH = { name: "county", port: 4001 } as const;
/** The national publisher's subgraph (Home Office CSP tables, police.uk months): services/national. */
export const NATIONAL_SUBGRAPH = { name: "national", port: 4002 } as const;
export const GATEWAY_PORT = 4000;

/**
 * The registry file: schema/registry/partnerships.json, or the file CSG_REGISTRY_FILE names
 * (the end-to-end test of `pnpm partnership:add` works on a copy, never on the real one).
 */
export const registryFile =
  process.env.CSG_REGISTRY_FILE ?? fileURLToPath(new URL("../registry/partnerships.json", import.meta.url));

export const partnerships: readonly PartnershipEntry[] = (
  JSON.parse(readFileSync(registryFile, "utf8")) as { partnerships: PartnershipEntry[] }
).partnerships;

export function findPartnership(code: string): PartnershipEntry | undefined {
  return partnerships.find((p) => p.code === code);
}

export function requirePartnership(code: string): PartnershipEntry {
  const entry = findPartnership(code);
  if (!entry) {
    throw new Error(`Unknown partnership "${code}". Registered: ${partnerships.map((p) => p.code).join(", ")}`);
  }
  return entry;
}

export function partnershipByEntityType(typeName: string): PartnershipEntry | undefined {
  return partnerships.find((p) => p.entityTypeName === typeName);
}

/** Name of a partnership's subgraph in the supergraph. */
export function subgraphName(entry: PartnershipEntry): string {
  return entry.code;
}

/**
 * Where a partnership's writes sit in the supergraph: `Mutation.<field>: <typeName>`, e.g.
 * `Mutation.charnwood: CharnwoodCspMutations`. Federation routes by field, not by argument,
 * so each partnership has its own entry point, served only by its own subgraph.
 */
export function mutationNamespace(entry: PartnershipEntry): { field: string; typeName: string } {
  return {
    field: entry.code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    typeName: `${entry.entityTypeName}Mutations`,
  };
}
