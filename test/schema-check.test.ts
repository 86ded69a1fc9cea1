import {
  type AcknowledgedChange,
  acknowledgementOf,
  parseAcknowledgedChanges,
  readAcknowledgedChanges,
} from "@csg/operator/schema-check/acknowledged-changes";
import { SCHEMA_BASE_ENV, mainSupergraph } from "@csg/operator/schema-check/main-supergraph";
import { checkSchema } from "@csg/operator/schema-check/schema-check";
import { changesBetween } from "@csg/operator/schema-check/schema-changes";
import { readSupergraph } from "@csg/operator/supergraph-files";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { afterAll, describe, expect, it } from "vitest";

/** The changes from one small schema to another, as `level type path`. */
async function classify(before: string, after: string): Promise<string[]> {
  const changes = await changesBetween(buildSchema(before), buildSchema(after));
  return changes.map((c) => `${c.level} ${c.type} ${c.path}`);
}

const base = `
  type Query { partnership(code: ID!): Partnership }
  type Partnership { code: ID! name: String! priorities: [String!] }
  enum Status { COVERED NOT_COVERED }
  type Coverage { status: Status! }
  type County { coverage: [Coverage!]! }
`;

describe("how a change to the schema is classified", () => {
  it("removing a field is breaking", async () => {
    expect(await classify(base, base.replace(" name: String!", ""))).toEqual([
      "breaking FIELD_REMOVED Partnership.name",
    ]);
  });

  it("adding a field is safe", async () => {
    expect(await classify(base, base.replace("code: ID! name", "code: ID! countyBoardMember: Boolean name"))).toEqual([
      "safe FIELD_ADDED Partnership.countyBoardMember",
    ]);
  });

  it("adding a required argument is breaking; an optional one is dangerous (existing queries still run, but may mean something else)", async () => {
    expect(await classify(base, base.replace("priorities: [String!]", "priorities(year: Int!): [String!]"))).toEqual([
      "breaking FIELD_ARGUMENT_ADDED Partnership.priorities.year",
    ]);
    expect(await classify(base, base.replace("priorities: [String!]", "priorities(year: Int): [String!]"))).toEqual([
      "dangerous FIELD_ARGUMENT_ADDED Partnership.priorities.year",
    ]);
  });

  it("making a field nullable is breaking for the dashboards; making it non-null is safe", async () => {
    expect(await classify(base, base.replace("name: String!", "name: String"))).toEqual([
      "breaking FIELD_TYPE_CHANGED Partnership.name",
    ]);
    expect(await classify(base, base.replace("priorities: [String!]", "priorities: [String!]!"))).toEqual([
      "safe FIELD_TYPE_CHANGED Partnership.priorities",
    ]);
  });

  it("adding an enum value is dangerous: a dashboard's switch may not know it", async () => {
    expect(await classify(base, base.replace("NOT_COVERED }", "NOT_COVERED NO_PUBLISHED_PRIORITIES }"))).toEqual([
      "dangerous ENUM_VALUE_ADDED Status.NO_PUBLISHED_PRIORITIES",
    ]);
  });
});

describe("acknowledged breaking changes", () => {
  const removal = {
    level: "breaking" as const,
    type: "FIELD_REMOVED",
    path: "County.publishedAreas",
    message: "Field 'publishedAreas' was removed from object type 'County'",
  };
  const acknowledgement = (change: string): AcknowledgedChange => ({
    change,
    reason: "Replaced by County.areas",
    acknowledgedBy: "County team",
    date: "2025-01-31",
  });

  it("are named by inspector's message or by the schema coordinate", () => {
    expect(acknowledgementOf(removal, [acknowledgement(removal.message)])).toBeDefined();
    expect(acknowledgementOf(removal, [acknowledgement("County.publishedAreas")])).toBeDefined();
    expect(acknowledgementOf(removal, [acknowledgement("County.districts")])).toBeUndefined();
  });

  it("are read from a file in which every problem is named with its entry and field", () => {
    expect(() =>
      parseAcknowledgedChanges(
        [
          { change: "County.publishedAreas", reason: "Replaced", acknowledgedBy: "County team", date: "2025-01-31" },
          { change: "", reason: "<why the dashboards can take this change>", date: "31/01/2025", by: "me" },
        ],
        "acknowledged-changes.json",
      ),
    ).toThrow(
      [
        "5 problems:",
        "  acknowledged-changes.json: [1].change: must not be empty",
        "  acknowledged-changes.json: [1].reason: is still the placeholder <why the dashboards can take this change>: fill it in",
        "  acknowledged-changes.json: [1].acknowledgedBy: is required",
        '  acknowledged-changes.json: [1].date: must be a calendar date YYYY-MM-DD, got "31/01/2025"',
        "  acknowledged-changes.json: [1].by: is not a field of an acknowledgement",
      ].join("\n"),
    );
  });

  it("the committed file is valid", () => {
    expect(Array.isArray(readAcknowledgedChanges())).toBe(true);
  });
});

