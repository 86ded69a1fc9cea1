/** Resident populations (county reference data): record a year's figure, or correct it. */
import { partnerships } from "@csg/schema";
import { type Actor, quoted } from "@csg/service-runtime";
import { and, eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import { type Checker, type Placed, publishCiting } from "@csg/domain";
import type { PopulationRow } from "../db/schema";

export interface PopulationFields {
  onsCode: string;
  year: number;
  count: number;
  /** Where the figure comes from, e.g. "ONS mid-2019 population estimates". */
  source: string;
}

/** The areas populations are kept for: the registry's districts, the county, and any already held. */
function knownAreas(tx: CountyDatabase): Map<string, { name: string; kind: string }> {
  const areas = new Map<string, { name: string; kind: string }>();
  for (const row of tx.select().from(t.populations).all()) areas.set(row.onsCode, { name: row.name, kind: row.kind });
  for (const p of partnerships)
    for (const d of p.districts) if (!areas.has(d.onsCode)) areas.set(d.onsCode, { name: d.name, kind: d.kind });
  const county = tx.select().from(t.countyProfile).get();
  if (county && !areas.has(county.onsCode)) areas.set(county.onsCode, { name: county.name, kind: "COUNTY" });
  return areas;
}

const json = (row: PopulationRow) => ({
  onsCode: row.onsCode,
  name: row.name,
  year: row.year,
  count: row.population,
  source: row.source,
});

/** Records or corrects populations (one per area and year), all or none. */
export function recordPopulations(
  db: CountyDatabase,
  actor: Actor,
  records: Placed<PopulationFields>[],
  check: Checker,
): PopulationRow[] {
  return publishCiting(db, actor, "recordPopulations", check, (tx) => {
    if (records.length === 0) check.fail("", "name at least one population");
    const areas = knownAreas(tx);
    const seen = new Set<string>();
    for (const { value, place } of records) {
      if (check.text(place("onsCode"), value.onsCode, { max: 20 }) && !areas.has(value.onsCode)) {
        check.fail(place("onsCode"), `unknown area ${quoted(value.onsCode)}; known: ${[...areas.keys()].join(", ")}`);
      }
      if (check.count(place("year"), value.year) && (value.year < 1800 || value.year > 2200))
        check.fail(place("year"), `is not a plausible year: ${value.year}`);
      check.count(place("count"), value.count);
      check.text(place("source"), value.source, { max: 300 });
      check.unique(place(""), seen, `${value.onsCode} ${value.year}`, "area and year");
    }
    check.throwIfAny();
    const stored = (value: PopulationFields) =>
      tx
        .select()
        .from(t.populations)
        .where(and(eq(t.populations.onsCode, value.onsCode), eq(t.populations.year, value.year)))
        .get();
    const before = records
      .map(({ value }) => stored(value))
      .filter((row) => row !== undefined)
      .map(json);
    for (const { value } of records) {
      const row = stored(value);
      if (row)
        tx.update(t.populations)
          .set({ population: value.count, source: value.source })
          .where(eq(t.populations.id, row.id))
          .run();
      else
        tx.insert(t.populations)
          .values({
            onsCode: value.onsCode,
            ...areas.get(value.onsCode)!,
            year: value.year,
            population: value.count,
            source: value.source,
          })
          .run();
    }
    const result = records.map(({ value }) => stored(value)!);
    const after = result.map(json);
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    return {
      changed,
      subject: [...new Set(result.map((r) => `county:population:${r.onsCode}`))].join(", "),
      before,
      after,
      result,
    };
  }).result;
}
