import { quoted } from "@csg/service-runtime";
import { rankColumn } from "@csg/domain";
import type Database from "better-sqlite3";
import { type OffenceCategoryMapping, offenceMappingFor } from "../classification/offence-categories";
import type { AreaKind } from "../reference/areas";
import { cspPopulations } from "./csp-populations";

export interface ComparedArea {
  areaId: number;
  kind: AreaKind;
  name: string;
  onsCode: string | null;
  policeForce: string;
  partnership: string | null;
  /** Quarters of the year held for this area, in order. */
  quarters: { quarter: number; count: number }[];
  /** The year's count: the four quarters summed, or null when one is missing. */
  count: number | null;
  population: number | null;
  populationYear: number;
  ratePer1000: number | null;
  rateUnavailableReason: string | null;
  rank: number | null;
  rankByRate: number | null;
  /** Its place among the CSPs of its police force area (CSPs only). */
  force: { rank: number | null; rankByRate: number | null; of: number } | null;
}

export interface Comparison {
  category: string;
  financialYear: string;
  mapping: OffenceCategoryMapping | null;
  unmappedReason: string | null;
  /** CSPs only, by rank (highest count first), then by name. */
  rows: ComparedArea[];
  /** `Unassigned <Force>` and other non-CSP rows: kept as such, never ranked or given to a partnership. */
  unassigned: ComparedArea[];
  /** Quarters of the year the held tables cover (any area). */
  quartersHeld: number[];
  sources: { document: string; locator: string; sample: boolean; edition: string | null }[];
  populationSources: { document: string; locator: string }[];
  /** A population behind the rates comes from a sample file. */
  samplePopulations: boolean;
}

/** Financial year text (`2019/20`): the one form the Home Office prints. */
export function checkFinancialYear(financialYear: string): string | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(financialYear);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2]))
    return `financialYear must read like 2019/20, got ${quoted(financialYear)}`;
  return null;
}

function filterSql(mapping: OffenceCategoryMapping): { sql: string; params: string[] } {
  if (mapping.all) return { sql: "1", params: [] };
  const groups = mapping.groups ?? [];
  const subgroups = mapping.subgroups ?? [];
  const parts: string[] = [];
  if (groups.length) parts.push(`offence_group in (${groups.map(() => "?").join(", ")})`);
  if (subgroups.length) parts.push(`offence_subgroup in (${subgroups.map(() => "?").join(", ")})`);
  return { sql: parts.join(" or "), params: [...groups, ...subgroups] };
}

/** Ranks of a column where some values are missing: the missing take no rank. */
function ranks(values: (number | null)[]): (number | null)[] {
  const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null);
  const ranked = rankColumn(present.map((x) => ({ value: x.v, average: false })));
  const out: (number | null)[] = values.map(() => null);
  present.forEach((x, k) => (out[x.i] = ranked[k].rank));
  return out;
}

/**
 * Every CSP's count of a category in a financial year from the Home Office tables held, with
 * its rate per 1,000 residents (ONS mid-year estimate of the year the financial year starts,
 * summed over the CSP's districts) and ranks (1 = highest). A year's count is the sum of its
 * four quarters, and only when all four are held.
 */
