/**
 * The content of the repository's SAMPLE files: made-up counts in the publishers' layouts,
 * for the federation's nine CSPs, `Unassigned Leicestershire`, the other CSPs of Leicester's
 * Most Similar Group and one non-CSP row. No count here is published, and no code is given:
 * the Home Office tables carry names only.
 */
import { HOME_OFFICE_COLUMNS } from "../files/layouts";
import type { Cell } from "./ods-writer";

export interface SampleArea {
  /** As the Home Office table names it. */
  homeOfficeName: string;
  force: string;
  /** Relative size of its made-up counts. */
  scale: number;
}

export const SAMPLE_AREAS: SampleArea[] = [
  { homeOfficeName: "Blaby", force: "Leicestershire", scale: 0.9 },
  { homeOfficeName: "Charnwood", force: "Leicestershire", scale: 1.6 },
  { homeOfficeName: "Harborough", force: "Leicestershire", scale: 0.8 },
  { homeOfficeName: "Hinckley and Bosworth", force: "Leicestershire", scale: 1.0 },
  { homeOfficeName: "Leicester", force: "Leicestershire", scale: 4.4 },
  { homeOfficeName: "Melton", force: "Leicestershire", scale: 0.45 },
  { homeOfficeName: "North West Leicestershire", force: "Leicestershire", scale: 1.0 },
  { homeOfficeName: "Oadby and Wigston", force: "Leicestershire", scale: 0.5 },
  { homeOfficeName: "Rutland", force: "Leicestershire", scale: 0.3 },
  { homeOfficeName: "Unassigned Leicestershire", force: "Leicestershire", scale: 0.05 },
  ...[
    ["Luton", "Bedfordshire", 2.2],
    ["Middlesbrough", "Cleveland", 2.0],
    ["Bolton", "Greater Manchester", 2.9],
    ["Manchester", "Greater Manchester", 7.5],
    ["Salford", "Greater Manchester", 2.7],
    ["Kingston upon Hull, City of", "Humberside", 3.6],
    ["Blackpool", "Lancashire", 2.1],
    ["Lincoln", "Lincolnshire", 1.1],
    ["Liverpool", "Merseyside", 5.9],
    ["Newcastle upon Tyne", "Northumbria", 3.3],
    ["Nottingham", "Nottinghamshire", 4.0],
    ["Stoke-on-Trent", "Staffordshire", 2.9],
    ["Birmingham", "West Midlands", 10.5],
    ["Coventry", "West Midlands", 3.0],
  ].map(([name, force, scale]) => ({ homeOfficeName: name as string, force: force as string, scale: scale as number })),
  { homeOfficeName: "Manchester Airport", force: "Greater Manchester", scale: 0.1 },
];

export interface SampleOffence {
  code: string;
  description: string;
  group: string;
  subgroup: string;
  /** Made-up quarterly count at scale 1. */
  base: number;
}

/** A few offences in the Home Office's shape; burglary's labels changed from 2017/18 (April 2017). */
export function sampleOffences(financialYear: string): SampleOffence[] {
  const before2017 = Number(financialYear.slice(0, 4)) < 2017;
  return [
    {
      code: "8N",
      description: "Assault with injury",
      group: "Violence against the person",
      subgroup: "Violence with injury",
      base: 110,
    },
    {
      code: "105A",
      description: "Assault without injury",
      group: "Violence against the person",
      subgroup: "Violence without injury",
      base: 130,
    },
    {
      code: "8Q",
      description: "Stalking",
      group: "Violence against the person",
      subgroup: "Stalking and harassment",
      base: 60,
    },
    {
      code: "19C",
      description: "Rape of a female aged 16 and over",
      group: "Sexual offences",
      subgroup: "Rape offences",
      base: 9,
    },
    {
      code: "34B",
      description: "Robbery of personal property",
      group: "Robbery",
      subgroup: "Robbery of personal property",
      base: 14,
    },
    before2017
      ? {
          code: "28A",
          description: "Burglary in a dwelling",
          group: "Theft offences",
          subgroup: "Domestic burglary",
          base: 70,
        }
      : {
          code: "28E",
          description: "Burglary - residential",
          group: "Theft offences",
          subgroup: "Residential burglary",
          base: 75,
        },
    before2017
      ? {
          code: "30A",
          description: "Burglary in a building other than a dwelling",
          group: "Theft offences",
          subgroup: "Non-domestic burglary",
          base: 40,
        }
      : {
          code: "30C",
          description: "Burglary - business and community",
          group: "Theft offences",
          subgroup: "Non-residential burglary",
          base: 35,
        },
    { code: "46", description: "Shoplifting", group: "Theft offences", subgroup: "Shoplifting", base: 95 },
    {
      code: "44",
      description: "Theft or unauthorised taking of a pedal cycle",
      group: "Theft offences",
      subgroup: "Bicycle theft",
      base: 30,
    },
    {
      code: "58C",
      description: "Criminal damage to a vehicle",
      group: "Criminal damage and arson",
      subgroup: "Criminal damage",
      base: 65,
    },
    {
      code: "92E",
      description: "Possession of cannabis",
      group: "Drug offences",
      subgroup: "Possession of drugs",
      base: 25,
    },
    {
      code: "9A",
      description: "Public fear, alarm or distress",
      group: "Public order offences",
      subgroup: "Public order offences",
      base: 50,
    },
  ];
}

/** A fixed pseudo-random number in [0, 1) from a text (FNV-1a): the samples build the same every time. */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** The samples are written with the header row the importer recognises a Home Office table by. */
export const HOME_OFFICE_HEADER: string[] = [...HOME_OFFICE_COLUMNS];

/** A sample table's rows of one financial year and some quarters; `edition` varies a few counts (revisions). */
export function* sampleYearRows(financialYear: string, quarters: number[], edition: number): Generator<Cell[]> {
  for (const quarter of quarters) {
    for (const area of SAMPLE_AREAS) {
      for (const offence of sampleOffences(financialYear)) {
        const key = `${area.homeOfficeName}|${financialYear}|${quarter}|${offence.code}`;
        let count = Math.round(offence.base * area.scale * (0.75 + 0.5 * hashUnit(key)));
        if (edition > 1 && hashUnit(`${key}|revision${edition}`) < 0.05)
          count += 1 + Math.floor(3 * hashUnit(`${key}|by`));
        yield [
          financialYear,
          quarter,
          area.force,
          area.homeOfficeName,
          offence.description,
          offence.group,
          offence.subgroup,
          offence.code,
          count,
        ];
      }
    }
  }
}

export function sheetName(financialYear: string): string {
  return financialYear.replace("/", "_");
}

export function coverRows(title: string): Cell[][] {
  return [
    [`SAMPLE: ${title}`],
    [
      "Made-up counts in the layout of the Home Office's police recorded crime open data tables by Community Safety Partnership.",
    ],
    ["Built by services/national/src/samples/build-samples.ts. Not published figures: never quote them."],
  ];
}

export function notesRows(updated: string): Cell[][] {
  return [
    ["Notes (SAMPLE)"],
    [`Updated: ${updated}`],
    ["Force Notes"],
    ["None: this is a sample."],
    ["Additional Notes"],
    ["Fraud is not in these tables (recorded by Action Fraud)."],
  ];
}