describe("the schema check of the supergraph", () => {
  const committed = readSupergraph();
  // The real supergraph without County.publishedAreas (and its description).
  const withoutPublishedAreas = committed.replace(
    / {2}"""\n {2}Figures published for Leicestershire[^"]*"""\n {2}publishedAreas: [^\n]*\n/,
    "",
  );
  const noMain = { found: false as const, notice: "not a git checkout" };

  it("passes when nothing changed, and says when it could not compare with main", async () => {
    const result = await checkSchema({ composed: committed, committed, main: noMain, acknowledged: [] });
    expect(result.passed).toBe(true);
    expect(result.comparisons.map((c) => c.changes)).toEqual([[]]);
    expect(result.report).toContain("Skipped the comparison with main's supergraph: not a git checkout.");
  });

  it("fails on an unacknowledged breaking change against main, and prints the entry that would acknowledge it", async () => {
    expect(withoutPublishedAreas).not.toBe(committed);
    const main = {
      found: true as const,
      sdl: committed,
      commit: "79c52955df78ae64f582676446a158be8c6b237e",
      description: "merge base of HEAD and main",
    };
    const result = await checkSchema({
      composed: withoutPublishedAreas,
      committed: withoutPublishedAreas,
      main,
      acknowledged: [],
      today: "2025-02-01",
    });
    expect(result.passed).toBe(false);
    expect(result.comparisons[0].changes).toEqual([]);
    expect(result.unacknowledged.map((c) => c.path)).toEqual(["County.publishedAreas"]);
    expect(result.report).toContain(
      "Compared with main's supergraph at 79c5295 (merge base of HEAD and main): 1 change (1 breaking, 0 dangerous, 0 safe)",
    );
    expect(result.report).toContain(
      "BREAKING   County.publishedAreas  Field 'publishedAreas' was removed from object type 'County'",
    );
    expect(result.report).toContain(`"change": "Field 'publishedAreas' was removed from object type 'County'"`);
    expect(result.report).toContain(`"date": "2025-02-01"`);

    const acknowledged = [
      {
        change: "County.publishedAreas",
        reason: "Replaced by County.areas",
        acknowledgedBy: "County team",
        date: "2025-02-01",
      },
    ];
    const again = await checkSchema({
      composed: withoutPublishedAreas,
      committed,
      committedIsStale: true,
      main,
      acknowledged,
    });
    expect(again.passed).toBe(true);
    expect(again.report).toContain("(acknowledged by County team on 2025-02-01: Replaced by County.areas)");
    expect(again.report).toContain("run `pnpm compose`");
  });

  it("names an acknowledgement that no longer matches any change", async () => {
    const acknowledged = [
      { change: "County.publishedAreas", reason: "Replaced", acknowledgedBy: "County team", date: "2025-02-01" },
    ];
    const result = await checkSchema({ composed: committed, committed, main: noMain, acknowledged });
    expect(result.passed).toBe(true);
    expect(result.unused).toEqual(acknowledged);
    expect(result.report).toContain(`the acknowledgement of "County.publishedAreas" names no change of this check`);
  });
});

describe("main's supergraph", () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

  /** A real git repository with one commit per supergraph text, on `branch`. */
  function repository(): { dir: string; commit(text: string): string; git(...args: string[]): string } {
    const dir = mkdtempSync(join(tmpdir(), "csg-schema-base-"));
    folders.push(dir);
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args],
        { cwd: dir, encoding: "utf8" },
      ).trim();
    git("init", "-q", "-b", "main");
    mkdirSync(join(dir, "schema/generated"), { recursive: true });
    return {
      dir,
      git,
      commit(text) {
        writeFileSync(join(dir, "schema/generated/supergraph.graphql"), text);
        git("add", "-A");
        git("commit", "-q", "-m", text);
        return git("rev-parse", "HEAD");
      },
    };
  }
  const path = "schema/generated/supergraph.graphql";

  it("on a branch is main's at the merge base, so what main gained since does not read as removed", () => {
    const repo = repository();
    const forkPoint = repo.commit("v1");
    repo.git("checkout", "-q", "-b", "issue-6");
    repo.commit("v2 on the branch");
    repo.git("checkout", "-q", "main");
    repo.commit("v3 on main");
    repo.git("checkout", "-q", "issue-6");
    expect(mainSupergraph(repo.dir, path, {})).toEqual({
      found: true,
      sdl: "v1",
      commit: forkPoint,
      description: "merge base of HEAD and main",
    });
  });

  it("on main is main's before its last commit (a merge's first parent)", () => {
    const repo = repository();
    const before = repo.commit("v1");
    repo.commit("v2");
    expect(mainSupergraph(repo.dir, path, {})).toMatchObject({ found: true, sdl: "v1", commit: before });
  });

  it("is the revision named by CSG_SCHEMA_BASE when it is set", () => {
    const repo = repository();
    const first = repo.commit("v1");
    repo.commit("v2");
    repo.commit("v3");
    expect(mainSupergraph(repo.dir, path, { [SCHEMA_BASE_ENV]: first })).toMatchObject({ found: true, sdl: "v1" });
    expect(mainSupergraph(repo.dir, path, { [SCHEMA_BASE_ENV]: "no-such-ref" })).toEqual({
      found: false,
      notice: `${SCHEMA_BASE_ENV}=no-such-ref names no commit here`,
    });
  });

  it("is skipped, with the reason, without history", () => {
    const repo = repository();
    repo.commit("v1");
    expect(mainSupergraph(repo.dir, path, {})).toEqual({
      found: false,
      notice: "HEAD has no parent commit (a first commit or a shallow clone)",
    });
    const plain = mkdtempSync(join(tmpdir(), "csg-no-git-"));
    folders.push(plain);
    expect(mainSupergraph(plain, path, {})).toMatchObject({
      found: false,
      notice: expect.stringContaining("not a git checkout"),
    });
  });
});
