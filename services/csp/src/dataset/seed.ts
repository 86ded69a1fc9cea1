import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import type { CrimeStatisticRecord, CspDataset } from "./format";

function insertStatistics(tx: CspDatabase, records: CrimeStatisticRecord[], areaId: string | null): void {
  for (const record of records) {
    const [row] = tx
      .insert(t.crimeStatistics)
      .values({
        areaId,
        categoryId: record.category,
        localLabel: record.localLabel,
        count: record.count,
        periodId: record.period,
        notes: record.notes ?? [],
        sourceDocument: record.source.document,
        sourceLocator: record.source.locator,
      })
      .returning({ id: t.crimeStatistics.id })
      .all();
    (record.alsoPublishedIn ?? []).forEach((source, position) =>
      tx
        .insert(t.statisticSources)
        .values({ statisticId: row.id, position, ...source })
        .run(),
    );
  }
}

/** Writes a checked dataset into an empty partnership database, all in one transaction. */
export function seedCspDatabase(db: CspDatabase, dataset: CspDataset, seededFrom: string): void {
  db.transaction((tx) => {
    for (const period of dataset.periods)
      tx.insert(t.periods)
        .values({ ...period, note: period.note ?? null })
        .run();

    dataset.plans.forEach((plan, position) => {
      tx.insert(t.plans)
        .values({
          id: plan.id,
          position,
          title: plan.title,
          periodId: plan.period,
          notes: plan.notes ?? [],
          sourceDocument: plan.source.document,
          sourceLocator: plan.source.locator,
        })
        .run();
      plan.themes.forEach((theme, i) =>
        tx
          .insert(t.themes)
          .values({
            id: theme.id,
            planId: plan.id,
            position: i,
            title: theme.title,
            description: theme.description ?? null,
            sourceDocument: theme.source.document,
            sourceLocator: theme.source.locator,
          })
          .run(),
      );
      plan.priorities.forEach((priority, i) => {
        tx.insert(t.priorities)
          .values({
            id: priority.id,
            planId: plan.id,
            themeId: priority.theme ?? null,
            position: i,
            ref: priority.ref ?? null,
            title: priority.title,
            description: priority.description ?? null,
            crossCutting: priority.crossCutting ?? false,
            mandatory: priority.mandatory ?? false,
            notes: priority.notes ?? [],
            declaredAlignment: priority.declaredAlignment ?? null,
            sourceDocument: priority.source.document,
            sourceLocator: priority.source.locator,
          })
          .run();
        (priority.focusAreas ?? []).forEach((area, k) =>
          tx
            .insert(t.focusAreas)
            .values({ priorityId: priority.id, position: k, text: area.text, details: area.details ?? [] })
            .run(),
        );
      });
    });

    insertStatistics(tx, dataset.crimeStatistics, null);
    dataset.areas.forEach((area, position) => {
      tx.insert(t.areas)
        .values({
          id: area.id,
          position,
          name: area.name,
          kind: area.kind,
          localLabel: area.localLabel,
          sourceDocument: area.source.document,
          sourceLocator: area.source.locator,
        })
        .run();
      insertStatistics(tx, area.crimeStatistics, area.id);
    });

    dataset.targets.forEach((target, position) =>
      tx
        .insert(t.targets)
        .values({
          id: target.id,
          position,
          categoryId: target.category,
          localLabel: target.localLabel,
          direction: target.direction,
          baselinePeriodId: target.baselinePeriod,
          targetPeriodId: target.targetPeriod,
          sourceDocument: target.source.document,
          sourceLocator: target.source.locator,
        })
        .run(),
    );

    dataset.funding.forEach((line, position) => {
      tx.insert(t.funding)
        .values({
          id: line.id,
          position,
          funder: line.funder,
          label: line.label,
          amountPence: line.amountPence,
          periodId: line.period ?? null,
          sourceDocument: line.source.document,
          sourceLocator: line.source.locator,
        })
        .run();
      line.allocations.forEach((allocation, i) =>
        tx
          .insert(t.fundingAllocations)
          .values({ fundingId: line.id, position: i, ...allocation })
          .run(),
      );
    });

    dataset.partners.forEach((partner, position) =>
      tx
        .insert(t.partners)
        .values({
          position,
          name: partner.name,
          sourceDocument: partner.source.document,
          sourceLocator: partner.source.locator,
        })
        .run(),
    );

    dataset.familyGroups.forEach((group, position) => {
      const id = `family-group-${position + 1}`;
      tx.insert(t.familyGroups)
        .values({
          id,
          position,
          name: group.name,
          members: group.members,
          membersDocument: group.membersSource.document,
          membersLocator: group.membersSource.locator,
          positionsDocument: group.positionsSource.document,
          positionsLocator: group.positionsSource.locator,
        })
        .run();
      group.positions.forEach((p, i) =>
        tx
          .insert(t.familyGroupPositions)
          .values({
            familyGroupId: id,
            position: i,
            categoryId: p.category,
            localLabel: p.localLabel,
            rank: p.position,
            groupSize: p.groupSize,
            asAt: p.asAt,
          })
          .run(),
      );
    });

    dataset.rateTables.forEach((table, position) => {
      tx.insert(t.rateTables)
        .values({
          id: table.id,
          position,
          title: table.title,
          measure: table.measure,
          categoryId: table.category,
          periodIds: table.periods,
          notes: table.notes ?? [],
          sourceDocument: table.source.document,
          sourceLocator: table.source.locator,
        })
        .run();
      table.rows.forEach((row, i) =>
        tx
          .insert(t.rateTableRows)
          .values({
            rateTableId: table.id,
            position: i,
            name: row.name,
            self: row.self ?? false,
            average: row.average ?? false,
            values: row.values,
          })
          .run(),
      );
    });

    tx.insert(t.publicationState)
      .values({ id: 1, seededFrom, seededAt: new Date().toISOString(), lastPublishedAt: null })
      .run();
  });
}
