import { csaPriorities, csaSource } from "@csg/schema";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import type { CountyDataset, PopulationRecord } from "./format";
import { loadCountyDataset, loadPopulations } from "./load";

/** Writes the county's reference data into an empty database, in one transaction. */
export function seedCountyDatabase(db: CountyDatabase, dataset: CountyDataset, populations: PopulationRecord[]): void {
  db.transaction((tx) => {
    csaPriorities.forEach((p, position) =>
      tx
        .insert(t.csaPriorities)
        .values({
          id: p.id,
          position,
          title: p.title,
          description: null,
          sourceDocument: csaSource.document,
          sourceLocator: csaSource.locator,
        })
        .run(),
    );
    const { county, board, agreement, team } = dataset;
    tx.insert(t.countyProfile)
      .values({
        id: 1,
        name: county.name,
        onsCode: county.onsCode,
        boardName: board.name,
        boardAbbreviation: board.abbreviation,
        boardChair: board.chair,
        boardDocument: board.source.document,
        boardLocator: board.source.locator,
        agreementTitle: agreement.title,
        agreedBy: agreement.agreedBy,
        agreedIn: agreement.agreedIn,
        agreementDocument: agreement.source.document,
        agreementLocator: agreement.source.locator,
        teamDescription: team.description,
        teamDocument: team.source.document,
        teamLocator: team.source.locator,
        notes: dataset.notes,
      })
      .run();
    board.members.forEach((m, position) =>
      tx
        .insert(t.boardMembers)
        .values({ position, name: m.name, sourceDocument: m.source.document, sourceLocator: m.source.locator })
        .run(),
    );
    dataset.strategicPlanPriorities.forEach((p, position) =>
      tx
        .insert(t.strategicPlanPriorities)
        .values({
          id: p.id,
          position,
          title: p.title,
          description: p.description,
          sourceDocument: p.source.document,
          sourceLocator: p.source.locator,
        })
        .run(),
    );
    team.workstreams.forEach((w, position) =>
      tx
        .insert(t.workstreams)
        .values({
          id: w.id,
          position,
          title: w.title,
          items: w.items,
          sourceDocument: w.source.document,
          sourceLocator: w.source.locator,
        })
        .run(),
    );
    dataset.strategies.forEach((s, position) =>
      tx.insert(t.strategies).values({ position, title: s.title, periodLabel: s.period, document: s.document }).run(),
    );
    for (const p of populations) tx.insert(t.populations).values(p).run();
    for (const period of dataset.periods)
      tx.insert(t.periods)
        .values({ ...period, note: period.note ?? null })
        .run();
    for (const s of dataset.areaStatistics) {
      tx.insert(t.areaStatistics)
        .values({
          area: s.area,
          rowLabel: s.rowLabel,
          categoryId: s.category,
          localLabel: s.localLabel,
          count: s.count,
          periodId: s.period,
          notes: s.notes,
          sourceDocument: s.source.document,
          sourceLocator: s.source.locator,
        })
        .run();
    }
    tx.insert(t.publicationState)
      .values({ id: 1, seededFrom: "county.json, populations.csv", seededAt: new Date().toISOString() })
      .run();
  });
}

/** Seeds a new county database from the project's dataset; leaves a seeded one alone. */
export function ensureCountySeeded(db: CountyDatabase): boolean {
  if (db.select({ id: t.publicationState.id }).from(t.publicationState).get()) return false;
  seedCountyDatabase(db, loadCountyDataset(), loadPopulations());
  return true;
}
