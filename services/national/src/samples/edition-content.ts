/**
 * MADE-UP files in the layout of each real edition the importer reads, for what the real
 * published files the tests read (where they are beside the clone) do not cover: the Home Office
 * tables, the December 2024 lookup, an older estimates workbook. So the tests and the
 * documentation's walk-through also run in a clone without those files. Counts and populations are invented; codes are the ONS's own (as the January 2017
 * lookup and the registry print them), never placeholders. Not imported on first start.
 */
import type { Cell, SheetSource } from "./ods-writer";
import { type SampleOffence, hashUnit, sampleOffences } from "./sample-content";

export const EDITIONS_DIR = "editions";

export const EDITION_FILES = {
  /** The current Home Office edition's layout (`prc-csp-mar16-dec24-tables-240425.xlsx`). */
  current: "sample-prc-csp-mar23-dec24-tables-240425.xlsx",
  /** An older edition's layout (`prc-csp-1112-1415-tables.xlsx`). */
  older: "sample-prc-csp-1112-1314-tables.xlsx",
  /** The December 2024 lookup's layout, with a district under several CSPs and Welsh W14 codes. */
  lookup: "sample-LAD24_CSP24_PFA24_EW_LU.csv",
  /** A 2019 estimates workbook's layout (published as .xls; here as the .xlsx a user converts it to). */
  estimates: "sample-mid-2019-population-estimates.xlsx",
};

export const CURRENT_HEADER = [
  "Financial Year",
  "Financial Quarter",
  "Force Name",
  "CSP Name",
  "Offence Description",
  "Offence Group",
  "Offence Subgroup",
  "Offence Code",
  "Offence Count",
];
export const OLDER_HEADER = [
  "Financial Year",
  "Financial Quarter",
  "Force Name",
  "CSP Name",
  "Offence Description",
  "Offence Group",
  "Offence Subgroup",
  "Offence Code",
  "Number of Offences",
];

/** Areas of the made-up Home Office editions: as the tables name them. */
export const EDITION_AREAS: { name: string; force: string; scale: number }[] = [
  { name: "Blaby", force: "Leicestershire", scale: 0.9 },
  { name: "Charnwood", force: "Leicestershire", scale: 1.6 },
  { name: "Harborough", force: "Leicestershire", scale: 0.8 },
  { name: "Hinckley and Bosworth", force: "Leicestershire", scale: 1.0 },
  { name: "Leicester", force: "Leicestershire", scale: 4.4 },
  { name: "Melton", force: "Leicestershire", scale: 0.45 },
  { name: "North West Leicestershire", force: "Leicestershire", scale: 1.0 },
  { name: "Oadby and Wigston", force: "Leicestershire", scale: 0.5 },
  { name: "Rutland", force: "Leicestershire", scale: 0.3 },
  { name: "Unassigned Leicestershire", force: "Leicestershire", scale: 0.05 },
  { name: "Coventry", force: "West Midlands", scale: 3.0 },
  { name: "Kingston upon Hull, City of", force: "Humberside", scale: 3.6 },
  { name: "Cardiff", force: "South Wales", scale: 3.2 },
  // A merged CSP that no lookup names: imported as a CSP of its force, listed.
  { name: "Somerset East_Mendip", force: "Avon and Somerset", scale: 1.2 },
  { name: "Manchester Airport", force: "Greater Manchester", scale: 0.1 },
];

/** One made-up count: about the sample's size, negative now and then (net cancellations). */
export function editionCount(
  area: { name: string; scale: number },
  year: string,
  quarter: number,
  offence: SampleOffence,
): number {
  const key = `edition|${area.name}|${year}|${quarter}|${offence.code}`;
  if (hashUnit(`${key}|negative`) < 0.04) return -1 - Math.floor(3 * hashUnit(`${key}|by`));
  return Math.round(offence.base * area.scale * (0.75 + 0.5 * hashUnit(key)));
}

