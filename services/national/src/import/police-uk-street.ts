import type { SheetRow } from "../files/sheet-row";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place } from "./problems";
import { nameKey } from "../reference/area-names";
import { type DistrictPlace, districtsByName } from "../reference/district-areas";

/** police.uk's crime types (`Public disorder and weapons` appears only in old files). */
export const POLICE_UK_CRIME_TYPES = [
  "Anti-social behaviour",
  "Bicycle theft",
  "Burglary",
  "Criminal damage and arson",
  "Drugs",
  "Other crime",
  "Other theft",
  "Possession of weapons",
  "Public order",
  "Robbery",
  "Shoplifting",
  "Theft from the person",
  "Vehicle crime",
  "Violence and sexual offences",
  "Public disorder and weapons",
];

/** The district in an `LSOA name` such as `Charnwood 012A` (the name, a space, three digits and a letter). */
export function districtOfLsoaName(lsoaName: string): string | null {
  const match = /^(.+) \d{3}[A-Z]$/.exec(lsoaName.trim());
  return match ? match[1] : null;
}

/** Districts one file may name that no lookup holds (a force's month names a few dozen at most). */
const MAX_UNPLACED_DISTRICTS = 1_000;

interface Tally {
  month: string;
  force: string;
  district: string;
  areaId: number | null;
  crimeType: string;
  count: number;
}

/**
 * A police.uk street-level file: every row (crimes and anti-social behaviour) counted by
 * month, force, district (read from `LSOA name`) and crime type; rows with no location are
 * counted as unplaced (district ""), never dropped. The tallies are few (months x districts x
 * 15 types), so they are kept in memory; the file itself is streamed.
 */
export class PoliceUkStreetImporter implements LayoutImporter {
  readonly unknownNames = { what: "names", hint: "" };
  private readonly tallies = new Map<string, Tally>();
  private readonly places: Map<string, DistrictPlace>;
  /** Districts no lookup held names, or that the newest edition splits between CSPs: counted by district, in no CSP. */
  private readonly unplacedDistricts = new Map<string, { where: string; rows: number; csps: number }>();
  private rows = 0;

  constructor(
    private readonly context: ImportContext,
    private columns: Record<string, number>,
  ) {
    this.places = districtsByName(context.sqlite);
  }

  preamble(): void {}
  sheetHeader(_sheet: string, columns: Record<string, number>): void {
    this.columns = columns;
  }
  sheetEnded(): void {}

