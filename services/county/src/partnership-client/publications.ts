import type { CrimeStatistic, CrimeTarget, PartnershipEntry, Priority, RateTable } from "@csg/schema";

/** What one partnership's subgraph answered for the county's analysis (shapes of the shared types). */
export interface PartnershipPublicationsData {
  /** Every priority, of every period, in printed order. */
  priorities: Priority[];
  /** The priorities of its most recent plan: a subset of `priorities`. */
  currentPriorities: Priority[];
  /** Partnership-wide published counts. */
  crimeStatistics: CrimeStatistic[];
  /** Areas within the partnership (police beats), each with its own figures. */
  areas: AreaFigures[];
  targets: CrimeTarget[];
  rateTables: RateTable[];
}

/** An area's figures as read (the Area type's fields that the county uses). */
export interface AreaFigures {
  id: string;
  crimeStatistics: CrimeStatistic[];
}

/** One partnership as read for one request: its publications, or why they could not be read. */
export interface PartnershipReading {
  partnership: PartnershipEntry;
  publications: PartnershipPublicationsData | null;
  /** Why the subgraph could not be read (null when it answered). */
  problem: string | null;
}

interface Answer {
  currentPriorities: { id: string }[] | null;
  priorities: Priority[] | null;
  crimeStatistics: CrimeStatistic[] | null;
  areas: AreaFigures[] | null;
  targets: CrimeTarget[] | null;
  rateTables: RateTable[] | null;
}

/**
 * A statistic nested in a statistic (differingFigures, change.previous) arrives as its id
 * only: relink it to the partnership's full figure, so the county serves it whole, as the
 * partnership does.
 */
function relinkStatistics(statistics: CrimeStatistic[], targets: CrimeTarget[]): void {
  const byId = new Map(statistics.map((s) => [s.id, s]));
  const relink = (statistic: CrimeStatistic) => {
    statistic.differingFigures = statistic.differingFigures.map((d) => byId.get(d.id) ?? d);
    if (statistic.change)
      statistic.change.previous = byId.get(statistic.change.previous.id) ?? statistic.change.previous;
  };
  statistics.forEach(relink);
  for (const target of targets) {
    for (const figure of [target.baseline, target.outcome]) if (figure) relink(figure);
  }
}

/**
 * The partnership's answer as the analysis uses it; current priorities are the full objects
 * (read whole, or picked from `priorities` by id). Fields not read are empty.
 */
export function toPublications(answer: Partial<Answer>): PartnershipPublicationsData {
  const priorities = answer.priorities ?? [];
  const currentIds = new Set((answer.currentPriorities ?? []).map((p) => p.id));
  const crimeStatistics = answer.crimeStatistics ?? [];
  const targets = answer.targets ?? [];
  relinkStatistics(crimeStatistics, targets);
  const areas = answer.areas ?? [];
  for (const area of areas) relinkStatistics(area.crimeStatistics, []);
  return {
    priorities,
    currentPriorities: answer.priorities
      ? priorities.filter((p) => currentIds.has(p.id))
      : ((answer.currentPriorities ?? []) as Priority[]),
    crimeStatistics,
    areas,
    targets,
    rateTables: answer.rateTables ?? [],
  };
}
