/**
 * A partnership's plans and priorities: publish a plan (its period and themes), create,
 * change and withdraw priorities. Each write is one transaction with its audit entry.
 */
import { LOCAL_ID, type PartnershipEntry, publicId } from "@csg/schema";
import { type Actor, quoted, shortened } from "@csg/service-runtime";
import { and, asc, eq, max } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import { checkPriorityFields, checkThemeFields, type PriorityFields } from "../rules/priority";
import {
  type Checker,
  checkPeriod,
  checkSource,
  type PeriodFields,
  type SourceRecord,
  type Place,
  within,
  freeId,
  localIdOf,
  periodIdFor,
  periodJson,
  publishCiting,
  slugOf,
} from "@csg/domain";
import type { PlanRow, PriorityRow } from "../db/schema";

export interface PlanFields {
  /** Local id; derived from the title when absent. */
  id?: string | null;
  title: string;
  period: PeriodFields;
  source: SourceRecord;
  notes?: string[] | null;
  themes?: { title: string; description?: string | null }[] | null;
}

export interface NewPriorityFields extends PriorityFields {
  /** The plan's public id, e.g. charnwood:priorities-2019-20. */
  plan: string;
  /** The theme's title within the plan: an existing theme, or a new one. */
  theme?: string | null;
  crossCutting?: boolean | null;
  mandatory?: boolean | null;
}

export interface PriorityChanges extends PriorityFields {
  /** A theme title of the priority's plan (created if new); null takes it out of any theme. */
  theme?: string | null;
  crossCutting?: boolean | null;
  mandatory?: boolean | null;
}

const exists = (tx: CspDatabase, table: typeof t.plans | typeof t.themes | typeof t.priorities, id: string) =>
  Boolean(tx.select({ id: table.id }).from(table).where(eq(table.id, id)).get());

function planJson(tx: CspDatabase, code: string, plan: PlanRow) {
  const themes = tx.select().from(t.themes).where(eq(t.themes.planId, plan.id)).orderBy(asc(t.themes.position)).all();
  const period = tx.select().from(t.periods).where(eq(t.periods.id, plan.periodId)).get()!;
  return {
    id: publicId(code, plan.id),
    title: plan.title,
    period: periodJson(period),
    source: { document: plan.sourceDocument, locator: plan.sourceLocator },
    notes: plan.notes,
    themes: themes.map((theme) => ({ title: theme.title, description: theme.description })),
  };
}

/** A priority as the audit trail records it: everything it says, its plan, theme and status. */
function priorityJson(tx: CspDatabase, code: string, id: string) {
  const row = tx.select().from(t.priorities).where(eq(t.priorities.id, id)).get()!;
  const theme = row.themeId ? tx.select().from(t.themes).where(eq(t.themes.id, row.themeId)).get() : undefined;
  const focusAreas = tx
    .select()
    .from(t.focusAreas)
    .where(eq(t.focusAreas.priorityId, id))
    .orderBy(asc(t.focusAreas.position))
    .all();
  return {
    id: publicId(code, row.id),
    plan: publicId(code, row.planId),
    theme: theme?.title ?? null,
    ref: row.ref,
    title: row.title,
    description: row.description,
    crossCutting: row.crossCutting,
    mandatory: row.mandatory,
    focusAreas: focusAreas.map((a) => ({ text: a.text, details: a.details })),
    notes: row.notes,
    declaredAlignment: row.declaredAlignment,
    source: { document: row.sourceDocument, locator: row.sourceLocator },
    status: row.status,
    withdrawnAt: row.withdrawnAt,
  };
}

/** The id of the plan's theme with this title, created (with the given source) when new. */
function themeIdFor(tx: CspDatabase, planId: string, title: string, source: SourceRecord): string {
  const existing = tx
    .select()
    .from(t.themes)
    .where(and(eq(t.themes.planId, planId), eq(t.themes.title, title)))
    .get();
  if (existing) return existing.id;
  const position =
    (tx
      .select({ last: max(t.themes.position) })
      .from(t.themes)
      .where(eq(t.themes.planId, planId))
      .get()?.last ?? -1) + 1;
  const id = freeId(`${planId}-t${position + 1}`, (candidate) => exists(tx, t.themes, candidate));
  tx.insert(t.themes)
    .values({
      id,
      planId,
      position,
      title,
      description: null,
      sourceDocument: source.document,
      sourceLocator: source.locator,
    })
    .run();
  return id;
}

