/**
 * Commands that find their system: every command that opens a data folder takes it from
 * --data-dir, else CSG_DATA_DIR, else data/, refuses a folder that holds no system (naming
 * it and both ways to point elsewhere) and creates nothing there; a local write's audit entry
 * names the operating-system user, and whom --as names. No running system: the commands work
 * on the files, here on a copy of the seeded data folder.
 */
import Database from "better-sqlite3";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot, runCommand } from "./support/commands";
import { copySeededData } from "./support/seeded-data";

const TOKENS = "services/operator/src/admin/token-cli.ts";
const IMPORT = "services/csp/src/commands/import-cli.ts";
const EXPORT = "services/csp/src/commands/export-cli.ts";
const NATIONAL = "services/national/src/commands/import-cli.ts";
const ADD = "services/operator/src/admin/partnership-add-cli.ts";

let work: string;
let system: string;
let empty: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "csg-data-folder-"));
  system = join(work, "system");
  empty = join(work, "empty");
  mkdirSync(empty);
  copySeededData(system);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The refusal every command gives for `folder`, named as `from`. */
function expectRefused(result: { status: number | null; stderr: string }, folder: string, from: string) {
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    `No system in ${folder} (from ${from}): it has no county.db, so nothing was read or written there.`,
  );
  expect(result.stderr).toContain("--data-dir <dir> on this command, or `export CSG_DATA_DIR=<dir>` for every command");
}

describe("a folder that holds no system", () => {
  const NO_ENV = { CSG_DATA_DIR: "" };
  it("is refused by pnpm tokens (issue, list), creating nothing in it", async () => {
    expectRefused(
      await runCommand(
        TOKENS,
        ["issue", "--partnership", "charnwood", "--label", "Charnwood CSO", "--data-dir", empty],
        NO_ENV,
      ),
      empty,
      "--data-dir",
    );
    expectRefused(await runCommand(TOKENS, ["list"], { CSG_DATA_DIR: empty }), empty, "CSG_DATA_DIR");
    expect(readdirSync(empty)).toEqual([]);
  });

  it("is refused by figures:import and figures:export, and a folder that does not exist is not made", async () => {
    const missing = join(work, "no-such-folder");
    const file = join(work, "figures.csv");
    writeFileSync(
      file,
      'document,,002_8e9c48eccd29813b.txt\nlocator,,Figure 3\ncategory,local_label,"2017/18 (2017-04-01..2018-03-31, FINANCIAL_YEAR)"\nall-crime,Recorded Crime,2799\n',
    );
    expectRefused(
      await runCommand(IMPORT, ["--partnership", "melton", "--file", file], { CSG_DATA_DIR: missing }),
      missing,
      "CSG_DATA_DIR",
    );
    expectRefused(
      await runCommand(EXPORT, ["--partnership", "melton", "--data-dir", missing], NO_ENV),
      missing,
      "--data-dir",
    );
    expect(existsSync(missing)).toBe(false);
  });

  it("is refused by national:import and partnership:add, the registry left as it was", async () => {
    const registry = join(work, "partnerships.json");
    cpSync(join(repositoryRoot, "schema/registry/partnerships.json"), registry);
    const sample = join(repositoryRoot, "services/national/samples/sample-prc-csp-mar20-dec21-tables-200122.csv");
    expectRefused(await runCommand(NATIONAL, ["--file", sample, "--data-dir", empty], NO_ENV), empty, "--data-dir");
    const added = await runCommand(
      ADD,
      [
        "--code",
        "test-valley",
        "--name",
        "Test Valley CSP",
        "--district",
        "Test Valley",
        "--ons-code",
        "E07000093",
        "--data-dir",
        empty,
      ],
      {
        ...NO_ENV,
        CSG_REGISTRY_FILE: registry,
      },
    );
    expectRefused(added, empty, "--data-dir");
    expect(readFileSync(registry, "utf8")).toBe(
      readFileSync(join(repositoryRoot, "schema/registry/partnerships.json"), "utf8"),
    );
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe("a system's folder", () => {
  it("is found by --data-dir before CSG_DATA_DIR", async () => {
    const listed = await runCommand(TOKENS, ["list", "--data-dir", system], { CSG_DATA_DIR: empty });
    expect(listed.stderr).toBe("");
    expect(listed.stdout).toContain(`No tokens in ${system}.`);
    expect(readdirSync(empty)).toEqual([]);
  });

  it("records a local import as run by the operating-system user, and by whom --as names", async () => {
    const file = join(work, "melton.csv");
    const exported = await runCommand(
      EXPORT,
      ["--partnership", "melton", "--document", "002_8e9c48eccd29813b.txt", "--locator", "Figure 3"],
      { CSG_DATA_DIR: system },
    );
    expect(exported.status).toBe(0);
    writeFileSync(
      file,
      exported.stdout.replace("all-crime,Recorded Crime,2353,2799,", "all-crime,Recorded Crime,2353,2810,"),
    );
    // Without USER or USERNAME in the environment the user is still named (never "unknown user").
    const imported = await runCommand(
      IMPORT,
      ["--partnership", "melton", "--file", file, "--as", "Jo Bloggs, Melton CSP"],
      {
        CSG_DATA_DIR: system,
        USER: "",
        USERNAME: "",
      },
    );
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("1 to correct");
    const db = new Database(join(system, "melton.db"), { readonly: true });
    try {
      const entry = db.prepare("select actor, operation from audit_entries order by id desc limit 1").get() as {
        actor: string;
        operation: string;
      };
      expect(entry).toEqual({
        actor: `pnpm figures:import melton.csv (local command, run by ${userInfo().username}, as "Jo Bloggs, Melton CSP")`,
        operation: "importCrimeStatistics",
      });
    } finally {
      db.close();
    }
  });
});
