import type { PartnershipEntry } from "@csg/schema";
import type { Actor } from "@csg/service-runtime";
import type { CspDatabase } from "../db/database";
import { type StatisticsPlan, applyStatistics, planStatistics } from "../publishing/crime-statistics";
import { readTable } from "./layout";
import { Checker } from "@csg/domain";

export interface ImportResult {
  plan: StatisticsPlan;
  /** False for a dry run, and when nothing changed (the same file again). */
  written: boolean;
}

/**
 * Imports a table of figures from a CSV file in the spreadsheet layout: new figures are
 * recorded, changed ones corrected, in one transaction with one audit entry. Any problem
 * (named by file, row and column) and nothing is written. A dry run only plans.
 */
export function importStatistics(
  db: CspDatabase,
  partnership: PartnershipEntry,
  file: string,
  text: string,
  options: { dryRun: boolean; actor: Actor },
): ImportResult {
  const check = new Checker(file);
  const figures = readTable(text, check);
  // Every figure of the file is checked (and every problem reported) before anything is planned.
  if (options.dryRun) return { plan: planStatistics(db, partnership, figures, check), written: false };
  const subject = file.split("/").pop() ?? file;
  const plan = applyStatistics(db, options.actor, partnership, "importCrimeStatistics", subject, figures, check);
  return { plan, written: plan.additions.length + plan.corrections.length > 0 };
}
