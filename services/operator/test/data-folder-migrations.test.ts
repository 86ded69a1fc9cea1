/**
 * A data folder written before the latest migrations opens at the latest one with its data
 * kept: here, publication_state as it was while it had data_version (dropped: never read;
 * revisions come from SQLite's own data_version).
 */
import { openCountyDatabase } from "@csg/county-subgraph";
import { openCspDatabase } from "@csg/csp-subgraph";
import { openDatabase } from "@csg/service-runtime";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const folder = mkdtempSync(join(tmpdir(), "csg-migrations-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The service's migrations up to (not including) `tag`: what an older checkout applied. */
function migrationsBefore(service: string, tag: string): string {
  const source = fileURLToPath(new URL(`../../${service}/src/db/migrations`, import.meta.url));
  const older = join(folder, `${service}-migrations`);
  cpSync(source, older, { recursive: true });
  const journalFile = join(older, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at, `${service} has migration ${tag}`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return older;
}

/** The columns of publication_state, read through any service's database. */
const columnsOf = (db: { all<T>(query: string): T[] }) =>
  db.all<{ name: string }>("pragma table_info(publication_state)").map((c) => c.name);

describe.each([
  { service: "csp", tag: "0004_drop-data-version", open: openCspDatabase },
  { service: "county", tag: "0003_drop-data-version", open: openCountyDatabase },
])("a $service file from before publication_state.data_version was dropped", ({ service, tag, open }) => {
  it("opens at the latest migration, its publication state kept", () => {
    const file = join(folder, `${service}.db`);
    const older = openDatabase(file, {}, migrationsBefore(service, tag));
    older.db.run(
      "insert into publication_state (id, seeded_from, seeded_at, last_published_at, data_version) values (1, 'seed.json', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 7)",
    );
    expect(columnsOf(older.db)).toContain("data_version");
    older.close();

    const current = open(file);
    try {
      expect(columnsOf(current.db)).toEqual(["id", "seeded_from", "seeded_at", "last_published_at"]);
      expect(current.db.all("select * from publication_state")).toEqual([
        {
          id: 1,
          seeded_from: "seed.json",
          seeded_at: "2026-01-01T00:00:00.000Z",
          last_published_at: "2026-02-01T00:00:00.000Z",
        },
      ]);
    } finally {
      current.close();
    }
  });
});
