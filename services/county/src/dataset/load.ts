import { findCrimeCategory, findSeedDocument } from "@csg/schema";
import { parseCsv } from "@csg/service-runtime";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CountyDataset, PopulationRecord } from "./format";
import {
  Checker,
  checkFigureAgainstSource,
  PERIOD_BASES,
  type PeriodFields,
  under,
  ValidationError,
} from "@csg/domain";

export const countyDatasetFile = fileURLToPath(new URL("../../dataset/county.json", import.meta.url));
export const populationsFile = fileURLToPath(new URL("../../dataset/populations.csv", import.meta.url));

const POPULATION_COLUMNS = ["ons_code", "name", "kind", "year", "population", "source"];

/** Reads dataset/populations.csv; errors name the file, row and column. */
export function loadPopulations(file = populationsFile): PopulationRecord[] {
  const check = new Checker(file);
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"));
  if (header?.cells.join(",") !== POPULATION_COLUMNS.join(",")) {
    check.fail("row 1", `header must be ${POPULATION_COLUMNS.join(",")}`);
    check.throwIfAny();
  }
  const records = rows.map(({ line, cells }) => {
    const [onsCode, name, kind, year, population, source] = cells;
    const at = (column: string) => `row ${line}, column ${column}`;
    check.text(at("ons_code"), onsCode);
    check.text(at("name"), name);
    check.text(at("source"), source);
    check.count(at("year"), Number(year));
    check.count(at("population"), population === "" ? NaN : Number(population));
    return { onsCode, name, kind, year: Number(year), population: Number(population), source };
  });
  check.throwIfAny();
  return records;
}

/** Reads and checks the county dataset; errors name the file and the JSON path. */
export function loadCountyDataset(file = countyDatasetFile): CountyDataset {
  let dataset: CountyDataset;
  try {
    dataset = JSON.parse(readFileSync(file, "utf8")) as CountyDataset;
  } catch (error) {
    throw new ValidationError([{ where: file, message: `is not readable JSON: ${(error as Error).message}` }]);
  }
  const check = new Checker(file);
  check.text("county.name", dataset.county?.name);
  check.text("board.name", dataset.board?.name);
  check.text("agreement.title", dataset.agreement?.title);
  const periodIds = new Set<string>();
  dataset.periods.forEach((period, i) => {
    check.unique(`periods[${i}].id`, periodIds, period.id, "period id");
    check.period(`periods[${i}]`, period.start, period.end);
    check.oneOf(`periods[${i}].basis`, period.basis, PERIOD_BASES, "period basis");
  });
  const periods = new Map(dataset.periods.map((period) => [period.id, period]));
  dataset.areaStatistics.forEach((stat, i) => {
    if (!findCrimeCategory(stat.category))
      check.fail(`areaStatistics[${i}].category`, `unknown crime category "${stat.category}"`);
    check.count(`areaStatistics[${i}].count`, stat.count);
    if (!periodIds.has(stat.period)) check.fail(`areaStatistics[${i}].period`, `unknown period "${stat.period}"`);
    // From a seed document (schema/sources/documents.json), and no older than it allows.
    const document = findSeedDocument(stat.source?.document);
    if (!document)
      check.fail(
        `areaStatistics[${i}].source.document`,
        `"${stat.source?.document}" is not a seed document (schema/sources/documents.json)`,
      );
    const period = periods.get(stat.period);
    if (period)
      checkFigureAgainstSource(
        check,
        under(`areaStatistics[${i}]`),
        { ...stat, period: period as PeriodFields },
        document,
      );
  });
  check.throwIfAny();
  return dataset;
}
