import { expect } from "vitest";
import type { GraphQLResponse, TestSystem } from "./system";
import { openCountyDatabase } from "@csg/county-subgraph";
import { openCspDatabase } from "@csg/csp-subgraph";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every row of every table of every database in a data folder: to show that a rejected write wrote nothing. */
export function dumpDatabases(dataDir: string): Record<string, Record<string, unknown[]>> {
  const dump: Record<string, Record<string, unknown[]>> = {};
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith(".db")).sort()) {
    const opened = file === "county.db" ? openCountyDatabase(join(dataDir, file)) : openCspDatabase(join(dataDir, file));
    try {
      // drizzle's handle on the better-sqlite3 connection (not in its declared type).
      const client = (opened.db as unknown as { $client: { prepare(sql: string): { all(): unknown[] } } }).$client;
      const tables = client.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
      dump[file] = Object.fromEntries(tables.map(({ name }) => [name, client.prepare(`select * from "${name}" order by rowid`).all()]));
    } finally {
      opened.close();
    }
  }
  return dump;
}

/** Runs a write that must be refused, and shows that no database of the system changed at all. */
export async function refusedWrite(
  t: TestSystem,
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
