/**
 * Revisions of SQLite files on this machine: every commit by another connection or process
 * changes them once the event loop has polled (as it has before any request sent after the
 * commit is read), and nothing else does; the PRAGMA reading where a folder cannot be watched.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localRevision, localRevisions } from "../src/freshness/local-revision";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function database(folder: string, name: string): string {
  const file = join(folder, name);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec("create table figures (count integer)");
  sqlite.close();
  return file;
}

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "csg-revision-"));
  folders.push(folder);
  return folder;
}

/** Until the loop has polled after now, and its check phase has run (as RevisionWatch reads). */
const polled = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 20));

describe("localRevisions", () => {
  it("changes with every commit by another connection, and only for its file", async () => {
    const folder = newFolder();
    const melton = database(folder, "melton.db");
    const rutland = database(folder, "rutland.db");
    const revisions = localRevisions([melton, rutland]);
    const writer = new Database(melton);
    // A subgraph's own connection, open all along as in its process (the first read of a file
    // no connection holds makes its log and shared memory again: writes the kernel reports).
    const reader = new Database(rutland);
    const count = reader.prepare("select count(*) from figures").pluck();
    count.get();
    try {
      await polled();
      const before = [revisions.get(melton)!(), revisions.get(rutland)!()];
      expect(before[0]).toMatch(/^watch\.\d+$/);
      writer.prepare("insert into figures values (2799)").run();
      await polled();
      const after = [revisions.get(melton)!(), revisions.get(rutland)!()];
      expect(after[0]).not.toBe(before[0]);
      expect(after[1]).toBe(before[1]);
      // Reading commits nothing: the revisions stay as they are.
      expect(count.get()).toBe(0);
      await polled();
      expect([revisions.get(melton)!(), revisions.get(rutland)!()]).toEqual(after);
    } finally {
      writer.close();
      reader.close();
    }
  });

  it("changes with a commit by another process", async () => {
    const folder = newFolder();
    const melton = database(folder, "melton.db");
    const revisions = localRevisions([melton]);
    await polled();
    const before = revisions.get(melton)!();
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    execFileSync(process.execPath, [
      "-e",
      `const D = require(${JSON.stringify(driver)}); const d = new D(${JSON.stringify(melton)}); d.prepare("insert into figures values (2800)").run(); d.close();`,
    ]);
    await polled();
    expect(revisions.get(melton)!()).not.toBe(before);
  });

  it("is null while the file does not exist, then counts from its creation", async () => {
    const folder = newFolder();
    const file = join(folder, "county.db");
    const revisions = localRevisions([file]);
    expect(revisions.get(file)!()).toBeNull();
    database(folder, "county.db");
    await polled();
    expect(revisions.get(file)!()).toMatch(/^watch\.\d+$/);
  });

  it("reads PRAGMA data_version where the folder cannot be watched", async () => {
    const folder = newFolder();
    const melton = database(folder, "melton.db");
    const missingFolder = join(folder, "gone", "melton.db");
    // A folder that does not exist cannot be watched: its file reads as absent, through the PRAGMA reading.
    expect(localRevisions([missingFolder]).get(missingFolder)!()).toBeNull();
    const read = localRevision(melton);
    const before = read();
    const writer = new Database(melton);
    writer.prepare("insert into figures values (1)").run();
    writer.close();
    expect(read()).not.toBe(before);
  });
});