  row(row: SheetRow): void {
    const { problems, fileName } = this.context;
    const cell = (name: string) => (row.cells[this.columns[name]] ?? "").trim();
    let ok = true;
    const fail = (column: string, message: string) => {
      problems.add(`${place(fileName, row, column)}: ${message}`);
      ok = false;
    };
    const month = cell("Month");
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) fail("Month", `expected YYYY-MM, got "${month}"`);
    const force = cell("Falls within");
    if (force === "") fail("Falls within", "is empty");
    const crimeType = cell("Crime type");
    if (!POLICE_UK_CRIME_TYPES.includes(crimeType))
      fail("Crime type", `unknown crime type "${crimeType}"; expected one of ${POLICE_UK_CRIME_TYPES.join(", ")}`);
    const lsoaName = cell("LSOA name");
    let district = "";
    let areaId: number | null = null;
    if (lsoaName !== "") {
      const named = districtOfLsoaName(lsoaName);
      if (!named)
        fail("LSOA name", `expected a district's name and an LSOA number such as "Charnwood 012A", got "${lsoaName}"`);
      else {
        district = named;
        const found = this.places.get(nameKey(named));
        areaId = found?.areaId ?? null;
        if (areaId === null && ok) {
          const seen = this.unplacedDistricts.get(named);
          if (seen) seen.rows++;
          else if (this.unplacedDistricts.size >= MAX_UNPLACED_DISTRICTS)
            fail(
              "LSOA name",
              `"${named}" would be district number ${MAX_UNPLACED_DISTRICTS + 1} that no lookup held names; England and Wales have about 330 districts`,
            );
          else
            this.unplacedDistricts.set(named, {
              where: place(fileName, row, "LSOA name"),
              rows: 1,
              csps: found?.csps ?? 0,
            });
        }
      }
    }
    if (!ok || problems.any) return;
    const key = `${month}\u0000${force}\u0000${district}\u0000${crimeType}`;
    const tally = this.tallies.get(key);
    if (tally) tally.count++;
    else this.tallies.set(key, { month, force, district, areaId, crimeType, count: 1 });
    this.rows++;
  }

  finish(): ImportOutcome {
    const { sqlite, fileName, documentId } = this.context;
    const covered = new Map<string, { month: string; force: string }>();
    for (const t of this.tallies.values())
      covered.set(`${t.month}\u0000${t.force}`, { month: t.month, force: t.force });
    const summary = [`police.uk street-level file ${fileName}: ${this.rows} rows`];
    if (this.unplacedDistricts.size > 0) {
      summary.push(
        `  ${this.unplacedDistricts.size} districts in no CSP of the lookups held, counted by district (placed in their CSP once a lookup names them):`,
      );
      for (const [name, d] of [...this.unplacedDistricts].slice(0, 20)) {
        summary.push(
          `    ${name}: ${d.csps > 1 ? `split between ${d.csps} CSPs in the newest lookup` : "not in any lookup held"}; first at ${d.where}; ${d.rows} rows`,
        );
      }
    }
    const held = sqlite.prepare(
      "select district, crime_type as crimeType, count, d.file_name as fileName from monthly_counts m join documents d on d.id = m.document_id where month = ? and force = ?",
    );
    let changed = false;
    for (const { month, force } of [...covered.values()].sort((a, b) => a.month.localeCompare(b.month))) {
      const before = new Map(
        (held.all(month, force) as { district: string; crimeType: string; count: number; fileName: string }[]).map(
          (h) => [`${h.district}\u0000${h.crimeType}`, h],
        ),
      );
      const after = [...this.tallies.values()].filter((t) => t.month === month && t.force === force);
      const unplaced = after.filter((t) => t.district === "").reduce((sum, t) => sum + t.count, 0);
      const total = after.reduce((sum, t) => sum + t.count, 0);
      const differences: string[] = [];
      for (const t of after) {
        const h = before.get(`${t.district}\u0000${t.crimeType}`);
        if (!h || h.count !== t.count)
          differences.push(`${t.district || "unplaced"}, ${t.crimeType}: ${h ? h.count : "none"} -> ${t.count}`);
        before.delete(`${t.district}\u0000${t.crimeType}`);
      }
      for (const h of before.values())
        differences.push(`${h.district || "unplaced"}, ${h.crimeType}: ${h.count} -> none`);
      const heldFrom =
        held.all(month, force).length > 0 ? (held.all(month, force)[0] as { fileName: string }).fileName : null;
      const label = `  ${month} ${force}: ${total} rows (${unplaced} with no location, counted as unplaced)`;
      if (differences.length === 0) {
        summary.push(`${label}, unchanged (as held from ${heldFrom})`);
        continue;
      }
      changed = true;
      summary.push(heldFrom ? `${label}, replaces ${heldFrom}: ${differences.length} counts differ` : `${label}, new`);
      if (heldFrom) for (const d of differences.slice(0, 10)) summary.push(`    ${d}`);
    }
    if (!changed) {
      summary.push("Nothing changes: every month in the file is held with the same counts.");
      return { summary, changed, rows: this.rows, edition: null };
    }
    const remove = sqlite.prepare("delete from monthly_counts where month = ? and force = ?");
    for (const { month, force } of covered.values()) remove.run(month, force);
    const insert = sqlite.prepare(
      "insert into monthly_counts (month, force, district, area_id, crime_type, count, document_id) values (?, ?, ?, ?, ?, ?, ?)",
    );
    for (const t of this.tallies.values())
      insert.run(t.month, t.force, t.district, t.areaId, t.crimeType, t.count, documentId);
    return { summary, changed, rows: this.rows, edition: null };
  }
}
