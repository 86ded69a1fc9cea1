import { quoted } from "@csg/service-runtime";
import type { SourceRecord } from "../records";
import { findCrimeCategory } from "@csg/schema";
import type { Checker } from "../validation/checker";
import { type Place, type Placed, within } from "../validation/place";
import { checkPeriod, type PeriodFields, periodKey } from "./period";
import { checkSource } from "./source";
import { documentName, type KnownDocument } from "../publishing/documents";

/** A figure's own fields, whatever names its period (a dataset's period id, an input's period). */
export interface StatisticFields {
  category: string;
  localLabel: string;
  count: unknown;
  source: SourceRecord;
  notes?: string[] | null;
  alsoPublishedIn?: SourceRecord[];
}

/** A figure as an officer gives it: its period and source in full. */
export interface FigureFields {
  category: string;
  localLabel: string;
  count: number;
  period: PeriodFields;
  source: SourceRecord;
  notes?: string[] | null;
}

/** What a correction of a recorded figure may change: only the fields given. */
export interface FigureCorrection {
  /** The figure's public id, e.g. charnwood:statistic-12 or county:statistic-3. */
  id: string;
  count?: number | null;
  localLabel?: string | null;
  /** Replaces the figure's notes. */
  notes?: string[] | null;
  /** The document the corrected count comes from, recorded with the correction. */
  source?: SourceRecord | null;
  /** Why, recorded with the correction. */
  note?: string | null;
}

/** A known canonical category, the label as printed, a whole non-negative count, its source. */
export function checkStatisticFields(check: Checker, place: Place, stat: StatisticFields): void {
  if (check.text(place("category"), stat.category) && !findCrimeCategory(stat.category)) {
    check.fail(place("category"), `unknown crime category ${quoted(stat.category)}`);
  }
  check.text(place("localLabel"), stat.localLabel, { max: 300 });
  check.count(place("count"), stat.count);
  checkSource(check, within(place, "source"), stat.source);
  (stat.notes ?? []).forEach((note, i) => check.text(place(`notes[${i}]`), note));
  (stat.alsoPublishedIn ?? []).forEach((s, i) => checkSource(check, within(place, `alsoPublishedIn[${i}]`), s));
}

/**
 * One figure per category, period and source (and area, where a subgraph publishes figures
 * for several areas): the key that must be unique.
 */
export function statisticKey(
  category: string,
  periodKey: string,
  source: SourceRecord | undefined,
  area?: string,
): string {
  return `${area ?? ""}|${category}|${periodKey}|${source?.document}|${source?.locator}`;
}

export function secondFigureMessage(
  category: string,
  periodLabel: string,
  source: SourceRecord | undefined,
  area?: string,
): string {
  return `a second figure for ${area === undefined ? "" : `${area}, `}category ${category}, period ${periodLabel} and source ${source?.document}, ${source?.locator}`;
}

/**
 * Every figure checked by the rules of a figure and of a period; a second figure for the same
 * category, period and source (and area) fails (`seen` carries the keys across calls for one input).
 */
export function checkFigures(
  check: Checker,
  figures: Placed<FigureFields & { area?: string }>[],
  seen = new Set<string>(),
): void {
  for (const { value, place } of figures) {
    checkStatisticFields(check, place, value);
    if (!value.period) check.fail(place("period"), "is required");
    else checkPeriod(check, within(place, "period"), value.period);
    const key = statisticKey(value.category, value.period ? periodKey(value.period) : "", value.source, value.area);
    if (seen.has(key))
      check.fail(place(""), secondFigureMessage(value.category, value.period?.label, value.source, value.area));
    seen.add(key);
  }
}

/** The fields a correction changes: a whole non-negative count, a label as printed, notes. */
export function checkFigureCorrection(check: Checker, place: Place, correction: FigureCorrection): void {
  if (correction.count !== undefined) check.count(place("count"), correction.count);
  if (correction.localLabel !== undefined) check.text(place("localLabel"), correction.localLabel, { max: 300 });
  (correction.notes ?? []).forEach((note, i) => check.text(place(`notes[${i}]`), note));
  if (correction.source != null) checkSource(check, within(place, "source"), correction.source);
  if (correction.note != null) check.text(place("note"), correction.note, { max: 1000 });
}

/**
 * No recorded figure older than its source allows: a count whose period ends after the date
 * its document was published cannot have been printed in it (a projection can: it is an
 * estimate). A document without a date of publication is not checked.
 */
export function checkFigureAgainstSource(
  check: Checker,
  place: Place,
  figure: { category: string; localLabel?: string; period: PeriodFields },
  document: KnownDocument | undefined,
  what = "its source",
): void {
  if (!document?.published || !figure.period || figure.period.basis === "PROJECTION") return;
  if (!(figure.period.end > document.published)) return;
  check.fail(
    place(""),
    `the figure ${figure.category}${figure.localLabel ? ` ("${figure.localLabel}")` : ""} for ${figure.period.label} ends on ${figure.period.end}, after ${what} ${documentName(document)} was published on ${document.published}: a recorded figure cannot come from a document published before its period ended (a projection may: give its period the basis PROJECTION)`,
  );
}
