/**
 * The county (LSCSB) subgraph's tables: the one definition of its SQLite database.
 * Migrations in ./migrations are generated from this file by drizzle-kit.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { figureColumns, sourceColumns as source } from "@csg/domain";

/** The county tokens this subgraph accepts (hashes only) and the audit trail of its writes. */
export { accessTokens } from "@csg/service-runtime";
export { auditEntries, documents, figureCorrections, periods, publicationState } from "@csg/domain";

/** The Community Safety Agreement's priorities (ids fixed by the taxonomy; words editable by the county). */
export const csaPriorities = sqliteTable("csa_priorities", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  description: text("description"),
  ...source,
});

/** One row: the county, its board, its agreement and its team, as published. */
export const countyProfile = sqliteTable("county_profile", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  onsCode: text("ons_code").notNull(),
  boardName: text("board_name").notNull(),
  boardAbbreviation: text("board_abbreviation").notNull(),
  boardChair: text("board_chair").notNull(),
  boardDocument: text("board_document").notNull(),
  boardLocator: text("board_locator").notNull(),
  agreementTitle: text("agreement_title").notNull(),
  agreedBy: text("agreed_by").notNull(),
  agreedIn: text("agreed_in").notNull(),
  agreementDocument: text("agreement_document").notNull(),
  agreementLocator: text("agreement_locator").notNull(),
  teamDescription: text("team_description").notNull(),
  teamDocument: text("team_document").notNull(),
  teamLocator: text("team_locator").notNull(),
  notes: text("notes", { mode: "json" }).$type<string[]>().notNull(),
});

export const boardMembers = sqliteTable("board_members", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  ...source,
});

export const strategicPlanPriorities = sqliteTable("strategic_plan_priorities", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull(),
  ...source,
});

export const workstreams = sqliteTable("workstreams", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  items: text("items", { mode: "json" }).$type<string[]>().notNull(),
  ...source,
});

export const strategies = sqliteTable("strategies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  periodLabel: text("period_label").notNull(),
  document: text("document").notNull(),
});

/** Resident population by area and year (reference data, with its source). */
export const populations = sqliteTable(
  "populations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    onsCode: text("ons_code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    population: integer("population").notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("populations_area_year").on(t.onsCode, t.year)],
);

/** Published figures for the county as a whole and for the police force area (not any one partnership's). */
export const areaStatistics = sqliteTable(
  "area_statistics",
  {
    ...figureColumns(),
    area: text("area").notNull(),
    rowLabel: text("row_label").notNull(),
  },
  (t) => [
    uniqueIndex("area_statistics_unique").on(t.area, t.categoryId, t.periodId, t.sourceDocument, t.sourceLocator),
    index("area_statistics_area").on(t.area),
  ],
);

// One row type per table, for every module that reads or writes it.
export type { AuditEntryRow, PeriodRow } from "@csg/domain";
export type { TokenRow } from "@csg/service-runtime";
export type AreaStatisticRow = typeof areaStatistics.$inferSelect;
export type BoardMemberRow = typeof boardMembers.$inferSelect;
export type CsaPriorityRow = typeof csaPriorities.$inferSelect;
export type PopulationRow = typeof populations.$inferSelect;
export type ProfileRow = typeof countyProfile.$inferSelect;
export type StrategicPlanPriorityRow = typeof strategicPlanPriorities.$inferSelect;
export type WorkstreamRow = typeof workstreams.$inferSelect;
