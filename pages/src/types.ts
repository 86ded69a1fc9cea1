/** The shapes the pages read from the graph (only the fields their queries select). */
import type { PeriodLike } from "./format";
import type { SourceLike, StatisticLike } from "./figure";

export interface PartnershipRef {
  code: string;
  name: string;
}

export interface Evidence {
  kind: string;
  value: string;
  foundIn: string;
  weight: number;
}

export interface Alignment {
  priority: { id?: string; title?: string };
  basis: "DECLARED" | "SUGGESTED";
  score: number | null;
  evidence: Evidence[];
}

export interface PriorityData {
  id: string;
  title: string;
  period?: PeriodLike;
  source?: SourceLike;
  csaAlignment?: Alignment[];
}

export interface Statistic extends StatisticLike {
  id?: string;
  category: { id: string; name: string };
  localLabel: string;
}

/** "Charnwood Community Safety Partnership" as "Charnwood". */
export function shortName(name: string): string {
  return (
    name
      .replace(/\s*(Community Safety )?Partnership$/i, "")
      .replace(/^Safer\s+/i, "")
      .trim() || name
  );
}
