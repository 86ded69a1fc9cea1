/**
 * Tables every subgraph database has for what it publishes: the periods figures are
 * published for, the one row that says when the data was seeded and last changed, and the
 * audit trail of every write. The services' drizzle schemas re-export them, so their
 * migrations create them.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Where a published item comes from: document file name and the table, figure or heading in it. */
export const sourceColumns = {
  sourceDocument: text("source_document").notNull(),
  sourceLocator: text("source_locator").notNull(),
};

/**
 * The documents cited since the seed (the seed documents are defined once, in schema/):
 * stored with the first figure or item that cites them, in the same transaction.
 */
export const documents = sqliteTable("documents", {
  document: text("document").primaryKey(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  /** The date of publication it prints (YYYY-MM-DD); null when it prints none. */
  published: text("published"),
  recordedAt: text("recorded_at").notNull(),
});

/**
 * Every correction of a published count, oldest first: what it replaced, on what source and
 * why. A figure keeps the source it was first published in; `figure_id` is the local id of
 * the figure in this database's table of figures.
 */
export const figureCorrections = sqliteTable(
  "figure_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    figureId: integer("figure_id").notNull(),
    previousCount: integer("previous_count").notNull(),
    count: integer("count").notNull(),
    correctedAt: text("corrected_at").notNull(),
    sourceDocument: text("source_document"),
    sourceLocator: text("source_locator"),
    note: text("note"),
  },
  (t) => [index("figure_corrections_figure").on(t.figureId)],
);

/** A period as one table printed it: label as printed, ISO dates, basis (see Period). */
export const periods = sqliteTable("periods", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  start: text("start").notNull(),
  end: text("end").notNull(),
  basis: text("basis").notNull(),
  note: text("note"),
});

/** One row: when the data was seeded and when it last changed. */
export const publicationState = sqliteTable("publication_state", {
  id: integer("id").primaryKey(),
  seededFrom: text("seeded_from").notNull(),
  seededAt: text("seeded_at").notNull(),
  lastPublishedAt: text("last_published_at"),
});

/** One committed write: who, what, when, and the record before and after. */
export const auditEntries = sqliteTable("audit_entries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** When the write was committed (ISO 8601, UTC). */
  at: text("at").notNull(),
  /** The token that authorised it; null for a local command (e.g. `pnpm import`). */
  tokenId: text("token_id"),
  /** The token's label, or the command and the operating-system user that ran it. */
  actor: text("actor").notNull(),
  /** The write, e.g. createPriority, recordCrimeStatistics, importCrimeStatistics. */
  operation: text("operation").notNull(),
  /** What it wrote to, e.g. a priority's id or the CSV file's name. */
  subject: text("subject").notNull(),
  before: text("before", { mode: "json" }).$type<unknown>(),
  after: text("after", { mode: "json" }).$type<unknown>(),
});
