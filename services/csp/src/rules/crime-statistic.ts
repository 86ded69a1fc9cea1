import { type Checker, findCrimeCategory, type SourceRecord, type Place, within } from "@csg/schema";
import { checkSource } from "./source";

/** A figure's own fields, whatever names its period (a dataset's period id, an input's period). */
export interface StatisticFields {
  category: string;
  localLabel: string;
  count: unknown;
  source: SourceRecord;
  notes?: string[] | null;
  alsoPublishedIn?: SourceRecord[];
}

/** A known canonical category, the label as printed, a whole non-negative count, its source. */
export function checkStatisticFields(check: Checker, place: Place, stat: StatisticFields): void {
  if (check.text(place("category"), stat.category) && !findCrimeCategory(stat.category)) {
    check.fail(place("category"), `unknown crime category "${stat.category}"`);
  }
  check.text(place("localLabel"), stat.localLabel, { max: 300 });
  check.count(place("count"), stat.count);
  checkSource(check, within(place, "source"), stat.source);
  (stat.notes ?? []).forEach((note, i) => check.text(place(`notes[${i}]`), note));
  (stat.alsoPublishedIn ?? []).forEach((s, i) => checkSource(check, within(place, `alsoPublishedIn[${i}]`), s));
}

/** One figure per category, period and source: the key that must be unique. */
export function statisticKey(category: string, periodKey: string, source: SourceRecord | undefined): string {
  return `${category}|${periodKey}|${source?.document}|${source?.locator}`;
}

export function secondFigureMessage(category: string, periodLabel: string, source: SourceRecord | undefined): string {
  return `a second figure for category ${category}, period ${periodLabel} and source ${source?.document}, ${source?.locator}`;
}
