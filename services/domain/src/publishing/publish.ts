import { TransactionRollbackError, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { type Actor, BUSY_TIMEOUT_MS, operatingSystemUser } from "@csg/service-runtime";
import { auditEntries } from "./tables";
import { citeDocuments, storeDocuments } from "./documents";
import type { Checker } from "../validation/checker";

type AnyDatabase = BetterSQLite3Database<any>;

/** What one write did: the rows it touched, as they were and as they are. */
export interface Change<T> {
  /** False when the write changed nothing (e.g. the same file imported again). */
  changed: boolean;
  subject: string;
  before: unknown;
  after: unknown;
  result: T;
}

/**
 * Runs one write as one transaction that also appends its audit entry and bumps the
 * publication state (last published, data version). A throw rolls everything back. A write
 * that turns out to change nothing is rolled back too (so the database stays byte for byte
 * as it was, row ids included), leaves no audit entry and does not count as publishing.
 */
export function publish<DB extends AnyDatabase, T>(
  db: DB,
  actor: Actor,
  operation: string,
  write: (tx: DB) => Change<T>,
): Change<T> {
  let unchanged: Change<T> | undefined;
  try {
    // IMMEDIATE: the write lock is taken before the first read, so what is read is what is
    // written over (a deferred transaction that read first fails when another write came
    // between); a write that finds the lock taken waits (the busy timeout) for its turn.
    return db.transaction(
      (tx) => {
        const change = write(tx as unknown as DB);
        if (!change.changed) {
          unchanged = change;
          tx.rollback(); // throws TransactionRollbackError
        }
        const at = new Date().toISOString();
        tx.insert(auditEntries)
          .values({
            at,
            tokenId: actor.tokenId,
            actor: actor.label,
            operation,
            subject: change.subject,
            before: change.before ?? null,
            after: change.after ?? null,
          })
          .run();
        tx.run(sql`update publication_state set last_published_at = ${at}`);
        return change;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (unchanged && error instanceof TransactionRollbackError) return unchanged;
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new Error(
        `${operation}: the database stayed busy with other writes for over ${BUSY_TIMEOUT_MS / 1000} s, so this write did not run; nothing was written. Try again.`,
      );
    }
    throw error;
  }
}

/**
 * A write whose input names sources (checked by checkSource into `check.cited`): in the same
 * transaction, every cited document must be known or come with its title and publisher, and
 * new ones are stored with the write. A problem rolls the whole write back.
 */
export function publishCiting<DB extends AnyDatabase, T>(
  db: DB,
  actor: Actor,
  operation: string,
  check: Checker,
  write: (tx: DB) => Change<T>,
): Change<T> {
  return publish(db, actor, operation, (tx) => {
    const change = write(tx);
    const documents = citeDocuments(tx, check.cited, check);
    check.throwIfAny();
    storeDocuments(tx, documents);
    return change;
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * The actor of a write made by a local command rather than through the API: the command, the
 * operating-system user, and whom they named with --as.
 */
export function commandActor(command: string, actingAs?: string): Actor {
  // One line in the audit trail whatever was typed: no control characters, at most 200 characters.
  const name = actingAs?.replace(CONTROL_CHARACTERS, " ").trim().slice(0, 200);
  const as = name ? `, as "${name}"` : "";
  return { tokenId: null, label: `${command} (local command, run by ${operatingSystemUser()}${as})` };
}
