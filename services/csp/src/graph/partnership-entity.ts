import {
  type FamilyGroup,
  type Funding,
  type Partner,
  type PartnershipEntry,
  PartnershipPublications,
  PeriodSpanInput,
  publicationField,
  type RateTable,
  type RateValue,
  publicId,
} from "@csg/schema";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver } from "type-graphql";
import { crimeCategory } from "@csg/schema";
import type { CspContext } from "./context";
import { currentPlan, plansMostRecentFirst } from "./current-plan";
import { PARTNERSHIP_WIDE } from "./loaders";
import { toFunding } from "./funding";
import { toPeriod } from "./period";
import { rowSource } from "./priority-resolver";
import { rankColumn } from "@csg/domain";
import type { PeriodRow, StatisticRow } from "../db/schema";

/** A reference to the partnership's entity: only its key. */
export interface PartnershipRef {
  code: string;
}

/**
 * The partnership's own entity type (e.g. CharnwoodCsp) and its resolver. One entity type
 * per partnership, because federation routes by type, not by key value.
 */
export function partnershipEntity(entry: PartnershipEntry) {
  @ObjectType(entry.entityTypeName, { description: `${entry.name}: what it publishes, served from its own subgraph.` })
  @Directive('@key(fields: "code")')
  class PartnershipEntity extends PartnershipPublications {
    @Field(() => ID, { description: "The partnership's registry code." })
    code!: string;
  }

  @Resolver(() => PartnershipEntity)
  class PartnershipResolver {
    @FieldResolver(...publicationField("priorities"))
    async priorities(@Ctx() { loaders }: CspContext) {
      return loaders.priorities.load(entry.code);
    }

    @FieldResolver(...publicationField("currentPriorities"))
    async currentPriorities(@Ctx() context: CspContext) {
      const plan = await currentPlan(context);
      return plan ? context.loaders.prioritiesByPlan.load(plan.id) : [];
    }

    @FieldResolver(...publicationField("plans"))
    plans(@Ctx() context: CspContext) {
      return plansMostRecentFirst(context);
    }

    @FieldResolver(...publicationField("crimeStatistics"))
    async crimeStatistics(
      @Ctx() { loaders }: CspContext,
      @Arg("category", () => ID, { nullable: true }) category?: string,
      @Arg("periods", () => [PeriodSpanInput], { nullable: true }) periods?: PeriodSpanInput[],
    ): Promise<StatisticRow[]> {
      const rows = await (category
        ? loaders.statisticsOfCategory.load(category)
        : loaders.statisticsByArea.load(PARTNERSHIP_WIDE));
      if (!periods) return rows;
      // Bounded work for the county's totals: a partnership with 100,000 figures of one category sends the few of the spans asked.
      const wanted = new Set(
        (await loaders.periodIdsOfSpan.loadMany(periods.map((p) => `${p.start} ${p.end}`))).flat(),
      );
      return rows.filter((r) => wanted.has(r.periodId));
    }

    @FieldResolver(...publicationField("areas"))
    areas(@Ctx() { loaders }: CspContext) {
      return loaders.areas.load(entry.code);
    }

    @FieldResolver(...publicationField("targets"))
    targets(@Ctx() { loaders }: CspContext) {
      return loaders.targets.load(entry.code);
    }

    @FieldResolver(...publicationField("funding"))
    async funding(@Ctx() context: CspContext): Promise<Funding[]> {
      const lines = await context.loaders.funding.load(entry.code);
      return Promise.all(lines.map((line) => toFunding(context, line)));
    }

    @FieldResolver(...publicationField("partners"))
    async partners(@Ctx() { loaders }: CspContext): Promise<Partner[]> {
      return (await loaders.partners.load(entry.code)).map((p) => ({ name: p.name, source: rowSource(p) }));
    }

    @FieldResolver(...publicationField("familyGroups"))
    async familyGroups(@Ctx() { loaders }: CspContext): Promise<FamilyGroup[]> {
      const groups = await loaders.familyGroups.load(entry.code);
      return Promise.all(
        groups.map(async (group) => {
          const positionsSource = { document: group.positionsDocument, locator: group.positionsLocator };
          return {
            name: group.name,
            members: group.members,
            membersSource: { document: group.membersDocument, locator: group.membersLocator },
            positionsSource,
            positions: (await loaders.positionsByFamilyGroup.load(group.id)).map((p) => ({
              category: crimeCategory(p.categoryId),
              localLabel: p.localLabel,
              position: p.rank,
              groupSize: p.groupSize,
              asAt: p.asAt,
              source: positionsSource,
            })),
          };
        }),
      );
    }

    @FieldResolver(...publicationField("rateTables"))
    async rateTables(@Ctx() context: CspContext): Promise<RateTable[]> {
      const { loaders } = context;
      const tables = await loaders.rateTables.load(entry.code);
      return Promise.all(
        tables.map(async (table) => {
          const periods = ((await loaders.period.loadMany(table.periodIds)) as PeriodRow[]).map(toPeriod);
          const rows = await loaders.rowsByRateTable.load(table.id);
          const values: RateValue[][] = rows.map(() => []);
          periods.forEach((period, column) => {
            const ranks = rankColumn(rows.map((row) => ({ value: Number(row.values[column]), average: row.average })));
            rows.forEach((row, i) =>
              values[i].push({ period, value: Number(row.values[column]), printed: row.values[column], ...ranks[i] }),
            );
          });
          return {
            id: publicId(context.partnership.code, table.id),
            title: table.title,
            measure: table.measure,
            category: crimeCategory(table.categoryId),
            periods,
            source: rowSource(table),
            rows: rows.map((row, i) => ({
              name: row.name,
              self: row.self,
              average: row.average,
              values: values[i],
              source: rowSource(table),
            })),
            notes: table.notes,
          };
        }),
      );
    }
  }

  const referenceResolvers = {
    [entry.entityTypeName]: {
      __resolveReference: (ref: PartnershipRef) => (ref.code === entry.code ? { code: entry.code } : null),
    },
    // The county owns CSA priorities; this subgraph only refers to them by id.
    CsaPriority: { __resolveReference: (ref: { id: string }) => ref },
  };

  return { PartnershipEntity, PartnershipResolver, referenceResolvers };
}
