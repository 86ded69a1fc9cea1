/**
 * The one place that names a system's SQLite files inside its data folder: the county's,
 * the national subgraph's, and one per partnership named by its code. Every service,
 * command, launcher and bench reads these names here, so a file is never spelt twice.
 */
import type { SubgraphService } from "./topology";

/** The county's database: every system's data folder holds it from its first start. */
export const COUNTY_DATABASE = "county.db";

/** The national subgraph's database. */
export const NATIONAL_DATABASE = "national.db";

/** A partnership's database, named by its code (`blaby.db`). */
export function partnershipDatabase(code: string): string {
  return `${code}.db`;
}

/** The database file of a subgraph of the topology, by its kind (a partnership's by its code). */
export function serviceDatabase(service: Pick<SubgraphService, "kind" | "partnership">): string {
  if (service.kind === "partnership") return partnershipDatabase(service.partnership!);
  return service.kind === "national" ? NATIONAL_DATABASE : COUNTY_DATABASE;
}
