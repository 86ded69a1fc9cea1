/** The years the Home Office tables hold, and a partnership's position in each: what a dashboard's year picker and trend need. */
import { sourceOf } from "@csg/schema";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { HeldFinancialYear } from "../comparison/financial-years";
import { category } from "./arguments";
import type { NationalContext } from "./context";
import { NationalFinancialYear, NationalYearPosition } from "./financial-year-types";
import { financialYearPeriod } from "./periods";
import { comparisonComplete, rowOf } from "./rows";
import { NationalPartnership } from "./types";

/** Only a source's document and locator are served from what the store holds. */
const servedSource = (held: { document: string; locator: string }) => sourceOf(held.document, held.locator);

function yearOf(held: HeldFinancialYear): NationalFinancialYear {
  return {
    financialYear: held.financialYear,
    period: financialYearPeriod(held.financialYear),
    quartersHeld: held.quartersHeld,
    complete: held.complete,
    sampleData: held.sources.some((s) => s.sample),
    sources: held.sources.map(servedSource),
  };
}

@Resolver(() => NationalFinancialYear)
export class NationalFinancialYearResolver {
  @Query(() => [NationalFinancialYear], {
    description:
      "The financial years the Home Office's CSP tables hold, oldest first, each with the quarters held and whether it is complete: the years to offer for nationalComparison and nationalPosition. Empty until a table is imported. SAMPLE DATA until a real table is imported: see sampleData.",
  })
  nationalFinancialYears(@Ctx() context: NationalContext): NationalFinancialYear[] {
    return context.financialYears().map(yearOf);
  }
}

@Resolver(() => NationalPartnership)
export class NationalPartnershipYearsResolver {
  @FieldResolver(() => [NationalYearPosition], {
    nullable: true,
    description:
      "This partnership's national position in every financial year held (nationalFinancialYears), oldest first: its row with the number of CSPs ranked, so \"rank 57 of 300\" can be shown. The Home Office's figures, never the partnership's own published ones. SAMPLE DATA until a real table is imported.",
  })
  nationalPositions(
    @Root() partnership: NationalPartnership,
    @Arg("category", () => ID, { description: "A category id, e.g. all-crime." }) categoryId: string,
    @Ctx() context: NationalContext,
  ): NationalYearPosition[] {
    const compared = category(categoryId);
    // Each year's comparison is computed once per data version and shared by every partnership asked for.
    return context.financialYears().map((held) => {
      const comparison = context.comparison(categoryId, held.financialYear);
      const area = comparison.rows.find((r) => r.partnership === partnership.code);
      return {
        financialYear: held.financialYear,
        period: financialYearPeriod(held.financialYear),
        category: compared,
        mapped: comparison.mapping !== null,
        unmappedReason: comparison.unmappedReason,
        quartersHeld: held.quartersHeld,
        complete: comparison.mapping ? comparisonComplete(comparison) : held.complete,
        row: area ? rowOf(comparison, area) : null,
        groupSize: comparison.rows.filter((r) => r.rank !== null).length,
        groupSizeByRate: comparison.rows.filter((r) => r.rankByRate !== null).length,
        sampleData: held.sources.some((s) => s.sample) || comparison.samplePopulations,
        sources: held.sources.map(servedSource),
        populationSources: comparison.populationSources.map(servedSource),
      };
    });
  }
}
