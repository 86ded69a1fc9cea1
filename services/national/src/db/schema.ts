/**
 * The national subgraph's tables: the one definition of its SQLite database (national.db).
 * Migrations in ./migrations are generated from this file by drizzle-kit.
 *
 * The publishers here are the Home Office (police recorded crime by CSP, quarterly), police.uk
 * (street-level crime and ASB, monthly) and the ONS (the district-to-CSP lookup and mid-year
 * population estimates). Nothing here is a partnership's own figure.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every file imported, with what it was: figures keep the file and sheet they came from. */
export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  fileName: text("file_name").notNull(),
  /** HOME_OFFICE_CSP_TABLE, POLICE_UK_STREET, ONS_CSP_LOOKUP or ONS_MID_YEAR_ESTIMATES. */
  kind: text("kind").notNull(),
  sha256: text("sha256").notNull(),
  /** The edition's date (the Notes sheet's `Updated:` line or the file name's DDMMYY), ISO; null when the file names none. */
  edition: text("edition"),
  /** A made-up sample from the repository (never published figures). */
  sample: integer("sample", { mode: "boolean" }).notNull(),
  rows: integer("rows").notNull(),
  importedAt: text("imported_at").notNull(),
  /** What the import changed, as printed by the command. */
  summary: text("summary").notNull(),
});

/**
 * The areas the Home Office reports on: CSPs (with their ONS code once a lookup names it),
 * `Unassigned <Force>` rows (crimes a force could not place) and rows that are not CSPs
 * (e.g. Manchester Airport). Only a CSP can be one of the federation's partnerships.
 */
export const areas = sqliteTable("areas", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** CSP, UNASSIGNED or NOT_A_CSP. */
  kind: text("kind").notNull(),
  /** The ONS name for a CSP (the Home Office's spelling, when different, is an alias). */
  name: text("name").notNull().unique(),
  onsCode: text("ons_code"),
  policeForce: text("police_force").notNull(),
  /** The federation's partnership code (registry) for the CSPs it serves. */
  partnership: text("partnership"),
  /** The edition (year) of the ONS lookup its code and name come from; null when no lookup names it. */
  onsEdition: integer("ons_edition"),
  /** Where the area's name and code come from. */
  sourceDocument: text("source_document").notNull(),
  sourceLocator: text("source_locator").notNull(),
});

/**
 * The ONS district-to-CSP lookups: (district, CSP) pairs per edition (the year of the lookup's
 * columns, `LAD24CD` -> 2024). A relation, not a function: since the reorganisations one
 * district can appear under several CSPs (each then covers part of it).
 */
export const districts = sqliteTable(
  "districts",
  {
    edition: integer("edition").notNull(),
    ladCode: text("lad_code").notNull(),
    ladName: text("lad_name").notNull(),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    sourceDocument: text("source_document").notNull(),
    sourceLocator: text("source_locator").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.edition, t.ladCode, t.areaId] }),
    index("districts_area").on(t.areaId),
    index("districts_name").on(t.ladName),
  ],
);

/** ONS mid-year population estimates by district (the year is the estimate's mid-year). */
export const districtPopulations = sqliteTable(
  "district_populations",
  {
    ladCode: text("lad_code").notNull(),
    year: integer("year").notNull(),
    population: integer("population").notNull(),
    sourceDocument: text("source_document").notNull(),
    sourceLocator: text("source_locator").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ladCode, t.year] })],
);

/** One row of a Home Office CSP table: an area's count of one offence code in one quarter. */
export const offenceCounts = sqliteTable(
  "offence_counts",
  {
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    /** As printed, e.g. 2019/20. */
    financialYear: text("financial_year").notNull(),
    /** 1-4: Q1 April-June ... Q4 January-March of the following calendar year. */
    quarter: integer("quarter").notNull(),
    offenceCode: text("offence_code").notNull(),
    offenceDescription: text("offence_description").notNull(),
    offenceGroup: text("offence_group").notNull(),
    offenceSubgroup: text("offence_subgroup").notNull(),
    count: integer("count").notNull(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    sheet: text("sheet").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.financialYear, t.quarter, t.areaId, t.offenceCode] }),
    index("offence_counts_document").on(t.documentId),
  ],
);

/**
 * police.uk street-level rows counted by month, force, district and crime type. `district`
 * is read from `LSOA name`; empty for rows with no location (unplaced). `areaId` is the CSP
 * of the district (null when unplaced).
 */
export const monthlyCounts = sqliteTable(
  "monthly_counts",
  {
    month: text("month").notNull(),
    force: text("force").notNull(),
    district: text("district").notNull(),
    areaId: integer("area_id").references(() => areas.id),
    crimeType: text("crime_type").notNull(),
    count: integer("count").notNull(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.force, t.district, t.crimeType] }),
    index("monthly_counts_area").on(t.areaId, t.month),
  ],
);

/**
 * Sums of `offence_counts` by area, quarter, offence group and subgroup, rebuilt for the
 * quarters an import covers in the same transaction: the categories map to groups and
 * subgroups, so a comparison reads a few thousand rows instead of every offence code.
 */
export const subgroupTotals = sqliteTable(
  "subgroup_totals",
  {
    financialYear: text("financial_year").notNull(),
    quarter: integer("quarter").notNull(),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    offenceGroup: text("offence_group").notNull(),
    offenceSubgroup: text("offence_subgroup").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.financialYear, t.quarter, t.areaId, t.offenceGroup, t.offenceSubgroup] }),
    // Covers a comparison's one query (a year's rows with their counts) without touching the table.
    index("subgroup_totals_year").on(t.financialYear, t.areaId, t.quarter, t.offenceGroup, t.offenceSubgroup, t.count),
  ],
);

/** Which file and sheet each quarter's figures come from (an import replaces whole quarters): a comparison's sources. */
export const quarterSources = sqliteTable(
  "quarter_sources",
  {
    financialYear: text("financial_year").notNull(),
    quarter: integer("quarter").notNull(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    sheet: text("sheet").notNull(),
  },
  (t) => [primaryKey({ columns: [t.financialYear, t.quarter, t.documentId, t.sheet] })],
);
