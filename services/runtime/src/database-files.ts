/**
 * The one place that names a system's SQLite files inside its data folder: the county's,
 * the national subgraph's, and one per partnership named by its code. Every service,
 * command, launcher and bench reads these names here, so a file is never spelt twice.
 */
/** The county's database: every system's data folder holds it from its first start. */
export const COUNTY_DATABASE = "county.db";

/** The national subgraph's database. */
export const NATIONAL_DATABASE = "national.db";

/** A partnership's database, named by its code (`blaby.db`). */
export function partnershipDatabase(code: string): string {
  return `${code}.db`;
}

/**
 * The database file of a service in the topology: a partnership's by its code, the
 * county's and the national subgraph's by the service's name.
 */
export function serviceDatabase(service: { name: string; partnership?: string }): string {
  if (service.partnership) return partnershipDatabase(service.partnership);
  if (service.name === "national") return NATIONAL_DATABASE;
  if (service.name === "county") return COUNTY_DATABASE;
  return `${service.name}.db`;
}
