import { quoted } from "@csg/service-runtime";
import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { POLICE_UK_CATEGORY } from "../classification/offence-categories";
import { type ComparedArea, rankWithin } from "../comparison/national-comparison";
import { nameKey } from "../reference/area-names";
import { onsNameOf } from "../reference/home-office-names";
import { comparisonGroups, memberParts } from "../reference/comparison-groups";
import { category, comparisonFor } from "./arguments";
import type { NationalContext } from "./context";
import { financialYearPeriod, monthPeriod } from "./periods";
import { comparisonComplete, rowOf } from "./rows";
import {
  ComparisonGroup,
  ComparisonGroupPosition,
  NationalComparison,
  NationalComparisonRow,
  NationalPartnership,
  PoliceUkMonth,
  PoliceUkMonthlyCount,
} from "./types";

function groupOf(id: string) {
  const group = comparisonGroups.find((g) => g.id === id);
  if (!group)
    throw new GraphQLError(
      `Unknown comparison group ${quoted(id)}; known: ${comparisonGroups.map((g) => g.id).join(", ")}`,
      { extensions: { code: "BAD_USER_INPUT" } },
    );
  return group;
}

@Resolver(() => NationalComparison)
export class NationalComparisonResolver {
  @Query(() => NationalComparison, {
    description:
      "Every CSP in England and Wales ranked on one category in one financial year, from the Home Office's police recorded crime tables by CSP (rank 1 = highest count). SAMPLE DATA until a real table is imported (`pnpm national:import`): see sampleData. A partnership's own published figures are in its crimeStatistics, never replaced by these.",
  })
  nationalComparison(
    @Arg("category", () => ID, { description: "A category id of the taxonomy, e.g. all-crime." }) categoryId: string,
    @Arg("financialYear", () => String, { description: "As the Home Office prints it, e.g. 2019/20." })
    financialYear: string,
    @Ctx() context: NationalContext,
  ): NationalComparison {
    const comparison = comparisonFor(context, categoryId, financialYear);
    return {
      category: category(categoryId),
      financialYear,
      period: financialYearPeriod(financialYear),
      mapped: comparison.mapping !== null,
      definition: comparison.mapping?.definition ?? null,
      unmappedReason: comparison.unmappedReason,
      complete: comparisonComplete(comparison),
      quartersHeld: comparison.quartersHeld,
      rows: comparison.rows.map((r) => rowOf(comparison, r)),
      unassigned: comparison.unassigned.map((r) => rowOf(comparison, r)),
      sources: comparison.sources.map((s) => ({ document: s.document, locator: s.locator })),
      populationSources: comparison.populationSources,
      sampleData: comparison.sources.some((s) => s.sample) || comparison.samplePopulations,
      comparisonKey: { category: categoryId, financialYear },
    };
  }

