import Database from "better-sqlite3";
import { type FSWatcher, existsSync, watch } from "node:fs";
import { basename, dirname } from "node:path";

/** A subgraph's revision read on this machine: null while its file does not exist (then it is asked over HTTP). */
export type LocalRevision = () => string | null;

/**
 * A subgraph's revision read from its SQLite file on this machine: a read-only connection's
 * `PRAGMA data_version` changes whenever any other connection (the subgraph's own process,
 * `pnpm figures:import`, `pnpm tokens revoke`) has committed. Microseconds, and no process
 * has to wake up. The file is opened on first use.
 */
export function localRevision(file: string): LocalRevision {
  // Prepared once: preparing costs more than running it, and every cached answer asks.
  let dataVersion: Database.Statement | null = null;
  return () => {
    if (!dataVersion) {
      if (!existsSync(file)) return null;
      dataVersion = new Database(file, { readonly: true, fileMustExist: true }).prepare("PRAGMA data_version").pluck();
    }
    return `local.${dataVersion.get()}`;
  };
}

/** The database file a name in its folder belongs to: itself, or its write-ahead log, shared memory or journal. */
function databaseOf(name: string): string {
  return name.replace(/-(wal|shm|journal)$/, "");
}

/**
 * The revisions of SQLite files on this machine without a system call each: the kernel tells
 * (inotify, through `fs.watch` on their folders) whenever any process writes one of them or
 * its write-ahead log, and a counter per file counts it. Every commit in WAL mode writes the
 * log before the committing process goes on, so the kernel has queued the event before anyone
 * can have seen the commit; the event loop takes it in during the same poll phase as any
 * request sent after, or an earlier one (the watch's descriptor was ready first). A reader
 * must therefore ask after that phase (RevisionWatch reads in `setImmediate`). Any write
 * counts, a checkpoint's too: a change that is not a commit only costs an answer computed
 * again. Where a folder cannot be watched (no inotify, its limit reached) or its watch fails
 * later, its files are read by `PRAGMA data_version` instead.
 */
export function localRevisions(files: string[]): Map<string, LocalRevision> {
  const counters = new Map(files.map((file) => [file, 0]));
  const fallback = new Map<string, LocalRevision>();
  const watched = new Set<string>();
  const present = new Set<string>();
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    const inFolder = files.filter((file) => dirname(file) === folder);
    const byName = new Map(inFolder.map((file) => [basename(file), file]));
    let watcher: FSWatcher;
    try {
      // Not persistent: the watch alone never keeps a process running.
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        // No name given (possible on some systems): every file of the folder counts as changed.
        const changed = name ? [byName.get(databaseOf(name.toString()))] : inFolder;
        for (const file of changed) if (file) counters.set(file, counters.get(file)! + 1);
      });
    } catch {
      continue;
    }
    for (const file of inFolder) watched.add(file);
    watcher.on("error", () => {
      for (const file of inFolder) watched.delete(file);
      watcher.close();
    });
  }
  return new Map(
    files.map((file) => [
      file,
      () => {
        if (watched.has(file)) {
          // Asked of the disk only until the file is there (the gateway starts after its subgraphs made theirs).
          if (!present.has(file) && existsSync(file)) present.add(file);
          return present.has(file) ? `watch.${counters.get(file)}` : null;
        }
        if (!fallback.has(file)) fallback.set(file, localRevision(file));
        return fallback.get(file)!();
      },
    ]),
  );
}
