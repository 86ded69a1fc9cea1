import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NoSystemError } from "@csg/service-runtime";
import { listenAddress } from "../src/serve-address";
import { servedDatabase } from "../src/served-database";

const work = mkdtempSync(join(tmpdir(), "csg-serve-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("pnpm serve's --listen", () => {
  it("reads HOST:PORT, IPv6 in brackets", () => {
    expect(listenAddress("0.0.0.0:4103")).toEqual({ host: "0.0.0.0", port: 4103 });
    expect(listenAddress("[::]:4103")).toEqual({ host: "::", port: 4103 });
    expect(listenAddress("csp.charnwood.example:443")).toEqual({ host: "csp.charnwood.example", port: 443 });
    expect(listenAddress(undefined)).toBeUndefined();
  });
  it("refuses anything else, saying the form", () => {
    for (const bad of [
      "4103",
      "0.0.0.0",
      "0.0.0.0:",
      ":4103",
      "0.0.0.0:0",
      "0.0.0.0:70000",
      "::1:4103",
      "host:4103 --x",
      "0.0.0.0:41030000",
    ]) {
      expect(() => listenAddress(bad), bad).toThrow(/--listen/);
    }
  });
});

describe("the data folder of one service served on its own", () => {
  const charnwood = { name: "charnwood", kind: "partnership" as const, partnership: "charnwood" };
  it("holds that service's own database: a district's folder needs no county.db", () => {
    const dir = join(work, "district");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, "charnwood.db"), "");
    expect(servedDatabase({ dir, from: "--data-dir" }, charnwood, false)).toBe(dir);
    expect(() =>
      servedDatabase({ dir, from: "--data-dir" }, { name: "county", kind: "county" as const }, false),
    ).toThrow(/no county\.db/);
  });
  it("is refused without it, creating nothing, unless --seed asks for a first serve", () => {
    const dir = join(work, "empty");
    expect(() => servedDatabase({ dir, from: "CSG_DATA_DIR" }, charnwood, false)).toThrow(NoSystemError);
    expect(() => servedDatabase({ dir, from: "CSG_DATA_DIR" }, charnwood, false)).toThrow(
      /no charnwood\.db.*add --seed/,
    );
    expect(existsSync(dir)).toBe(false);
    expect(servedDatabase({ dir, from: "CSG_DATA_DIR" }, charnwood, true)).toBe(dir);
  });
});