  @FieldResolver(() => ComparisonGroupPosition, {
    description: "The members of a comparison group (e.g. leicester-msg) ranked within the group.",
  })
  group(
    @Root() root: NationalComparison,
    @Arg("id", () => ID, { description: "The group's id (see nationalComparisonGroups)." }) id: string,
    @Ctx() context: NationalContext,
  ): ComparisonGroupPosition {
    const group = groupOf(id);
    const comparison = context.comparison(root.comparisonKey.category, root.comparisonKey.financialYear);
    const members: { member: string; area: ComparedArea }[] = [];
    const missingMembers: string[] = [];
    for (const member of group.members) {
      const { force, csp } = memberParts(member);
      const key = nameKey(onsNameOf(csp));
      const area = comparison.rows.find((r) => nameKey(r.name) === key && (force === "" || r.policeForce === force));
      if (area) members.push({ member, area });
      else missingMembers.push(member);
    }
    const ranked = rankWithin(members.map((m) => m.area));
    const rows = members
      .map((m, i) => ({
        member: m.member,
        row: rowOf(comparison, m.area),
        rank: ranked[i].rank,
        rankByRate: ranked[i].rankByRate,
      }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.member.localeCompare(b.member));
    return { group: { ...group }, rows, missingMembers };
  }

  @Query(() => [ComparisonGroup], {
    description: "The comparison groups the partnerships' own documents publish, usable with NationalComparison.group.",
  })
  nationalComparisonGroups(): ComparisonGroup[] {
    return comparisonGroups.map((g) => ({ ...g }));
  }

  @Query(() => [PoliceUkMonth], {
    description:
      "The police.uk months held, by force: totals and rows with no location (unplaced). SAMPLE DATA until a real file is imported.",
  })
  policeUkMonths(@Ctx() context: NationalContext): PoliceUkMonth[] {
    const rows = context.sqlite
      .prepare(
        `select m.month, m.force, m.district, m.crime_type as crimeType, m.count, d.file_name as document, d.sample
         from monthly_counts m join documents d on d.id = m.document_id order by m.month, m.force, m.crime_type`,
      )
      .all() as {
      month: string;
      force: string;
      district: string;
      crimeType: string;
      count: number;
      document: string;
      sample: number;
    }[];
    const months = new Map<string, PoliceUkMonth>();
    for (const r of rows) {
      const key = `${r.month}\u0000${r.force}`;
      const source = { document: r.document, locator: `${r.month} ${r.force}` };
      let month = months.get(key);
      if (!month)
        months.set(
          key,
          (month = {
            month: r.month,
            force: r.force,
            total: 0,
            unplaced: 0,
            unplacedByCrimeType: [],
            source,
            sampleData: r.sample === 1,
          }),
        );
      month.total += r.count;
      if (r.district === "") {
        month.unplaced += r.count;
        month.unplacedByCrimeType.push(monthlyCount(r.month, r.crimeType, r.count, source, r.sample === 1));
      }
    }
    return [...months.values()];
  }
}

function monthlyCount(
  month: string,
  crimeType: string,
  count: number,
  source: { document: string; locator: string },
  sample: boolean,
): PoliceUkMonthlyCount {
  const categoryId = POLICE_UK_CATEGORY[crimeType];
  return {
    month,
    period: monthPeriod(month),
    crimeType,
    category: categoryId ? category(categoryId) : null,
    count,
    source,
    sampleData: sample,
  };
}

@Resolver(() => NationalComparisonRow)
export class NationalComparisonRowResolver {
  @FieldResolver(() => NationalPartnership, {
    nullable: true,
    description:
      "The federation's partnership for this CSP; null for a CSP outside this federation and for Unassigned rows.",
  })
  partnership(@Root() row: NationalComparisonRow): NationalPartnership | null {
    return row.partnershipCode ? { code: row.partnershipCode } : null;
  }
}

@Resolver(() => NationalPartnership)
export class NationalPartnershipResolver {
  @FieldResolver(() => NationalComparisonRow, {
    nullable: true,
    description:
      "This partnership's row of nationalComparison (its ranks nationally and within its force); null when the Home Office table holds no row for it that year. SAMPLE DATA until a real table is imported.",
  })
  nationalPosition(
    @Root() partnership: NationalPartnership,
    @Arg("category", () => ID, { description: "A category id, e.g. all-crime." }) categoryId: string,
    @Arg("financialYear", () => String, { description: "E.g. 2019/20." }) financialYear: string,
    @Ctx() context: NationalContext,
  ): NationalComparisonRow | null {
    const comparison = comparisonFor(context, categoryId, financialYear);
    const area = comparison.rows.find((r) => r.partnership === partnership.code);
    return area ? rowOf(comparison, area) : null;
  }

  @FieldResolver(() => [PoliceUkMonthlyCount], {
    description:
      "police.uk's monthly counts for the partnership's districts, by month and crime type (anti-social behaviour included), oldest first. A month not held means no data, not zero. SAMPLE DATA until a real file is imported.",
  })
  policeUkMonthly(
    @Root() partnership: NationalPartnership,
    @Arg("crimeType", () => String, {
      nullable: true,
      description: "One police.uk crime type, e.g. Anti-social behaviour; all when absent.",
    })
    crimeType: string | null,
    @Ctx() context: NationalContext,
  ): PoliceUkMonthlyCount[] {
    const rows = context.sqlite
      .prepare(
        `select m.month, m.force, m.crime_type as crimeType, sum(m.count) as count, d.file_name as document, d.sample
         from monthly_counts m join areas a on a.id = m.area_id join documents d on d.id = m.document_id
         where a.partnership = ? and (? is null or m.crime_type = ?)
         group by m.month, m.force, m.crime_type, d.id order by m.month, m.crime_type`,
      )
      .all(partnership.code, crimeType, crimeType) as {
      month: string;
      force: string;
      crimeType: string;
      count: number;
      document: string;
      sample: number;
    }[];
    return rows.map((r) =>
      monthlyCount(
        r.month,
        r.crimeType,
        r.count,
        { document: r.document, locator: `${r.month} ${r.force}` },
        r.sample === 1,
      ),
    );
  }
}
