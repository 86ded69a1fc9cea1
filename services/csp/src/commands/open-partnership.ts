import { type PartnershipEntry, requirePartnership } from "@csg/schema";
import { defaultDataDir } from "@csg/service-runtime";
import { join } from "node:path";
import { ensureSeeded } from "../dataset/ensure-seeded";
import { type OpenCspDatabase, openCspDatabase } from "../db/database";

/**
 * A partnership's database in a data folder, as its subgraph would open it: migrated, and
 * seeded from its dataset on first use (so a command never writes into an empty file that
 * the subgraph would then seed over).
 */
export function openPartnershipDatabase(code: string, dataDir = process.env.CSG_DATA_DIR ?? defaultDataDir): { entry: PartnershipEntry; database: OpenCspDatabase } {
  const entry = requirePartnership(code);
  const database = openCspDatabase(join(dataDir, `${entry.code}.db`));
  ensureSeeded(database.db, entry.code);
  return { entry, database };
}
