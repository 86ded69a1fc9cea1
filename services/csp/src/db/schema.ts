/**
 * The partnership subgraph's tables: the one definition of its SQLite database.
 * Migrations in ./migrations are generated from this file by drizzle-kit.
 * Every published item keeps its source (document + locator).
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { figureColumns, periods, sourceColumns as source } from "@csg/domain";

/** The tokens this partnership's subgraph accepts (hashes only) and the audit trail of its writes. */
export { accessTokens } from "@csg/service-runtime";
export { auditEntries, documents, figureCorrections, periods, publicationState } from "@csg/domain";

export const plans = sqliteTable("plans", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  periodId: text("period_id")
    .notNull()
    .references(() => periods.id),
  notes: text("notes", { mode: "json" }).$type<string[]>().notNull(),
  ...source,
});

export const themes = sqliteTable(
  "themes",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    ...source,
  },
  (t) => [index("themes_plan").on(t.planId)],
);

export const priorities = sqliteTable(
  "priorities",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    themeId: text("theme_id").references(() => themes.id),
    position: integer("position").notNull(),
    ref: text("ref"),
    title: text("title").notNull(),
    description: text("description"),
    crossCutting: integer("cross_cutting", { mode: "boolean" }).notNull(),
    mandatory: integer("mandatory", { mode: "boolean" }).notNull(),
    notes: text("notes", { mode: "json" }).$type<string[]>().notNull(),
    /** CSA priority ids declared by the partnership; null when it has declared nothing. */
    declaredAlignment: text("declared_alignment", { mode: "json" }).$type<string[] | null>(),
    /** PUBLISHED, or WITHDRAWN: a withdrawn priority is kept (and audited) but no longer served. */
    status: text("status").$type<"PUBLISHED" | "WITHDRAWN">().notNull().default("PUBLISHED"),
    withdrawnAt: text("withdrawn_at"),
    ...source,
  },
  (t) => [index("priorities_plan").on(t.planId)],
);

export const focusAreas = sqliteTable(
  "focus_areas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    priorityId: text("priority_id")
      .notNull()
      .references(() => priorities.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    details: text("details", { mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [index("focus_areas_priority").on(t.priorityId)],
);

export const areas = sqliteTable("areas", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  localLabel: text("local_label").notNull(),
  ...source,
});

export const crimeStatistics = sqliteTable(
  "crime_statistics",
  {
    ...figureColumns(),
    /** Null for a partnership-wide figure; an area's id for an area's own figure. */
    areaId: text("area_id").references(() => areas.id),
  },
  (t) => [
    // One figure per category, period and source, partnership-wide and per area.
    uniqueIndex("crime_statistics_unique_partnership")
      .on(t.categoryId, t.periodId, t.sourceDocument, t.sourceLocator)
      .where(sql`${t.areaId} is null`),
    uniqueIndex("crime_statistics_unique_area")
      .on(t.areaId, t.categoryId, t.periodId, t.sourceDocument, t.sourceLocator)
      .where(sql`${t.areaId} is not null`),
  ],
);

/** Further tables that print the same count as a statistic. */
export const statisticSources = sqliteTable(
  "statistic_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    statisticId: integer("statistic_id")
      .notNull()
      .references(() => crimeStatistics.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    document: text("document").notNull(),
    locator: text("locator").notNull(),
  },
  (t) => [index("statistic_sources_statistic").on(t.statisticId)],
);

export const targets = sqliteTable("targets", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  categoryId: text("category_id").notNull(),
  localLabel: text("local_label").notNull(),
  direction: text("direction").notNull(),
  baselinePeriodId: text("baseline_period_id")
    .notNull()
    .references(() => periods.id),
  targetPeriodId: text("target_period_id")
    .notNull()
    .references(() => periods.id),
  ...source,
});

export const funding = sqliteTable("funding", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  funder: text("funder").notNull(),
  label: text("label").notNull(),
  amountPence: integer("amount_pence").notNull(),
  periodId: text("period_id").references(() => periods.id),
  ...source,
});

export const fundingAllocations = sqliteTable(
  "funding_allocations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fundingId: text("funding_id")
      .notNull()
      .references(() => funding.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    purpose: text("purpose").notNull(),
    amountPence: integer("amount_pence").notNull(),
  },
  (t) => [index("funding_allocations_funding").on(t.fundingId)],
);

export const partners = sqliteTable("partners", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  ...source,
});

export const familyGroups = sqliteTable("family_groups", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  members: text("members", { mode: "json" }).$type<string[]>().notNull(),
  membersDocument: text("members_document").notNull(),
  membersLocator: text("members_locator").notNull(),
  positionsDocument: text("positions_document").notNull(),
  positionsLocator: text("positions_locator").notNull(),
});

export const familyGroupPositions = sqliteTable(
  "family_group_positions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    familyGroupId: text("family_group_id")
      .notNull()
      .references(() => familyGroups.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    categoryId: text("category_id").notNull(),
    localLabel: text("local_label").notNull(),
    rank: integer("rank").notNull(),
    groupSize: integer("group_size").notNull(),
    asAt: text("as_at").notNull(),
  },
  (t) => [index("family_group_positions_group").on(t.familyGroupId)],
);

export const rateTables = sqliteTable("rate_tables", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  measure: text("measure").notNull(),
  categoryId: text("category_id").notNull(),
  periodIds: text("period_ids", { mode: "json" }).$type<string[]>().notNull(),
  notes: text("notes", { mode: "json" }).$type<string[]>().notNull().default([]),
  ...source,
});

export const rateTableRows = sqliteTable(
  "rate_table_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    rateTableId: text("rate_table_id")
      .notNull()
      .references(() => rateTables.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    self: integer("self", { mode: "boolean" }).notNull(),
    average: integer("average", { mode: "boolean" }).notNull(),
    /** Decimal strings exactly as printed, one per period of the table. */
    values: text("values", { mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [index("rate_table_rows_table").on(t.rateTableId)],
);

// One row type per table, for every module that reads or writes it.
export type { AuditEntryRow, PeriodRow } from "@csg/domain";
export type { TokenRow } from "@csg/service-runtime";
export type AllocationRow = typeof fundingAllocations.$inferSelect;
export type AreaRow = typeof areas.$inferSelect;
export type FamilyGroupPositionRow = typeof familyGroupPositions.$inferSelect;
export type FamilyGroupRow = typeof familyGroups.$inferSelect;
export type FocusAreaRow = typeof focusAreas.$inferSelect;
export type FundingRow = typeof funding.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type PriorityRow = typeof priorities.$inferSelect;
export type RateTableRow = typeof rateTables.$inferSelect;
export type RateTableRowRow = typeof rateTableRows.$inferSelect;
export type StatisticRow = typeof crimeStatistics.$inferSelect;
export type StatisticSourceRow = typeof statisticSources.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
