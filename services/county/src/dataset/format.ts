import type { PeriodRecord, SourceRecord } from "@csg/domain";

/**
 * The layout of the county's dataset (services/county/dataset/county.json), transcribed
 * from the county's documents; populations come from dataset/populations.csv. The CSA's
 * seven priorities are in the shared taxonomy (schema/taxonomy/csa-priorities.json).
 */
export interface CountyDataset {
  county: { name: string; onsCode: string };
  board: {
    name: string;
    abbreviation: string;
    chair: string;
    members: { name: string; source: SourceRecord }[];
    source: SourceRecord;
  };
  agreement: { title: string; agreedBy: string; agreedIn: string; source: SourceRecord };
  strategicPlanPriorities: { id: string; title: string; description: string; source: SourceRecord }[];
  team: {
    description: string;
    workstreams: { id: string; title: string; items: string[]; source: SourceRecord }[];
    source: SourceRecord;
  };
  strategies: { title: string; period: string; document: string }[];
  periods: PeriodRecord[];
  /** Figures published for the county as a whole or the force area, not for one partnership. */
  areaStatistics: {
    area: string;
    rowLabel: string;
    category: string;
    localLabel: string;
    count: number;
    period: string;
    source: SourceRecord;
    notes: string[];
  }[];
  notes: string[];
}

/** One row of dataset/populations.csv. */
export interface PopulationRecord {
  onsCode: string;
  name: string;
  kind: string;
  year: number;
  population: number;
  source: string;
}
