/**
 * The columns every table of published crime figures has, whoever publishes them (a
 * partnership's own figures, the county's figures for larger areas): the category, the label
 * as printed, the count, the period and the source. Each table adds what scopes its figures.
 */
import { integer, text } from "drizzle-orm/sqlite-core";
import { periods, sourceColumns } from "../publishing/tables";

export const figureColumns = () => ({
  id: integer("id").primaryKey({ autoIncrement: true }),
  categoryId: text("category_id").notNull(),
  localLabel: text("local_label").notNull(),
  count: integer("count").notNull(),
  periodId: text("period_id")
    .notNull()
    .references(() => periods.id),
  notes: text("notes", { mode: "json" }).$type<string[]>().notNull(),
  ...sourceColumns,
});

/** A stored figure, as every figure table's row has it. */
export interface FigureRow {
  id: number;
  categoryId: string;
  localLabel: string;
  count: number;
  periodId: string;
  notes: string[];
  sourceDocument: string;
  sourceLocator: string;
}
