import { join } from "node:path";
import { type OpenNationalDatabase, sqliteOf } from "./db/database";
import { importNationalFile } from "./import/import-file";
import { seedReference } from "./reference/seed-reference";
import { SAMPLE_FILES, SAMPLES_DIR } from "./samples/sample-files";

/**
 * On first start (an empty database): the transcribed reference (the nine CSPs, their codes
 * and districts' populations), then the repository's SAMPLE files through the importer, so a
 * fresh system answers nationalComparison. Every answer says it is sample data
 * (`sampleData: true`) until a real file is imported over it.
 */
export async function ensureNationalSeeded(
  database: OpenNationalDatabase,
  log: (line: string) => void = () => {},
): Promise<void> {
  const sqlite = sqliteOf(database);
  const { n } = sqlite.prepare("select count(*) as n from areas").get() as { n: number };
  if (n > 0) return;
  sqlite.transaction(() => seedReference(sqlite))();
  for (const file of SAMPLE_FILES) {
    const result = await importNationalFile(sqlite, join(SAMPLES_DIR, file));
    log(result.summary[0]);
  }
}