/** Older editions' wording of some labels (the importer holds the recent wording). */
const OLDER_LABELS: Record<string, string> = {
  "Miscellaneous crimes against society": "Miscellaneous crimes",
  "Rape offences": "Rape",
  "Other theft offences": "All other theft offences",
  "Theft offences": "Theft Offences",
  "Stalking and harassment": "Stalking and Harassment",
};

export function* editionRows(year: string, quarters: number[], older: boolean): Generator<Cell[]> {
  for (const quarter of quarters) {
    for (const area of EDITION_AREAS) {
      for (const offence of sampleOffences(year)) {
        const group = older ? (OLDER_LABELS[offence.group] ?? offence.group) : offence.group;
        const subgroup = older ? (OLDER_LABELS[offence.subgroup] ?? offence.subgroup) : offence.subgroup;
        yield [
          year,
          quarter,
          area.force,
          area.name,
          offence.description,
          group,
          subgroup,
          offence.code,
          editionCount(area, year, quarter, offence),
        ];
      }
    }
  }
}

const FOOTNOTES: Cell[][] = [
  [],
  ["Source: MADE UP, in the layout of the Home Office's police recorded crime open data tables"],
  ["Counts are net of crimes cancelled after they were recorded, so some are negative."],
];

export function currentEditionSheets(): SheetSource[] {
  return [
    {
      name: "Cover_sheet",
      rows: [
        [
          "MADE UP: police recorded crime by Community Safety Partnership, year ending March 2024 to year ending December 2024",
        ],
        ["Not published figures: built by services/national/src/samples/build-editions.ts."],
      ],
    },
    { name: "Notes", rows: [["Notes (MADE UP)"], ["Updated: 24 April 2025"], ["Force Notes"], ["None."]] },
    { name: "2023_24", rows: [CURRENT_HEADER, ...editionRows("2023/24", [1, 2, 3, 4], false), ...FOOTNOTES] },
    { name: "2024_25", rows: [CURRENT_HEADER, ...editionRows("2024/25", [1, 2, 3], false), ...FOOTNOTES] },
  ];
}

export function olderEditionSheets(): SheetSource[] {
  return [
    {
      name: "Contents",
      rows: [["MADE UP: police recorded crime by CSP, 2011/12 to 2013/14 (older edition's layout)"]],
    },
    { name: "2011-12", rows: [OLDER_HEADER, ...editionRows("2011/12", [1, 2, 3, 4], true)] },
    { name: "2012-13", rows: [OLDER_HEADER, ...editionRows("2012/13", [1, 2, 3, 4], true)] },
    { name: "2013-14", rows: [OLDER_HEADER, ...editionRows("2013/14", [1, 2, 3, 4], true), ...FOOTNOTES] },
  ];
}

/** District, CSP and force with the ONS's codes; Buckinghamshire under four CSPs, as after the 2020 reorganisation. */
export const LOOKUP_ROWS: Cell[][] = [
  ["E07000129", "Blaby", "E22000164", "Blaby", "Leicestershire"],
  ["E07000130", "Charnwood", "E22000165", "Charnwood", "Leicestershire"],
  ["E07000131", "Harborough", "E22000166", "Harborough", "Leicestershire"],
  ["E07000132", "Hinckley and Bosworth", "E22000167", "Hinckley and Bosworth", "Leicestershire"],
  ["E06000016", "Leicester", "E22000168", "Leicester", "Leicestershire"],
  ["E07000133", "Melton", "E22000169", "Melton", "Leicestershire"],
  ["E07000134", "North West Leicestershire", "E22000170", "North West Leicestershire", "Leicestershire"],
  ["E07000135", "Oadby and Wigston", "E22000171", "Oadby and Wigston", "Leicestershire"],
  ["E06000017", "Rutland", "E22000172", "Rutland", "Leicestershire"],
  ["E08000026", "Coventry", "E22000336", "Coventry", "West Midlands"],
  ["E06000010", "Kingston upon Hull, City of", "E22000134", "Kingston upon Hull, City of", "Humberside"],
  ["W06000015", "Cardiff", "W14000015", "Cardiff", "South Wales"],
  ["E06000060", "Buckinghamshire", "E22000303", "Aylesbury Vale", "Thames Valley"],
  ["E06000060", "Buckinghamshire", "E22000306", "Chiltern", "Thames Valley"],
  ["E06000060", "Buckinghamshire", "E22000311", "South Bucks", "Thames Valley"],
  ["E06000060", "Buckinghamshire", "E22000318", "Wycombe", "Thames Valley"],
];

