/**
 * What the figures module needs to know of one subgraph's table of figures: the table, how
 * a figure is scoped (partnership-wide or an area), and how it is named in public.
 */
import { statisticId } from "@csg/schema";
import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { FigureFields } from "../rules/crime-statistic";
import type { Checker } from "../validation/checker";
import type { Placed } from "../validation/place";
import type { FigureRow } from "./columns";

type FigureTableColumns = { [K in keyof FigureRow]: SQLiteColumn };

export interface FigureStore<Row extends FigureRow, Fields extends FigureFields> {
  /** The table; it has the figure columns (see figureColumns). */
  table: SQLiteTable & FigureTableColumns;
  /** Who publishes the figures: a partnership's code or "county" (the prefix of public ids). */
  owner: string;
  /** The condition that selects the figures of the same scope as `figure`. */
  sameScope(figure: Fields): SQL | undefined;
  /** The scope columns of a new figure. */
  scopeValues(figure: Fields): Record<string, unknown>;
  /** The scope's fields as the audit trail records them (e.g. the area). */
  scopeJson(row: Row): Record<string, unknown>;
  /** The mutation that corrects a figure, named in the message for a second figure. */
  correction: string;
  /** Checks of the scope's own fields (e.g. that the area is one the county publishes), before the figure rules. */
  checkScope?(tx: BetterSQLite3Database<any>, figures: Placed<Fields>[], check: Checker): void;
  /** The scope's name in messages; none for partnership-wide figures. */
  scopeName?(figure: Fields): string | undefined;
}

export const figurePublicId = (owner: string, row: { id: number }) => statisticId(owner, row.id);
