import type { CspDatabase } from "../db/database";
import { publicationState } from "../db/schema";
import { datasetFile, loadCspDataset } from "./load";
import { seedCspDatabase } from "./seed";

/** Seeds a new partnership database from the dataset kept in the project; leaves a seeded one alone. */
export function ensureSeeded(db: CspDatabase, partnershipCode: string, file = datasetFile(partnershipCode)): boolean {
  if (db.select({ id: publicationState.id }).from(publicationState).get()) return false;
  seedCspDatabase(db, loadCspDataset(file, partnershipCode), file.split("/").pop() ?? file);
  return true;
}
