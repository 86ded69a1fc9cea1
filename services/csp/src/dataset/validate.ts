import { findCrimeCategory, findSeedDocument, TargetDirection } from "@csg/schema";
import { checkFundingFields } from "../rules/funding";
import { checkPriorityFields, checkThemeFields } from "../rules/priority";
import type { CrimeStatisticRecord, CspDataset } from "./format";
import {
  Checker,
  checkFigureAgainstSource,
  checkPartner,
  checkPeriod,
  checkSource,
  checkStatisticFields,
  type PeriodRecord,
  secondFigureMessage,
  statisticKey,
  under,
} from "@csg/domain";

/** A dataset's figures: each from a seed document (schema/sources/documents.json), none older than its document allows. */
function checkStatistics(
  check: Checker,
  path: string,
  stats: CrimeStatisticRecord[],
  periods: Map<string, PeriodRecord>,
): void {
  const seen = new Set<string>();
  stats.forEach((stat, i) => {
    const at = `${path}[${i}]`;
    checkStatisticFields(check, under(at), stat);
    const document = stat.source && findSeedDocument(stat.source.document);
    if (stat.source && !document)
      check.fail(
        `${at}.source.document`,
        `"${stat.source.document}" is not a seed document (schema/sources/documents.json)`,
      );
    const period = periods.get(stat.period);
    if (!period) check.fail(`${at}.period`, `unknown period "${stat.period}"`);
    else checkFigureAgainstSource(check, under(at), { ...stat, period }, document);
    const key = statisticKey(stat.category, stat.period, stat.source);
    if (seen.has(key)) check.fail(at, secondFigureMessage(stat.category, stat.period, stat.source));
    seen.add(key);
  });
}

/** Checks a partnership dataset whole; throws a ValidationError listing every problem with its JSON path. */
export function validateCspDataset(dataset: CspDataset, file: string, partnershipCode: string): void {
  const check = new Checker(file);
  if (dataset.partnership !== partnershipCode) {
    check.fail("partnership", `is "${dataset.partnership}" but this subgraph serves "${partnershipCode}"`);
  }
  for (const key of [
    "periods",
    "plans",
    "crimeStatistics",
    "areas",
    "targets",
    "funding",
    "partners",
    "familyGroups",
    "rateTables",
  ] as const) {
    check.list(key, dataset[key]);
  }
  check.throwIfAny();

  const periodIds = new Set<string>();
  dataset.periods.forEach((period, i) => {
    check.unique(`periods[${i}].id`, periodIds, period.id, "period id");
    checkPeriod(check, under(`periods[${i}]`), period);
  });

  const planIds = new Set<string>();
  const themeIds = new Set<string>();
  const priorityIds = new Set<string>();
  dataset.plans.forEach((plan, i) => {
    const at = `plans[${i}]`;
    check.unique(`${at}.id`, planIds, plan.id, "plan id");
    check.text(`${at}.title`, plan.title);
    if (!periodIds.has(plan.period)) check.fail(`${at}.period`, `unknown period "${plan.period}"`);
    checkSource(check, under(`${at}.source`), plan.source);
    const planThemes = new Set<string>();
    plan.themes.forEach((theme, j) => {
      check.unique(`${at}.themes[${j}].id`, themeIds, theme.id, "theme id");
      planThemes.add(theme.id);
      checkThemeFields(check, under(`${at}.themes[${j}]`), theme);
      checkSource(check, under(`${at}.themes[${j}].source`), theme.source);
    });
    plan.priorities.forEach((priority, j) => {
      const pat = `${at}.priorities[${j}]`;
      check.unique(`${pat}.id`, priorityIds, priority.id, "priority id");
      checkPriorityFields(check, under(pat), priority, true);
      if (priority.theme !== undefined && !planThemes.has(priority.theme)) {
        check.fail(`${pat}.theme`, `unknown theme "${priority.theme}" in plan ${plan.id}`);
      }
    });
  });

  const periods = new Map(dataset.periods.map((period) => [period.id, period]));
  checkStatistics(check, "crimeStatistics", dataset.crimeStatistics, periods);
  const areaIds = new Set<string>();
  dataset.areas.forEach((area, i) => {
    check.unique(`areas[${i}].id`, areaIds, area.id, "area id");
    check.text(`areas[${i}].name`, area.name);
    check.oneOf(`areas[${i}].kind`, area.kind, ["POLICE_BEAT"], "area kind");
    checkSource(check, under(`areas[${i}].source`), area.source);
    checkStatistics(check, `areas[${i}].crimeStatistics`, area.crimeStatistics, periods);
  });

  dataset.targets.forEach((target, i) => {
    if (!findCrimeCategory(target.category))
      check.fail(`targets[${i}].category`, `unknown crime category "${target.category}"`);
    check.oneOf(`targets[${i}].direction`, target.direction, Object.values(TargetDirection), "direction");
    for (const key of ["baselinePeriod", "targetPeriod"] as const) {
      if (!periodIds.has(target[key])) check.fail(`targets[${i}].${key}`, `unknown period "${target[key]}"`);
    }
    checkSource(check, under(`targets[${i}].source`), target.source);
  });

  dataset.funding.forEach((line, i) => {
    checkFundingFields(check, under(`funding[${i}]`), line);
    if (line.period !== undefined && !periodIds.has(line.period))
      check.fail(`funding[${i}].period`, `unknown period "${line.period}"`);
  });

  dataset.partners.forEach((partner, i) => checkPartner(check, under(`partners[${i}]`), partner));

  dataset.familyGroups.forEach((group, i) => {
    group.positions.forEach((p, j) => {
      const at = `familyGroups[${i}].positions[${j}]`;
      if (!findCrimeCategory(p.category)) check.fail(`${at}.category`, `unknown crime category "${p.category}"`);
      if (
        check.count(`${at}.position`, p.position) &&
        check.count(`${at}.groupSize`, p.groupSize) &&
        p.position > p.groupSize
      ) {
        check.fail(`${at}.position`, `${p.position} is beyond the group's size ${p.groupSize}`);
      }
      check.date(`${at}.asAt`, p.asAt);
    });
  });

  dataset.rateTables.forEach((table, i) => {
    (table.notes ?? []).forEach((note, j) => check.text(`rateTables[${i}].notes[${j}]`, note));
    table.periods.forEach((id, j) => {
      if (!periodIds.has(id)) check.fail(`rateTables[${i}].periods[${j}]`, `unknown period "${id}"`);
    });
    table.rows.forEach((row, j) => {
      if (row.values.length !== table.periods.length) {
        check.fail(
          `rateTables[${i}].rows[${j}].values`,
          `has ${row.values.length} values for ${table.periods.length} periods`,
        );
      }
      row.values.forEach((v, k) => {
        if (!/^\d+(\.\d+)?$/.test(v))
          check.fail(
            `rateTables[${i}].rows[${j}].values[${k}]`,
            `must be a decimal as printed, got ${JSON.stringify(v)}`,
          );
      });
    });
  });

  check.throwIfAny();
}
