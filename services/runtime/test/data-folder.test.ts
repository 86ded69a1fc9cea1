import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultDataDir, exportLine, NoSystemError, resolveDataFolder, systemDataFolder } from "../src/index";

const work = mkdtempSync(join(tmpdir(), "csg-data-folder-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const given = (value?: string) => ({ string: (name: string) => (name === "data-dir" ? value : undefined) });

describe("the data folder a command names", () => {
  it("is --data-dir, else CSG_DATA_DIR, else data/", () => {
    expect(resolveDataFolder(given("/srv/a"), { CSG_DATA_DIR: "/srv/b" })).toEqual({
      dir: "/srv/a",
      from: "--data-dir",
    });
    expect(resolveDataFolder(given(undefined), { CSG_DATA_DIR: "/srv/b" })).toEqual({
      dir: "/srv/b",
      from: "CSG_DATA_DIR",
    });
    expect(resolveDataFolder(given(undefined), {})).toEqual({ dir: defaultDataDir, from: "default" });
  });

  it("is refused when it holds no system, naming it and both ways to point elsewhere, and nothing is created", () => {
    const empty = join(work, "empty");
    mkdirSync(empty);
    expect(() => systemDataFolder(given(empty), {})).toThrow(NoSystemError);
    expect(() => systemDataFolder(given(undefined), { CSG_DATA_DIR: join(work, "missing") })).toThrow(
      `No system in ${join(work, "missing")} (from CSG_DATA_DIR): it has no county.db, so nothing was read or written there. Name the folder \`pnpm start\` uses: --data-dir <dir> on this command, or \`export CSG_DATA_DIR=<dir>\` for every command`,
    );
    expect(readdirSync(work)).toEqual(["empty"]);
    expect(readdirSync(empty)).toEqual([]);
    writeFileSync(join(empty, "county.db"), "");
    expect(systemDataFolder(given(empty), {})).toBe(empty);
  });

  it("is printed by pnpm start as a line a shell runs as it reads", () => {
    expect(exportLine("/var/lib/csg")).toBe("export CSG_DATA_DIR=/var/lib/csg");
    expect(exportLine("/srv/my data/it's")).toBe("export CSG_DATA_DIR='/srv/my data/it'\\''s'");
  });
});

describe("a district's own folder", () => {
  it("holds a system for a command on that partnership: its database alone will do", () => {
    const district = join(work, "district");
    mkdirSync(district, { recursive: true });
    writeFileSync(join(district, "charnwood.db"), "");
    const given = { string: (name: string) => (name === "data-dir" ? district : undefined) };
    expect(systemDataFolder(given, {}, ["charnwood.db"])).toBe(district);
    expect(() => systemDataFolder(given, {}, ["melton.db"])).toThrow(
      /it has no county\.db, so nothing was read or written there\. \(A district's own folder holding only melton\.db would do\.\)/,
    );
    expect(() => systemDataFolder(given, {})).toThrow(NoSystemError);
  });
});
