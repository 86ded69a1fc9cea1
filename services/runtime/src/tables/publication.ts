/**
 * Tables both subgraph databases have for what they publish: the periods figures are
 * published for, and the one row that says when the data was seeded and last changed.
 * Both services' drizzle schemas re-export them, so their migrations create them.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Where a published item comes from: document file name and the table, figure or heading in it. */
export const sourceColumns = {
  sourceDocument: text("source_document").notNull(),
  sourceLocator: text("source_locator").notNull(),
};

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
  /** Incremented by every write: lets readers tell that data changed. */
  dataVersion: integer("data_version").notNull(),
});
