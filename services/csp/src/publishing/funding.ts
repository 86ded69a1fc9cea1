/** A partnership's funding lines (with allocations) and its list of partner organisations. */
import { LOCAL_ID, type PartnershipEntry, publicId } from "@csg/schema";
import { type Actor, shortened } from "@csg/service-runtime";
import { asc, eq, max } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import { checkFundingFields } from "../rules/funding";
import {
  type Checker,
  checkPartner,
  checkPeriod,
  type PeriodFields,
  type SourceRecord,
  type Place,
  within,
  type Placed,
  freeId,
  localIdOf,
  periodIdFor,
  periodJson,
  publishCiting,
  slugOf,
} from "@csg/domain";
import type { FundingRow, PartnerRow } from "../db/schema";

export interface FundingLineFields {
  /** A funding line's public id to correct it; absent to record a new line. */
  id?: string | null;
  funder: string;
  label: string;
  amountPence: number;
  period?: PeriodFields | null;
  source: SourceRecord;
  allocations: { purpose: string; amountPence: number }[];
}

function fundingJson(tx: CspDatabase, code: string, id: string) {
  const line = tx.select().from(t.funding).where(eq(t.funding.id, id)).get()!;
  const period = line.periodId ? tx.select().from(t.periods).where(eq(t.periods.id, line.periodId)).get() : undefined;
  const allocations = tx
    .select()
    .from(t.fundingAllocations)
    .where(eq(t.fundingAllocations.fundingId, id))
    .orderBy(asc(t.fundingAllocations.position))
    .all();
  return {
    id: publicId(code, line.id),
    funder: line.funder,
    label: line.label,
    amountPence: line.amountPence,
    period: period ? periodJson(period) : null,
    source: { document: line.sourceDocument, locator: line.sourceLocator },
    allocations: allocations.map((a) => ({ purpose: a.purpose, amountPence: a.amountPence })),
  };
}

/** Records a new funding line, or corrects one by id (its allocations are replaced). */
export function recordFunding(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  input: FundingLineFields,
  check: Checker,
  place: Place,
): FundingRow {
  return publishCiting(db, actor, "recordFunding", check, (tx) => {
    const id = input.id == null ? undefined : localIdOf(partnership.code, input.id, check, place("id"), "funding line");
    if (id !== undefined && !tx.select({ id: t.funding.id }).from(t.funding).where(eq(t.funding.id, id)).get()) {
      check.fail(place("id"), `no funding line ${shortened(String(input.id))}; leave the id out to record a new one`);
    }
    checkFundingFields(check, place, input);
    if (input.period) checkPeriod(check, within(place, "period"), input.period);
    check.throwIfAny();

    const values = {
      funder: input.funder,
      label: input.label,
      amountPence: input.amountPence,
      periodId: input.period ? periodIdFor(tx, input.period) : null,
      sourceDocument: input.source.document,
      sourceLocator: input.source.locator,
    };
    let lineId = id;
    const before = lineId ? fundingJson(tx, partnership.code, lineId) : null;
    if (lineId) {
      tx.update(t.funding).set(values).where(eq(t.funding.id, lineId)).run();
      tx.delete(t.fundingAllocations).where(eq(t.fundingAllocations.fundingId, lineId)).run();
    } else {
      const base = slugOf(`${input.label} ${input.period?.label ?? ""}`);
      lineId = freeId(LOCAL_ID.test(base) ? base : "funding", (c) =>
        Boolean(tx.select({ id: t.funding.id }).from(t.funding).where(eq(t.funding.id, c)).get()),
      );
      const position =
        (tx
          .select({ last: max(t.funding.position) })
          .from(t.funding)
          .get()?.last ?? -1) + 1;
      tx.insert(t.funding)
        .values({ id: lineId, position, ...values })
        .run();
    }
    input.allocations.forEach((a, position) =>
      tx
        .insert(t.fundingAllocations)
        .values({ fundingId: lineId!, position, purpose: a.purpose, amountPence: a.amountPence })
        .run(),
    );
    const after = fundingJson(tx, partnership.code, lineId);
    const result = tx.select().from(t.funding).where(eq(t.funding.id, lineId)).get()!;
    return { changed: JSON.stringify(before) !== JSON.stringify(after), subject: after.id, before, after, result };
  }).result;
}

const partnersJson = (rows: PartnerRow[]) =>
  rows.map((p) => ({ name: p.name, source: { document: p.sourceDocument, locator: p.sourceLocator } }));

/** Replaces the partnership's list of partner organisations, in the order given. */
export function setPartners(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  partners: Placed<{ name: string; source: SourceRecord }>[],
  check: Checker,
): PartnerRow[] {
  return publishCiting(db, actor, "setPartners", check, (tx) => {
    const names = new Set<string>();
    for (const { value, place } of partners) {
      checkPartner(check, place, value);
      check.unique(place("name"), names, value.name, "partner");
    }
    check.throwIfAny();
    const read = () => tx.select().from(t.partners).orderBy(asc(t.partners.position)).all();
    const before = partnersJson(read());
    tx.delete(t.partners).run();
    partners.forEach(({ value }, position) =>
      tx
        .insert(t.partners)
        .values({
          position,
          name: value.name,
          sourceDocument: value.source.document,
          sourceLocator: value.source.locator,
        })
        .run(),
    );
    const result = read();
    const after = partnersJson(result);
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: publicId(partnership.code, "partners"),
      before,
      after,
      result,
    };
  }).result;
}
