/**
 * Builds the repository's SAMPLE files (services/national/samples/), made-up counts in each
 * layout the importer reads:
 *   npx -y pnpm@10 national:samples
 * The same script builds the same counts. See services/national/samples/README.md.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { POLICE_UK_COLUMNS } from "../files/layouts";
import { POLICE_UK_CRIME_TYPES } from "../import/police-uk-street";
import { writeCsv } from "./csv-writer";
import { type Cell, writeOds } from "./ods-writer";
import {
  HOME_OFFICE_HEADER,
  SAMPLE_AREAS,
  coverRows,
  hashUnit,
  notesRows,
  sampleYearRows,
  sheetName,
} from "./sample-content";
import { SAMPLE_FILES, SAMPLES_DIR } from "./sample-files";
import { writeXlsx } from "./xlsx-writer";
import {
  EDITIONS_DIR,
  EDITION_FILES,
  currentEditionSheets,
  estimatesSheets,
  lookupRows,
  olderEditionSheets,
} from "./edition-content";

function* yearSheets(years: [string, number[]][], edition: number, updated: string, title: string) {
  yield { name: "Cover_sheet", rows: coverRows(title) };
  yield { name: "Notes", rows: notesRows(updated) };
  for (const [year, quarters] of years)
    yield { name: sheetName(year), rows: [HOME_OFFICE_HEADER, ...sampleYearRows(year, quarters, edition)] };
}

const LSOA_DISTRICTS = SAMPLE_AREAS.filter(
  (a) => a.force === "Leicestershire" && !a.homeOfficeName.startsWith("Unassigned"),
);

/** A made-up police.uk month for Leicestershire: crimes and ASB in the nine districts, some with no location. */
function* streetRows(month: string): Generator<Cell[]> {
  yield [...POLICE_UK_COLUMNS];
  const types = POLICE_UK_CRIME_TYPES.filter((t) => t !== "Public disorder and weapons");
  let n = 0;
  for (const area of LSOA_DISTRICTS) {
    for (const type of types) {
      const rows =
        Math.floor(area.scale * 4 * hashUnit(`${month}|${area.homeOfficeName}|${type}`)) +
        (type === "Anti-social behaviour" ? 3 : 0);
      for (let i = 0; i < rows; i++) {
        n++;
        const asb = type === "Anti-social behaviour";
        const id = asb ? "" : `${month.replace("-", "")}${String(n).padStart(6, "0")}sample`;
        const lsoa = String(1 + Math.floor(30 * hashUnit(`${month}|${n}`))).padStart(3, "0") + "ABCD"[n % 4];
        const longitude = (-1.13 + 0.4 * (hashUnit(`lon${n}`) - 0.5)).toFixed(6);
        const latitude = (52.63 + 0.3 * (hashUnit(`lat${n}`) - 0.5)).toFixed(6);
        yield [
          id,
          month,
          "Leicestershire Police",
          "Leicestershire Police",
          longitude,
          latitude,
          `On or near Sample Street ${n % 17}`,
          `E0199${String(n).padStart(4, "0")}`,
          `${area.homeOfficeName} ${lsoa}`,
          type,
          asb ? "" : "Under investigation",
          "",
        ];
      }
    }
  }
  // Rows with no location and no LSOA: counted as unplaced.
  for (const type of ["Violence and sexual offences", "Other crime", "Violence and sexual offences"]) {
    n++;
    yield [
      `${month.replace("-", "")}${String(n).padStart(6, "0")}sample`,
      month,
      "Leicestershire Police",
      "Leicestershire Police",
      "",
      "",
      "No location",
      "",
      "",
      type,
      "Under investigation",
      "",
    ];
  }
}

export async function buildSamples(dir = SAMPLES_DIR): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeXlsx(
    `${dir}/${SAMPLE_FILES[0]}`,
    yearSheets(
      [
        ["2016/17", [1, 2, 3, 4]],
        ["2017/18", [1, 2, 3, 4]],
        ["2018/19", [1, 2, 3, 4]],
      ],
      1,
      "18 July 2019",
      "Police recorded crime by CSP, year ending March 2017 to year ending March 2019",
    ),
  );
  await writeOds(
    `${dir}/${SAMPLE_FILES[1]}`,
    yearSheets(
      [
        ["2019/20", [1, 2, 3, 4]],
        ["2020/21", [1, 2, 3, 4]],
        ["2021/22", [1, 2]],
      ],
      1,
      "20 October 2021",
      "Police recorded crime by CSP, year ending March 2020 to year ending September 2021",
    ),
  );
  // A newer edition as one CSV (one table, no cover): revises some 2020/21 counts, adds 2021/22 Q3.
  await writeCsv(
    `${dir}/${SAMPLE_FILES[2]}`,
    (function* () {
      yield HOME_OFFICE_HEADER;
      yield* sampleYearRows("2020/21", [1, 2, 3, 4], 2);
      yield* sampleYearRows("2021/22", [1, 2, 3], 2);
    })(),
  );
  await writeCsv(`${dir}/${SAMPLE_FILES[3]}`, streetRows("2021-02"));
  await writeCsv(`${dir}/${SAMPLE_FILES[4]}`, streetRows("2021-03"));
  // MADE-UP files in the layouts of the real editions (not imported on first start).
  const editions = `${dir}/${EDITIONS_DIR}`;
  mkdirSync(editions, { recursive: true });
  await writeXlsx(`${editions}/${EDITION_FILES.current}`, currentEditionSheets());
  await writeXlsx(`${editions}/${EDITION_FILES.older}`, olderEditionSheets());
  await writeCsv(`${editions}/${EDITION_FILES.lookup}`, lookupRows());
  await writeXlsx(`${editions}/${EDITION_FILES.estimates}`, estimatesSheets());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildSamples();
  console.log(
    `SAMPLE files (made-up counts) written to ${SAMPLES_DIR}:\n${SAMPLE_FILES.map((f) => `  ${f}`).join("\n")}`,
  );
}
