import type Database from "better-sqlite3";
import { type Comparison, compareNationally } from "../comparison/national-comparison";

/** One request's view of the national database: each comparison computed once per request. */
export interface NationalContext {
  sqlite: Database.Database;
  comparison(category: string, financialYear: string): Comparison;
}

export function nationalContext(sqlite: Database.Database): NationalContext {
  const computed = new Map<string, Comparison>();
  return {
    sqlite,
    comparison(category, financialYear) {
      const key = `${category}\u0000${financialYear}`;
      let comparison = computed.get(key);
      if (!comparison) computed.set(key, (comparison = compareNationally(sqlite, category, financialYear)));
      return comparison;
    },
  };
}
