import { compose, compositionFiles } from "@csg/gateway";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the committed SDL and supergraph", () => {
  it("equal a fresh composition of the code (run `pnpm compose` after changing a schema)", async () => {
    const files = compositionFiles(await compose());
    for (const [path, text] of files) {
      expect(existsSync(path), `${path} is missing: run pnpm compose`).toBe(true);
      expect(readFileSync(path, "utf8"), `${path} is stale: run pnpm compose`).toBe(text);
    }
    const folder = [...files.keys()][0].replace(/\/[^/]+$/, "");
    expect(readdirSync(folder).sort()).toEqual([...files.keys()].map((p) => p.replace(/^.*\//, "")).sort());
  });
});
