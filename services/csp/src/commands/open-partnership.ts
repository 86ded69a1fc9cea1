import { type PartnershipEntry, partnerships, requirePartnership } from "@csg/schema";
import { type OptionSpec, partnershipDatabase } from "@csg/service-runtime";

export { dataDirOption } from "@csg/service-runtime";
import { join } from "node:path";
import { ensureSeeded } from "../dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "../db/database";

export const partnershipOption: OptionSpec = {
  type: "string",
  value: "<code>",
  env: "CSG_PARTNERSHIP",
  description: `The partnership's registry code: ${partnerships.map((p) => p.code).join(", ")}.`,
};

/**
 * A partnership's database in a system's data folder (see systemDataFolder: a folder that
 * holds no system is refused before this), as its subgraph would open it: migrated, and
 * seeded from its dataset on first use (so a command never writes into an empty file that
 * the subgraph would then seed over).
 */
export function openPartnershipDatabase(
  code: string,
  dataDir: string,
): { entry: PartnershipEntry; database: OpenCspDatabase } {
  const entry = requirePartnership(code);
  const database = openCspDatabase(join(dataDir, partnershipDatabase(entry.code)));
  ensureSeeded(database.db, entry.code);
  return { entry, database };
}
