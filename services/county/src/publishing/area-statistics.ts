/**
 * Figures the county publishes for areas larger than one partnership (Leicestershire as a
 * whole, the police force area), recorded and corrected through the shared figures module
 * by the same rules as a partnership's own figures: this file says which table and scope.
 */
import {
  type Checker,
  correctFigures,
  type FigureCorrection,
  type FigureFields,
  type FigureStore,
  type Placed,
  recordFigures,
} from "@csg/domain";
import { type Actor, quoted } from "@csg/service-runtime";
import { eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import type { AreaStatisticRow } from "../db/schema";

/** A figure for one of the county's published areas. */
export interface AreaFigureFields extends FigureFields {
  /** The area as served by `County.publishedAreas`, e.g. Leicestershire. */
  area: string;
  /** The table's row label as printed (e.g. Force); the area's name when absent. */
  rowLabel?: string | null;
}

/** The areas the county publishes figures for: those it holds figures of. */
function publishedAreaNames(tx: CountyDatabase): string[] {
  return tx
    .selectDistinct({ area: t.areaStatistics.area })
    .from(t.areaStatistics)
    .orderBy(t.areaStatistics.area)
    .all()
    .map((r) => r.area);
}

/** The county's figures: each for a named area, named `county:statistic-<n>`. */
const areaFigures: FigureStore<AreaStatisticRow, AreaFigureFields> = {
  table: t.areaStatistics,
  owner: "county",
  sameScope: (figure) => eq(t.areaStatistics.area, figure.area),
  scopeValues: (figure) => ({ area: figure.area, rowLabel: figure.rowLabel ?? figure.area }),
  scopeJson: (row) => ({ area: row.area, rowLabel: row.rowLabel }),
  scopeName: (figure) => figure.area,
  correction: "correctAreaCrimeStatistics",
  checkScope(tx, figures, check) {
    const areas = publishedAreaNames(tx);
    for (const { value, place } of figures) {
      if (check.text(place("area"), value.area, { max: 200 }) && !areas.includes(value.area)) {
        check.fail(
          place("area"),
          `unknown area ${quoted(value.area)}; the county publishes figures for ${areas.join(", ")}`,
        );
      }
      check.text(place("rowLabel"), value.rowLabel, { optional: true, max: 300 });
    }
  },
};

/** Records new figures, all or none. A figure already recorded (same area, category, period and source) is a correction, not a record. */
export const recordAreaStatistics = (
  db: CountyDatabase,
  actor: Actor,
  figures: Placed<AreaFigureFields>[],
  check: Checker,
) => recordFigures(db, actor, areaFigures, "recordAreaCrimeStatistics", figures, check);

/** Corrects recorded figures by id (count, label as printed, notes), all or none; unchanged corrections write nothing. */
export const correctAreaStatistics = (
  db: CountyDatabase,
  actor: Actor,
  corrections: Placed<FigureCorrection>[],
  check: Checker,
) => correctFigures(db, actor, areaFigures, "correctAreaCrimeStatistics", corrections, check);
