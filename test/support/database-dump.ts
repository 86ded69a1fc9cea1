import { expect } from "vitest";
import type { GraphQLResponse, SystemClient } from "./system-client";
import Database from "better-sqlite3";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every row of every table of every database in a data folder: to show that a rejected write
 * wrote nothing. Read-only: opening through a service's own module would run its migrations
 * (and the partnerships' on the county's or the national file).
 */
export function dumpDatabases(dataDir: string): Record<string, Record<string, unknown[]>> {
  const dump: Record<string, Record<string, unknown[]>> = {};
  for (const file of readdirSync(dataDir)
    .filter((f) => f.endsWith(".db"))
    .sort()) {
    const db = new Database(join(dataDir, file), { readonly: true });
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
        name: string;
      }[];
      dump[file] = Object.fromEntries(
        tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]),
      );
    } finally {
      db.close();
    }
  }
  return dump;
}

/** Runs a write that must be refused, and shows that no database of the system changed at all. */
export async function refusedWrite(
  t: SystemClient,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<NonNullable<GraphQLResponse["errors"]>> {
  const before = dumpDatabases(t.dataDir);
  const { data, errors } = await t.query(query, variables, token);
  expect(errors?.length).toBeGreaterThan(0);
  expect(data ?? null).toBeNull();
  expect(dumpDatabases(t.dataDir)).toEqual(before);
  return errors!;
}
