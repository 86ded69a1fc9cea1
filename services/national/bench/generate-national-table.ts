/**
 * Generates a full-size national table for the benchmark: made-up counts for 300 CSPs in 43
 * forces (plus each force's `Unassigned` row), 5 financial years, 4 quarters and 146 offence
 * codes over the Home Office's offence subgroups, about a million rows, as CSV, ODS and XLSX
 * (one sheet per year, the XLSX with a shared strings table as Excel writes it), with the ONS
 * lookup and mid-year estimates its CSPs need. Invented names
 * (`Bench CSP 001`) and codes: nothing here is published.
 *   tsx services/national/bench/generate-national-table.ts [--dir /tmp/csg-national-bench] [--csps 300]
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeCsv } from "../src/samples/csv-writer";
import { type Cell, writeOds } from "../src/samples/ods-writer";
import { writeXlsx } from "../src/samples/xlsx-writer";
import { HOME_OFFICE_HEADER, hashUnit } from "../src/samples/sample-content";

const SUBGROUPS: [string, string][] = [
  ["Violence against the person", "Homicide"],
  ["Violence against the person", "Death or serious injury - unlawful driving"],
  ["Violence against the person", "Violence with injury"],
  ["Violence against the person", "Violence without injury"],
  ["Violence against the person", "Stalking and harassment"],
  ["Sexual offences", "Rape offences"],
  ["Sexual offences", "Other sexual offences"],
  ["Robbery", "Robbery of business property"],
  ["Robbery", "Robbery of personal property"],
  ["Theft offences", "Residential burglary"],
  ["Theft offences", "Non-residential burglary"],
  ["Theft offences", "Vehicle offences"],
  ["Theft offences", "Theft from the person"],
  ["Theft offences", "Bicycle theft"],
  ["Theft offences", "Shoplifting"],
  ["Theft offences", "Other theft offences"],
  ["Criminal damage and arson", "Criminal damage"],
  ["Criminal damage and arson", "Arson"],
  ["Drug offences", "Trafficking of drugs"],
  ["Drug offences", "Possession of drugs"],
  ["Possession of weapons offences", "Possession of weapons offences"],
  ["Public order offences", "Public order offences"],
  ["Miscellaneous crimes against society", "Miscellaneous crimes against society"],
];
const CODES = 146;
const FORCES = 43;
export const BENCH_YEARS = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"];

export interface BenchArea {
  name: string;
  force: string;
  csp: boolean;
  index: number;
}

export function benchAreas(csps: number): BenchArea[] {
  const areas: BenchArea[] = [];
  for (let i = 0; i < csps; i++)
    areas.push({
      name: `Bench CSP ${String(i + 1).padStart(3, "0")}`,
      force: `Bench Force ${String((i % FORCES) + 1).padStart(2, "0")}`,
      csp: true,
      index: i,
    });
  for (let f = 0; f < FORCES; f++)
    areas.push({
      name: `Unassigned Bench Force ${String(f + 1).padStart(2, "0")}`,
      force: `Bench Force ${String(f + 1).padStart(2, "0")}`,
      csp: false,
      index: csps + f,
    });
  return areas;
}

const offences = Array.from({ length: CODES }, (_, i) => {
  const [group, subgroup] = SUBGROUPS[i % SUBGROUPS.length];
  return { code: `B${i + 1}`, description: `Bench offence ${i + 1}`, group, subgroup };
});

function* yearRows(areas: BenchArea[], year: string): Generator<Cell[]> {
  for (let quarter = 1; quarter <= 4; quarter++) {
    for (const area of areas) {
      for (const o of offences) {
        const count = Math.floor(60 * hashUnit(`${area.index}|${year}|${quarter}|${o.code}`));
        yield [year, quarter, area.force, area.name, o.description, o.group, o.subgroup, o.code, count];
      }
    }
  }
}

export interface BenchFiles {
  lookup: string;
  populations: string;
  csv: string;
  ods: string;
  xlsx: string;
  rows: number;
}

/** The files of a generated table of `csps` CSPs in `dir`. */
export function benchFiles(dir: string, csps: number): BenchFiles {
  return {
    lookup: `${dir}/bench-LAD24_CSP24_PFA24_EW_LU-${csps}.csv`,
    populations: `${dir}/bench-mid-2023-population-estimates-${csps}.csv`,
    csv: `${dir}/bench-prc-csp-mar20-mar24-tables-${csps}-010524.csv`,
    ods: `${dir}/bench-prc-csp-mar20-mar24-tables-${csps}-010524.ods`,
    xlsx: `${dir}/bench-prc-csp-mar20-mar24-tables-${csps}-010524.xlsx`,
    rows: benchAreas(csps).length * BENCH_YEARS.length * 4 * CODES,
  };
}

export async function generateNationalTable(dir: string, csps = 300): Promise<BenchFiles> {
  mkdirSync(dir, { recursive: true });
  const areas = benchAreas(csps);
  const files = benchFiles(dir, csps);
  const cspAreas = areas.filter((a) => a.csp);
  const code = (prefix: string, i: number) => `${prefix}${String(i + 1).padStart(6, "0")}`;
  await writeCsv(files.lookup, [
    ["LAD24CD", "LAD24NM", "CSP24CD", "CSP24NM", "PFA24NM"],
    ...cspAreas.map((a) => [code("E06", 900000 + a.index), a.name, code("E22", 900000 + a.index), a.name, a.force]),
  ]);
  await writeCsv(files.populations, [
    ["Bench: made-up Mid-2023 estimates"],
    ["Code", "Name", "Geography", "All ages"],
    ...cspAreas.map((a) => [
      code("E06", 900000 + a.index),
      a.name,
      "Unitary Authority",
      50_000 + Math.floor(400_000 * hashUnit(a.name)),
    ]),
  ]);
  await writeCsv(
    files.csv,
    (function* () {
      yield HOME_OFFICE_HEADER;
      for (const year of BENCH_YEARS) yield* yearRows(areas, year);
    })(),
  );
  const sheets = () => [
    { name: "Cover_sheet", rows: [["Bench table: made-up counts"]] },
    { name: "Notes", rows: [["Updated: 1 May 2024"]] },
    ...BENCH_YEARS.map((year) => ({
      name: year.replace("/", "_"),
      rows: (function* () {
        yield HOME_OFFICE_HEADER;
        yield* yearRows(areas, year);
      })(),
    })),
  ];
  await writeOds(files.ods, sheets());
  await writeXlsx(files.xlsx, sheets(), { sharedStrings: true });
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { readCommandLine } = await import("@csg/service-runtime");
  const command = readCommandLine({
    summary: "Generates a full-size national table (made-up counts) as CSV, ODS and XLSX.",
    usage: ["tsx services/national/bench/generate-national-table.ts [--dir <folder>] [--csps <n>]"],
    options: {
      dir: {
        type: "string",
        value: "<folder>",
        env: "CSG_BENCH_DIR",
        default: "/tmp/csg-national-bench",
        description: "Where the files go.",
      },
      csps: { type: "string", value: "<n>", env: "CSG_BENCH_CSPS", default: "300", description: "How many CSPs." },
    },
  });
  const files = await generateNationalTable(command.string("dir")!, command.integer("csps")!);
  console.log(files);
}
