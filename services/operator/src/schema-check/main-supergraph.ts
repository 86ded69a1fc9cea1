import { spawnSync } from "node:child_process";

/** The supergraph a change is judged against, and which commit it came from. */
export type MainSupergraph =
  | { found: true; sdl: string; commit: string; description: string }
  | { found: false; notice: string };

/** Names a git revision to compare against instead of main (e.g. `origin/release`). */
export const SCHEMA_BASE_ENV = "CSG_SCHEMA_BASE";

const MAIN_REFS = ["main", "origin/main"];

function git(repository: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd: repository, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function commitOf(repository: string, revision: string): string | undefined {
  return git(repository, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
}

/**
 * The commit whose supergraph is "main's" for this check:
 * - with CSG_SCHEMA_BASE set, that revision;
 * - on a branch of main (main or origin/main exists and HEAD is not on it), the merge base of
 *   HEAD and main: main as this branch last saw it, so what main gained since does not read
 *   as removed here;
 * - on main itself (or with no main ref), HEAD's first parent: main before its last commit
 *   (for a merge, main before the merge);
 * - none, with a notice, when there is no git, no history or no such commit.
 */
function baseCommit(
  repository: string,
  env: NodeJS.ProcessEnv,
): { commit: string; description: string } | { notice: string } {
  if (git(repository, ["rev-parse", "--is-inside-work-tree"]) !== "true")
    return { notice: "not a git checkout (or no git here): no history to compare with" };
  const head = commitOf(repository, "HEAD");
  if (!head) return { notice: "the repository has no commit yet" };
  const override = env[SCHEMA_BASE_ENV];
  if (override) {
    const commit = commitOf(repository, override);
    return commit
      ? { commit, description: `${override} (${SCHEMA_BASE_ENV})` }
      : { notice: `${SCHEMA_BASE_ENV}=${override} names no commit here` };
  }
  for (const ref of MAIN_REFS) {
    if (!commitOf(repository, ref)) continue;
    const mergeBase = git(repository, ["merge-base", "HEAD", ref]);
    if (mergeBase && mergeBase !== head) return { commit: mergeBase, description: `merge base of HEAD and ${ref}` };
    break;
  }
  const parent = commitOf(repository, "HEAD^1");
  return parent
    ? { commit: parent, description: "HEAD's first parent (main before its last commit)" }
    : { notice: "HEAD has no parent commit (a first commit or a shallow clone)" };
}

/** Main's committed supergraph (see {@link baseCommit} for which commit that is), or why there is none. */
export function mainSupergraph(
  repository: string,
  supergraphPath: string,
  env: NodeJS.ProcessEnv = process.env,
): MainSupergraph {
  const base = baseCommit(repository, env);
  if ("notice" in base) return { found: false, notice: base.notice };
  const sdl = git(repository, ["show", `${base.commit}:${supergraphPath}`]);
  if (sdl === undefined)
    return { found: false, notice: `${base.description} (${base.commit.slice(0, 7)}) has no ${supergraphPath}` };
  return { found: true, sdl, commit: base.commit, description: base.description };
}