function writeFocusAreas(tx: CspDatabase, priorityId: string, areas: NonNullable<PriorityFields["focusAreas"]>): void {
  tx.delete(t.focusAreas).where(eq(t.focusAreas.priorityId, priorityId)).run();
  areas.forEach((area, position) =>
    tx
      .insert(t.focusAreas)
      .values({ priorityId, position, text: area.text, details: area.details ?? [] })
      .run(),
  );
}

/** Publishes a plan: a set of priorities for one period, with its themes. */
export function createPlan(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  input: PlanFields,
  check: Checker,
  place: Place,
): PlanRow {
  return publishCiting(db, actor, "createPlan", check, (tx) => {
    if (input.id != null && !LOCAL_ID.test(input.id))
      check.fail(place("id"), `must be lower-case words joined by hyphens, got ${quoted(input.id)}`);
    else if (input.id != null && exists(tx, t.plans, input.id))
      check.fail(place("id"), `plan ${publicId(partnership.code, input.id)} already exists`);
    check.text(place("title"), input.title);
    checkPeriod(check, within(place, "period"), input.period);
    checkSource(check, within(place, "source"), input.source);
    (input.notes ?? []).forEach((note, i) => check.text(place(`notes[${i}]`), note));
    const titles = new Set<string>();
    (input.themes ?? []).forEach((theme, i) => {
      checkThemeFields(check, within(place, `themes[${i}]`), theme);
      check.unique(place(`themes[${i}].title`), titles, theme.title, "theme");
    });
    check.throwIfAny();

    const id = input.id ?? freeId(slugOf(input.title), (candidate) => exists(tx, t.plans, candidate));
    const position =
      (tx
        .select({ last: max(t.plans.position) })
        .from(t.plans)
        .get()?.last ?? -1) + 1;
    tx.insert(t.plans)
      .values({
        id,
        position,
        title: input.title,
        periodId: periodIdFor(tx, input.period),
        notes: input.notes ?? [],
        sourceDocument: input.source.document,
        sourceLocator: input.source.locator,
      })
      .run();
    (input.themes ?? []).forEach((theme, i) =>
      tx
        .insert(t.themes)
        .values({
          id: freeId(`${id}-t${i + 1}`, (candidate) => exists(tx, t.themes, candidate)),
          planId: id,
          position: i,
          title: theme.title,
          description: theme.description ?? null,
          sourceDocument: input.source.document,
          sourceLocator: input.source.locator,
        })
        .run(),
    );
    const plan = tx.select().from(t.plans).where(eq(t.plans.id, id)).get()!;
    return {
      changed: true,
      subject: publicId(partnership.code, id),
      before: null,
      after: planJson(tx, partnership.code, plan),
      result: plan,
    };
  }).result;
}

/** Publishes a new priority in one of the partnership's plans. */
export function createPriority(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  input: NewPriorityFields & { id?: string | null },
  check: Checker,
  place: Place,
): PriorityRow {
  return publishCiting(db, actor, "createPriority", check, (tx) => {
    const planId = localIdOf(partnership.code, input.plan, check, place("plan"), "plan");
    if (planId !== undefined && !exists(tx, t.plans, planId))
      check.fail(place("plan"), `no plan ${shortened(input.plan)}; publish it first with createPlan`);
    if (input.id != null && !LOCAL_ID.test(input.id))
      check.fail(place("id"), `must be lower-case words joined by hyphens, got ${quoted(input.id)}`);
    else if (input.id != null && exists(tx, t.priorities, input.id))
      check.fail(place("id"), `priority ${publicId(partnership.code, input.id)} already exists`);
    checkPriorityFields(check, place, input, true);
    check.text(place("theme"), input.theme, { optional: true, max: 300 });
    check.throwIfAny();

    const plan = planId!;
    const id =
      input.id ?? freeId(`${plan}-${slugOf(input.title!, 40)}`, (candidate) => exists(tx, t.priorities, candidate));
    const position =
      (tx
        .select({ last: max(t.priorities.position) })
        .from(t.priorities)
        .where(eq(t.priorities.planId, plan))
        .get()?.last ?? -1) + 1;
    tx.insert(t.priorities)
      .values({
        id,
        planId: plan,
        themeId: input.theme ? themeIdFor(tx, plan, input.theme, input.source!) : null,
        position,
        ref: input.ref ?? null,
        title: input.title!,
        description: input.description ?? null,
        crossCutting: input.crossCutting ?? false,
        mandatory: input.mandatory ?? false,
        notes: input.notes ?? [],
        declaredAlignment: input.declaredAlignment ?? null,
        sourceDocument: input.source!.document,
        sourceLocator: input.source!.locator,
      })
      .run();
    writeFocusAreas(tx, id, input.focusAreas ?? []);
    const row = tx.select().from(t.priorities).where(eq(t.priorities.id, id)).get()!;
    return {
      changed: true,
      subject: publicId(partnership.code, id),
      before: null,
      after: priorityJson(tx, partnership.code, id),
      result: row,
    };
  }).result;
}

