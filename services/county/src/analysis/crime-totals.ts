import type { CrimeStatistic, Period } from "@csg/schema";
import type { PopulationFigure as Population } from "./population-year";
import {
  type ChosenFigure,
  chooseSeries,
  type MissingFigure,
  type PartnershipFigures,
  type Series,
  type SeriesRequest,
} from "./crime-series";
import { ratePer1000 } from "./population-year";
import { comparableStatistic } from "./comparable-statistic";
import { rankColumn, type YearOnYearChange, yearOnYearIndex } from "@csg/domain";

export interface TotalChange {
  previousPeriod: Period;
  previousTotal: number;
  difference: number;
  /** Full precision; null when the earlier total is 0. */
  percent: number | null;
}

/** One partnership's part of a county total. */
export interface PartnershipTotalFigure extends ChosenFigure {
  count: number;
  population: Population | null;
  ratePer1000: number | null;
  /** By count within the county, 1 = highest; tied counts share a rank. */
  rank: number;
  /** By rate per 1,000 within the county, 1 = highest; null without a population. */
  rateRank: number | null;
  change: YearOnYearChange<CrimeStatistic> | null;
}

export interface CrimeTotalValue extends SeriesRequest {
  /** The sum of the figures used; null when no partnership published one. */
  total: number | null;
  complete: boolean;
  figures: PartnershipTotalFigure[];
  missing: MissingFigure[];
  sources: Series["sources"];
  population: Population | null;
  ratePer1000: number | null;
  change: TotalChange | null;
}

/**
 * The county total of one category over exactly one span, from the partnerships' own
 * figures (one consistent series, see chooseSeries), with each partnership's rate per 1,000,
 * ranks within the county and change against its comparable figure a year earlier. The
 * county's own rate and change are given only for a complete total: a partial sum is no
 * county's figure.
 */
export function crimeTotal(
  partnerships: PartnershipFigures[],
  request: SeriesRequest,
  populationOf: (figure: ChosenFigure) => Population | null,
  countyPopulation: Population | null,
): CrimeTotalValue {
  const series = chooseSeries(partnerships, request);
  // Indexed once per partnership with a chosen figure: a partnership's change is one look-up, whatever it published.
  const changeIn = new Map(
    series.chosen.map(({ partnership }) => {
      const statistics = partnerships.find((p) => p.partnership.code === partnership.code)?.statistics ?? [];
      return [partnership.code, yearOnYearIndex(statistics, comparableStatistic)];
    }),
  );
  const withRates = series.chosen.map((chosen) => {
    const population = populationOf(chosen);
    return {
      ...chosen,
      count: chosen.statistic.count,
      population,
      ratePer1000: population ? ratePer1000(chosen.statistic.count, population.count) : null,
      change: changeIn.get(chosen.partnership.code)!(chosen.statistic),
    };
  });
  const countRanks = rankColumn(withRates.map((f) => ({ value: f.count, average: false })));
  const rated = withRates.filter((f) => f.ratePer1000 !== null);
  const rateRanks = rankColumn(rated.map((f) => ({ value: f.ratePer1000!, average: false })));
  const figures = withRates.map((f, i) => ({
    ...f,
    rank: countRanks[i].rank!,
    rateRank: f.ratePer1000 === null ? null : rateRanks[rated.indexOf(f)].rank,
  }));
  const complete = series.missing.length === 0 && figures.length > 0;
  const total = figures.length ? figures.reduce((sum, f) => sum + f.count, 0) : null;
  const previous = figures.map((f) => f.change?.previous);
  const previousTotal = previous.reduce((sum, p) => sum + (p?.count ?? 0), 0);
  const change: TotalChange | null =
    complete && previous.every(Boolean)
      ? {
          previousPeriod: previous[0]!.period,
          previousTotal,
          difference: total! - previousTotal,
          percent: previousTotal === 0 ? null : ((total! - previousTotal) / previousTotal) * 100,
        }
      : null;
  return {
    ...request,
    total,
    complete,
    figures,
    missing: series.missing,
    sources: series.sources,
    population: complete ? countyPopulation : null,
    ratePer1000: complete && countyPopulation && total !== null ? ratePer1000(total, countyPopulation.count) : null,
    change,
  };
}
