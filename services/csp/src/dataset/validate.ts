import { Checker, csaPriorities, findCrimeCategory } from "@csg/schema";
import { type CspDataset, PERIOD_BASES, type CrimeStatisticRecord, type SourceRecord } from "./format";

const csaIds = csaPriorities.map((p) => p.id);

function checkSource(check: Checker, path: string, source: SourceRecord | undefined): void {
  if (!source || typeof source !== "object") return check.fail(path, "is required (document and locator)");
  check.text(`${path}.document`, source.document, { max: 200 });
  check.text(`${path}.locator`, source.locator, { max: 300 });
}

function checkStatistics(check: Checker, path: string, stats: CrimeStatisticRecord[], periodIds: Set<string>): void {
  const seen = new Set<string>();
  stats.forEach((stat, i) => {
    const at = `${path}[${i}]`;
    if (check.text(`${at}.category`, stat.category) && !findCrimeCategory(stat.category)) {
      check.fail(`${at}.category`, `unknown crime category "${stat.category}"`);
    }
    check.text(`${at}.localLabel`, stat.localLabel, { max: 300 });
    check.count(`${at}.count`, stat.count);
    if (!periodIds.has(stat.period)) check.fail(`${at}.period`, `unknown period "${stat.period}"`);
    checkSource(check, `${at}.source`, stat.source);
    (stat.alsoPublishedIn ?? []).forEach((s, j) => checkSource(check, `${at}.alsoPublishedIn[${j}]`, s));
    const key = `${stat.category}|${stat.period}|${stat.source?.document}|${stat.source?.locator}`;
    if (seen.has(key)) {
      check.fail(at, `a second figure for category ${stat.category}, period ${stat.period} and source ${stat.source?.document} ${stat.source?.locator}`);
    }
    seen.add(key);
  });
}

/** Checks a partnership dataset whole; throws a ValidationError listing every problem with its JSON path. */
export function validateCspDataset(dataset: CspDataset, file: string, partnershipCode: string): void {
  const check = new Checker(file);
  if (dataset.partnership !== partnershipCode) {
    check.fail("partnership", `is "${dataset.partnership}" but this subgraph serves "${partnershipCode}"`);
  }
  for (const key of ["periods", "plans", "crimeStatistics", "areas", "targets", "funding", "partners", "familyGroups", "rateTables"] as const) {
    check.list(key, dataset[key]);
  }
  check.throwIfAny();

  const periodIds = new Set<string>();
  dataset.periods.forEach((period, i) => {
    check.unique(`periods[${i}].id`, periodIds, period.id, "period id");
    check.text(`periods[${i}].label`, period.label, { max: 200 });
    check.period(`periods[${i}]`, period.start, period.end);
    check.oneOf(`periods[${i}].basis`, period.basis, PERIOD_BASES, "period basis");
  });

  const planIds = new Set<string>();
  const themeIds = new Set<string>();
  const priorityIds = new Set<string>();
  dataset.plans.forEach((plan, i) => {
    const at = `plans[${i}]`;
    check.unique(`${at}.id`, planIds, plan.id, "plan id");
    check.text(`${at}.title`, plan.title);
    if (!periodIds.has(plan.period)) check.fail(`${at}.period`, `unknown period "${plan.period}"`);
    checkSource(check, `${at}.source`, plan.source);
    const planThemes = new Set<string>();
    plan.themes.forEach((theme, j) => {
      check.unique(`${at}.themes[${j}].id`, themeIds, theme.id, "theme id");
      planThemes.add(theme.id);
      check.text(`${at}.themes[${j}].title`, theme.title);
      check.text(`${at}.themes[${j}].description`, theme.description, { optional: true });
      checkSource(check, `${at}.themes[${j}].source`, theme.source);
    });
    plan.priorities.forEach((priority, j) => {
      const pat = `${at}.priorities[${j}]`;
      check.unique(`${pat}.id`, priorityIds, priority.id, "priority id");
      check.text(`${pat}.title`, priority.title);
      check.text(`${pat}.description`, priority.description, { optional: true });
      if (priority.theme !== undefined && !planThemes.has(priority.theme)) {
        check.fail(`${pat}.theme`, `unknown theme "${priority.theme}" in plan ${plan.id}`);
      }
      (priority.focusAreas ?? []).forEach((area, k) => check.text(`${pat}.focusAreas[${k}].text`, area.text));
      (priority.declaredAlignment ?? []).forEach((id, k) => check.oneOf(`${pat}.declaredAlignment[${k}]`, id, csaIds, "CSA priority"));
      checkSource(check, `${pat}.source`, priority.source);
    });
  });

  checkStatistics(check, "crimeStatistics", dataset.crimeStatistics, periodIds);
  const areaIds = new Set<string>();
  dataset.areas.forEach((area, i) => {
    check.unique(`areas[${i}].id`, areaIds, area.id, "area id");
    check.text(`areas[${i}].name`, area.name);
    check.oneOf(`areas[${i}].kind`, area.kind, ["POLICE_BEAT"], "area kind");
    checkSource(check, `areas[${i}].source`, area.source);
    checkStatistics(check, `areas[${i}].crimeStatistics`, area.crimeStatistics, periodIds);
  });

  dataset.targets.forEach((target, i) => {
    if (!findCrimeCategory(target.category)) check.fail(`targets[${i}].category`, `unknown crime category "${target.category}"`);
    check.oneOf(`targets[${i}].direction`, target.direction, ["REDUCTION", "INCREASE"], "direction");
    for (const key of ["baselinePeriod", "targetPeriod"] as const) {
      if (!periodIds.has(target[key])) check.fail(`targets[${i}].${key}`, `unknown period "${target[key]}"`);
    }
    checkSource(check, `targets[${i}].source`, target.source);
  });

  dataset.funding.forEach((line, i) => {
    check.text(`funding[${i}].funder`, line.funder);
    check.count(`funding[${i}].amountPence`, line.amountPence);
    if (line.period !== undefined && !periodIds.has(line.period)) check.fail(`funding[${i}].period`, `unknown period "${line.period}"`);
    checkSource(check, `funding[${i}].source`, line.source);
    line.allocations.forEach((a, j) => {
      check.text(`funding[${i}].allocations[${j}].purpose`, a.purpose);
      check.count(`funding[${i}].allocations[${j}].amountPence`, a.amountPence);
    });
    const allocated = line.allocations.reduce((sum, a) => sum + a.amountPence, 0);
    if (allocated > line.amountPence) check.fail(`funding[${i}].allocations`, `allocate ${allocated} pence, more than the ${line.amountPence} received`);
  });

  dataset.partners.forEach((partner, i) => {
    check.text(`partners[${i}].name`, partner.name);
    checkSource(check, `partners[${i}].source`, partner.source);
  });

  dataset.familyGroups.forEach((group, i) => {
    group.positions.forEach((p, j) => {
      const at = `familyGroups[${i}].positions[${j}]`;
      if (!findCrimeCategory(p.category)) check.fail(`${at}.category`, `unknown crime category "${p.category}"`);
      if (check.count(`${at}.position`, p.position) && check.count(`${at}.groupSize`, p.groupSize) && p.position > p.groupSize) {
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
        check.fail(`rateTables[${i}].rows[${j}].values`, `has ${row.values.length} values for ${table.periods.length} periods`);
      }
      row.values.forEach((v, k) => {
        if (!/^\d+(\.\d+)?$/.test(v)) check.fail(`rateTables[${i}].rows[${j}].values[${k}]`, `must be a decimal as printed, got ${JSON.stringify(v)}`);
      });
    });
  });

  check.throwIfAny();
}
