/**
 * A partnership's own crime figures (partnership-wide), recorded, corrected and imported
 * through the shared figures module: this file only says which table and scope they are.
 */
import {
  applyFigures,
  type Checker,
  correctFigures,
  type FigureCorrection,
  type FigureFields,
  type FigureStore,
  type FiguresPlan,
  type Placed,
  planFigures,
  recordFigures,
} from "@csg/domain";
import type { PartnershipEntry } from "@csg/schema";
import type { Actor } from "@csg/service-runtime";
import { isNull } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import type { StatisticRow } from "../db/schema";

/** A partnership's own figures: partnership-wide (no area), named `<code>:statistic-<n>`. */
function partnershipFigures(partnership: PartnershipEntry): FigureStore<StatisticRow, FigureFields> {
  return {
    table: t.crimeStatistics,
    owner: partnership.code,
    sameScope: () => isNull(t.crimeStatistics.areaId),
    scopeValues: () => ({ areaId: null }),
    scopeJson: () => ({}),
    correction: "correctCrimeStatistics",
  };
}

export const recordStatistics = (
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  figures: Placed<FigureFields>[],
  check: Checker,
) => recordFigures(db, actor, partnershipFigures(partnership), "recordCrimeStatistics", figures, check);

export const correctStatistics = (
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  corrections: Placed<FigureCorrection>[],
  check: Checker,
) => correctFigures(db, actor, partnershipFigures(partnership), "correctCrimeStatistics", corrections, check);

export type StatisticsPlan = FiguresPlan<StatisticRow, FigureFields>;

export const planStatistics = (
  db: CspDatabase,
  partnership: PartnershipEntry,
  figures: Placed<FigureFields>[],
  check: Checker,
): StatisticsPlan => planFigures(db, partnershipFigures(partnership), figures, check);

export const applyStatistics = (
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  operation: string,
  subject: string,
  figures: Placed<FigureFields>[],
  check: Checker,
): StatisticsPlan => applyFigures(db, actor, partnershipFigures(partnership), operation, subject, figures, check);