export function* lookupRows(): Generator<Cell[]> {
  yield [
    "MADE UP: rows in the layout of the ONS LAD24_CSP24_PFA24_EW_LU lookup (codes as the ONS prints them); not the published file",
  ];
  yield ["LAD24CD", "LAD24NM", "CSP24CD", "CSP24NM", "PFA24NM"];
  yield* LOOKUP_ROWS;
}

/** Made-up mid-2019 populations (Persons) by district code; Males and Females sheets hold other figures. */
export const ESTIMATES: [string, string, string, number][] = [
  ["K04000001", "ENGLAND AND WALES", "Country", 59_439_840],
  ["E07000129", "Blaby", "Non-metropolitan District", 101_500],
  ["E07000130", "Charnwood", "Non-metropolitan District", 185_900],
  ["E07000131", "Harborough", "Non-metropolitan District", 93_800],
  ["E07000132", "Hinckley and Bosworth", "Non-metropolitan District", 113_600],
  ["E06000016", "Leicester", "Unitary Authority", 354_200],
  ["E07000133", "Melton", "Non-metropolitan District", 51_100],
  ["E07000134", "North West Leicestershire", "Non-metropolitan District", 103_600],
  ["E07000135", "Oadby and Wigston", "Non-metropolitan District", 57_000],
  ["E06000017", "Rutland", "Unitary Authority", 39_900],
  ["E08000026", "Coventry", "Metropolitan District", 371_500],
  ["E06000010", "Kingston upon Hull, City of", "Unitary Authority", 259_800],
  ["W06000015", "Cardiff", "Unitary Authority", 366_900],
  ["E06000060", "Buckinghamshire", "Unitary Authority", 540_100],
];

export function estimatesSheets(): SheetSource[] {
  const table = (title: string, share: number): Cell[][] => [
    [title],
    ["MADE UP figures in the layout of the ONS mid-year estimates workbook (2019 edition: four rows above the header)"],
    [],
    [],
    ["Code", "Name", "Geography1", "All ages", "0", "1"],
    ...ESTIMATES.map(([code, name, geography, persons]) => {
      const n = Math.round(persons * share);
      return [code, name, geography, n, Math.round(n * 0.012), Math.round(n * 0.012)];
    }),
    [],
    ["Source: MADE UP (not Office for National Statistics figures)"],
    ["Note: figures may not add up exactly due to rounding."],
  ];
  return [
    {
      name: "Contents",
      rows: [["MADE UP: Population Estimates for UK, England and Wales, Scotland and Northern Ireland: Mid-2019"]],
    },
    {
      name: "Related publications",
      rows: [
        ["Related publications"],
        ["Mid-2011 Census-based population estimates"],
        ["Mid-2001 to mid-2010 revised estimates"],
      ],
    },
    {
      name: "MYE2 - Persons",
      rows: table(
        "MYE2: Population estimates: Persons by single year of age and sex for local authorities in the UK, mid-2019",
        1,
      ),
    },
    {
      name: "MYE2 - Males",
      rows: table(
        "MYE2: Population estimates: Males by single year of age and sex for local authorities in the UK, mid-2019",
        0.49,
      ),
    },
    {
      name: "MYE2 - Females",
      rows: table(
        "MYE2: Population estimates: Females by single year of age and sex for local authorities in the UK, mid-2019",
        0.51,
      ),
    },
  ];
}
