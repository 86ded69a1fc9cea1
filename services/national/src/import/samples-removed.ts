/**
 * Samples never mix with real data: a real file of a kind removes every sample row of that
 * kind first, and what is tied to it (areas only samples named), in the import's transaction.
 */
import type Database from "better-sqlite3";
import type { LayoutKind } from "../files/layouts";

/** Sample files are recorded by name (`sample-...`): the same test as isSampleFile. */
const SAMPLE = "like 'sample-%'";

function removed(sqlite: Database.Database, sql: string): number {
  return sqlite.prepare(sql).run().changes;
}

/** Removes the samples of a kind; lines for the import's report (none when there were none). */
export function removeSamples(sqlite: Database.Database, kind: LayoutKind): string[] {
  const lines: string[] = [];
  const say = (n: number, what: string) =>
    n > 0 && lines.push(`  Removed ${n} SAMPLE ${what} (made-up figures never mix with published ones)`);
  const sampleDocuments = `select id from documents where sample = 1`;
  switch (kind) {
    case "HOME_OFFICE_CSP_TABLE": {
      removed(
        sqlite,
        `delete from subgroup_totals where (financial_year, quarter) in (select financial_year, quarter from quarter_sources where document_id in (${sampleDocuments}))`,
      );
      say(
        removed(sqlite, `delete from offence_counts where document_id in (${sampleDocuments})`),
        "Home Office counts",
      );
      removed(sqlite, `delete from quarter_sources where document_id in (${sampleDocuments})`);
      break;
    }
    case "POLICE_UK_STREET":
      say(removed(sqlite, `delete from monthly_counts where document_id in (${sampleDocuments})`), "police.uk counts");
      break;
    case "ONS_CSP_LOOKUP": {
      say(removed(sqlite, `delete from districts where source_document ${SAMPLE}`), "lookup pairs");
      // Codes a sample lookup gave (placeholders, never published) go with it.
      removed(
        sqlite,
        `update areas set ons_code = null, ons_edition = null where source_document ${SAMPLE} and ons_code is not null`,
      );
      break;
    }
    case "ONS_MID_YEAR_ESTIMATES":
      say(removed(sqlite, `delete from district_populations where source_document ${SAMPLE}`), "population estimates");
      break;
  }
  // Areas that only samples named, and that nothing refers to any more.
  say(
    removed(
      sqlite,
      `delete from areas where source_document ${SAMPLE}
         and not exists (select 1 from offence_counts o where o.area_id = areas.id)
         and not exists (select 1 from subgroup_totals t where t.area_id = areas.id)
         and not exists (select 1 from monthly_counts m where m.area_id = areas.id)
         and not exists (select 1 from districts d where d.area_id = areas.id)`,
    ),
    "areas (CSPs, Unassigned and other rows only samples named)",
  );
  return lines;
}