export function compareNationally(sqlite: Database.Database, category: string, financialYear: string): Comparison {
  const answer = offenceMappingFor(category, financialYear);
  const empty: Comparison = {
    category,
    financialYear,
    mapping: null,
    unmappedReason: null,
    rows: [],
    unassigned: [],
    quartersHeld: [],
    sources: [],
    populationSources: [],
    samplePopulations: false,
  };
  if ("reason" in answer) return { ...empty, unmappedReason: answer.reason };
  const filter = filterSql(answer.mapping);
  const quarterRows = sqlite
    .prepare(
      `select t.area_id as areaId, t.quarter, sum(case when ${filter.sql} then t.count else 0 end) as count
       from subgroup_totals t where t.financial_year = ? group by t.area_id, t.quarter order by t.area_id, t.quarter`,
    )
    .all(...filter.params, financialYear) as { areaId: number; quarter: number; count: number }[];
  if (quarterRows.length === 0) return { ...empty, mapping: answer.mapping };
  const populationYear = Number(financialYear.slice(0, 4));
  const areas = new Map(
    (
      sqlite
        .prepare(
          `select a.id, a.kind, a.name, a.ons_code as onsCode, a.police_force as policeForce, a.partnership
           from areas a where a.id in (select distinct area_id from subgroup_totals where financial_year = ?)`,
        )
        .all(financialYear) as {
        id: number;
        kind: AreaKind;
        name: string;
        onsCode: string | null;
        policeForce: string;
        partnership: string | null;
      }[]
    ).map((a) => [a.id, a]),
  );
  const populationOf = cspPopulations(sqlite, populationYear);
  const byArea = new Map<number, ComparedArea>();
  for (const q of quarterRows) {
    let row = byArea.get(q.areaId);
    if (!row) {
      const a = areas.get(q.areaId)!;
      let population: number | null = null;
      let reason: string | null = null;
      if (a.kind !== "CSP") reason = `${a.name} is not a CSP: it has no resident population`;
      else {
        const found = populationOf(a.id, a.name);
        if ("reason" in found) reason = found.reason;
        else population = found.population;
      }
      row = {
        areaId: a.id,
        kind: a.kind,
        name: a.name,
        onsCode: a.onsCode,
        policeForce: a.policeForce,
        partnership: a.partnership,
        quarters: [],
        count: null,
        population,
        populationYear,
        ratePer1000: null,
        rateUnavailableReason: reason,
        rank: null,
        rankByRate: null,
        force: null,
      };
      byArea.set(q.areaId, row);
    }
    row.quarters.push({ quarter: q.quarter, count: q.count });
  }
  const all = [...byArea.values()];
  for (const row of all) {
    if (row.quarters.length === 4) row.count = row.quarters.reduce((sum, q) => sum + q.count, 0);
    if (row.count === null) {
      row.rateUnavailableReason = `the year is not complete: quarters held ${row.quarters.map((q) => `Q${q.quarter}`).join(", ")}`;
      row.population = row.population ?? null;
    } else if (row.population !== null) row.ratePer1000 = (row.count / row.population) * 1000;
  }
  const rows = all.filter((r) => r.kind === "CSP");
  const countRanks = ranks(rows.map((r) => r.count));
  const rateRanks = ranks(rows.map((r) => r.ratePer1000));
  rows.forEach((r, i) => {
    r.rank = countRanks[i];
    r.rankByRate = rateRanks[i];
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));
  const forces = new Map<string, ComparedArea[]>();
  for (const row of rows) forces.set(row.policeForce, [...(forces.get(row.policeForce) ?? []), row]);
  for (const members of forces.values()) {
    for (const { row, rank, rankByRate } of rankWithin(members)) row.force = { rank, rankByRate, of: members.length };
  }
  const sources = sqlite
    .prepare(
      `select d.file_name as document, o.sheet as locator, d.sample, d.edition from documents d
       join (select distinct document_id, sheet from quarter_sources where financial_year = ?) o on o.document_id = d.id order by d.id, o.sheet`,
    )
    .all(financialYear) as { document: string; locator: string; sample: number; edition: string | null }[];
  const populationSources = sqlite
    .prepare(
      `select distinct p.source_document as document, p.source_locator as locator from district_populations p
       join districts d on d.lad_code = p.lad_code where p.year = ? order by 1, 2`,
    )
    .all(populationYear) as { document: string; locator: string }[];
  const samplePopulations = populationSources.some((p) => p.document.startsWith("sample-"));
  return {
    category,
    financialYear,
    mapping: answer.mapping,
    unmappedReason: null,
    rows,
    unassigned: all.filter((r) => r.kind !== "CSP").sort((a, b) => a.name.localeCompare(b.name)),
    quartersHeld: [...new Set(quarterRows.map((q) => q.quarter))].sort(),
    sources: sources.map((s) => ({ ...s, sample: s.sample === 1 })),
    populationSources,
    samplePopulations,
  };
}

/** Ranks within a subset (a force, a comparison group): 1 = highest; rows without a figure take none. */
export function rankWithin(
  rows: ComparedArea[],
): { row: ComparedArea; rank: number | null; rankByRate: number | null }[] {
  const byCount = ranks(rows.map((r) => r.count));
  const byRate = ranks(rows.map((r) => r.ratePer1000));
  return rows.map((row, i) => ({ row, rank: byCount[i], rankByRate: byRate[i] }));
}
