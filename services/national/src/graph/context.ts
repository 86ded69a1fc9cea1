import type Database from "better-sqlite3";
import { type HeldFinancialYear, heldFinancialYears } from "../comparison/financial-years";
import { type Comparison, compareNationally } from "../comparison/national-comparison";

/** One request's view of the national database. */
export interface NationalContext {
  sqlite: Database.Database;
  comparison(category: string, financialYear: string): Comparison;
  /** The financial years the Home Office tables hold, oldest first. */
  financialYears(): HeldFinancialYear[];
}

/**
 * Comparisons (and the list of years held) computed once and kept until the data change:
 * imports are written by another connection (`pnpm national:import`), and SQLite's
 * `data_version` changes on this connection exactly when another one has committed, so the
 * next query after an import recomputes.
 */
export class ComparisonCache {
  private version: unknown = null;
  private readonly computed = new Map<string, Comparison>();
  private years: HeldFinancialYear[] | null = null;
  private readonly dataVersion: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.dataVersion = sqlite.prepare("pragma data_version").pluck();
  }

  /** Forgets everything computed when another connection has committed since. */
  private checkFresh(): void {
    const version = this.dataVersion.get();
    if (version !== this.version) {
      this.computed.clear();
      this.years = null;
      this.version = version;
    }
  }

  get(category: string, financialYear: string): Comparison {
    this.checkFresh();
    const key = `${category}\u0000${financialYear}`;
    let comparison = this.computed.get(key);
    if (!comparison) this.computed.set(key, (comparison = compareNationally(this.sqlite, category, financialYear)));
    return comparison;
  }

  financialYears(): HeldFinancialYear[] {
    this.checkFresh();
    return (this.years ??= heldFinancialYears(this.sqlite));
  }
}

export function nationalContext(sqlite: Database.Database, cache = new ComparisonCache(sqlite)): NationalContext {
  return {
    sqlite,
    comparison: (category, financialYear) => cache.get(category, financialYear),
    financialYears: () => cache.financialYears(),
  };
}