/** The published (not withdrawn) priority a public id names; fails at `place` otherwise. */
function publishedPriority(
  tx: CspDatabase,
  partnership: PartnershipEntry,
  priorityId: string,
  check: Checker,
  place: string,
): PriorityRow | undefined {
  const id = localIdOf(partnership.code, priorityId, check, place, "priority");
  if (id === undefined) return undefined;
  const row = tx.select().from(t.priorities).where(eq(t.priorities.id, id)).get();
  if (!row) check.fail(place, `no priority ${shortened(priorityId)}`);
  else if (row.status === "WITHDRAWN") check.fail(place, `priority ${priorityId} was withdrawn on ${row.withdrawnAt}`);
  else return row;
  return undefined;
}

/**
 * Corrects a priority: only the fields given change (a list given replaces the list;
 * declaredAlignment null means "not declared": suggestions apply again). Changing nothing
 * writes nothing and leaves no audit entry.
 */
export function updatePriority(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  priorityId: string,
  changes: PriorityChanges,
  check: Checker,
  places: { id: string; changes: Place },
): PriorityRow {
  return publishCiting(db, actor, "updatePriority", check, (tx) => {
    const row = publishedPriority(tx, partnership, priorityId, check, places.id);
    const place = places.changes;
    checkPriorityFields(check, place, changes, false);
    check.text(place("theme"), changes.theme, { optional: true, max: 300 });
    for (const flag of ["crossCutting", "mandatory"] as const)
      if (changes[flag] === null) check.fail(place(flag), "must be true or false");
    if (changes.title === null) check.fail(place("title"), "is required");
    if (changes.source === null) check.fail(place("source"), "is required (document and locator)");
    check.throwIfAny();

    const before = priorityJson(tx, partnership.code, row!.id);
    const source = changes.source ?? { document: row!.sourceDocument, locator: row!.sourceLocator };
    tx.update(t.priorities)
      .set({
        ...(changes.theme !== undefined && {
          themeId: changes.theme === null ? null : themeIdFor(tx, row!.planId, changes.theme, source),
        }),
        ...(changes.ref !== undefined && { ref: changes.ref }),
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.crossCutting != null && { crossCutting: changes.crossCutting }),
        ...(changes.mandatory != null && { mandatory: changes.mandatory }),
        ...(changes.notes !== undefined && { notes: changes.notes ?? [] }),
        ...(changes.declaredAlignment !== undefined && { declaredAlignment: changes.declaredAlignment }),
        ...(changes.source !== undefined && { sourceDocument: source.document, sourceLocator: source.locator }),
      })
      .where(eq(t.priorities.id, row!.id))
      .run();
    if (changes.focusAreas !== undefined) writeFocusAreas(tx, row!.id, changes.focusAreas ?? []);
    const after = priorityJson(tx, partnership.code, row!.id);
    const result = tx.select().from(t.priorities).where(eq(t.priorities.id, row!.id)).get()!;
    return { changed: JSON.stringify(before) !== JSON.stringify(after), subject: after.id, before, after, result };
  }).result;
}

/**
 * Withdraws a priority: it is kept (status WITHDRAWN, with the time) and stays in the audit
 * trail, but it is no longer served among the partnership's priorities.
 */
export function withdrawPriority(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  priorityId: string,
  check: Checker,
  place: string,
): PriorityRow {
  return publishCiting(db, actor, "withdrawPriority", check, (tx) => {
    const row = publishedPriority(tx, partnership, priorityId, check, place);
    check.throwIfAny();
    const before = priorityJson(tx, partnership.code, row!.id);
    tx.update(t.priorities)
      .set({ status: "WITHDRAWN", withdrawnAt: new Date().toISOString() })
      .where(eq(t.priorities.id, row!.id))
      .run();
    const after = priorityJson(tx, partnership.code, row!.id);
    const result = tx.select().from(t.priorities).where(eq(t.priorities.id, row!.id)).get()!;
    return { changed: true, subject: after.id, before, after, result };
  }).result;
}
