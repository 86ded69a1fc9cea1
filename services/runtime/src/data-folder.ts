/**
 * Where a command finds its system: one resolution for every command that opens a data
 * folder (`--data-dir`, else CSG_DATA_DIR, else data/ at the repository's root), and one
 * refusal of a folder that holds no system, so that a command pointed at the wrong place
 * writes nothing there (it once seeded a fresh database that the running system never saw).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { userInfo } from "node:os";
import type { CommandLine, OptionSpec } from "./command-line";
import { COUNTY_DATABASE } from "./database-files";
import { dataDirOption, defaultDataDir } from "./options";

export const DATA_DIR_ENV = "CSG_DATA_DIR";

/** The file every system's data folder holds from its first start: the county's database. */
export const SYSTEM_MARKER = COUNTY_DATABASE;

export interface DataFolder {
  /** The folder, absolute. */
  dir: string;
  /** How it was named, for messages. */
  from: "--data-dir" | typeof DATA_DIR_ENV | "default";
}

/** The data folder a command names: --data-dir, else CSG_DATA_DIR, else data/. */
export function resolveDataFolder(
  command: Pick<CommandLine, "string">,
  env: NodeJS.ProcessEnv = process.env,
): DataFolder {
  const given = command.string("data-dir");
  // command.string falls back to the environment itself; tell the two apart for messages.
  if (given !== undefined && given !== "" && given !== env[DATA_DIR_ENV])
    return { dir: resolve(given), from: "--data-dir" };
  if (env[DATA_DIR_ENV]) return { dir: resolve(env[DATA_DIR_ENV]!), from: DATA_DIR_ENV };
  return { dir: defaultDataDir, from: "default" };
}

/**
 * Whether the folder holds a system: the county's database, or one of `databases` (the
 * database a command works on, which is all a district's own server holds: see `pnpm serve`).
 */
export function holdsSystem(dir: string, databases: readonly string[] = []): boolean {
  return [SYSTEM_MARKER, ...databases].some((file) => existsSync(join(dir, file)));
}

/** Thrown for a folder that holds no system: the command ends with the message, nothing created. */
export class NoSystemError extends Error {}

function named(folder: DataFolder): string {
  return folder.from === "default"
    ? `${folder.dir} (the default, data/: neither --data-dir nor ${DATA_DIR_ENV} is set)`
    : `${folder.dir} (from ${folder.from})`;
}

/**
 * The data folder of a system, for a command that works on one: refused (before anything is
 * opened or created) when it holds none, naming the folder and both ways to point elsewhere.
 */
export function systemDataFolder(
  command: Pick<CommandLine, "string">,
  env: NodeJS.ProcessEnv = process.env,
  databases: readonly string[] = [],
): string {
  const folder = resolveDataFolder(command, env);
  if (!holdsSystem(folder.dir, databases)) {
    const own = databases.length === 1 ? databases[0] : "a partnership's database (<code>.db)";
    throw new NoSystemError(
      `No system in ${named(folder)}: it has no ${SYSTEM_MARKER}, so nothing was read or written there. ` +
        (databases.length ? `(A district's own folder holding only ${own} would do.) ` : "") +
        `Name the folder \`pnpm start\` uses: --data-dir <dir> on this command, or \`export ${DATA_DIR_ENV}=<dir>\` for every command (\`pnpm start\` prints that line). ` +
        `\`pnpm start\` creates a system in a new folder.`,
    );
  }
  return folder.dir;
}

/** The line `pnpm start` prints, so that later commands find the same system. */
export function exportLine(dir: string): string {
  return `export ${DATA_DIR_ENV}=${/^[\w@%+=:,./-]+$/.test(dir) ? dir : `'${dir.replace(/'/g, "'\\''")}'`}`;
}

/** A write command's --as: who the operating-system user acts for, in the audit trail. */
export const actingAsOption: OptionSpec = {
  type: "string",
  value: '"<name>"',
  description:
    'Who is running the command, for the audit trail, e.g. "Jo Bloggs, Melton CSP" (beside the operating-system user).',
};

/** The operating-system user running this process. */
export function operatingSystemUser(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
  }
  return process.env.USER ?? process.env.USERNAME ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? "?"}`;
}

export { dataDirOption };
