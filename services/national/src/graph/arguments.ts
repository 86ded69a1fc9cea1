/** The national fields' arguments, checked: a known category, a financial year as the Home Office prints it. */
import { type CrimeCategory, findCrimeCategory } from "@csg/schema";
import { quoted } from "@csg/service-runtime";
import { GraphQLError } from "graphql";
import { type Comparison, checkFinancialYear } from "../comparison/national-comparison";
import type { NationalContext } from "./context";

export function category(id: string): CrimeCategory {
  const entry = findCrimeCategory(id);
  if (!entry)
    throw new GraphQLError(`Unknown crime category ${quoted(id)}`, { extensions: { code: "BAD_USER_INPUT" } });
  return entry as unknown as CrimeCategory;
}

export function comparisonFor(context: NationalContext, categoryId: string, financialYear: string): Comparison {
  category(categoryId);
  const problem = checkFinancialYear(financialYear);
  if (problem) throw new GraphQLError(problem, { extensions: { code: "BAD_USER_INPUT" } });
  const held = context.financialYears().map((y) => y.financialYear);
  if (!held.includes(financialYear)) {
    const years =
      held.length === 0 ? "none yet (import a Home Office table with pnpm national:import)" : held.join(", ");
    throw new GraphQLError(
      `The Home Office tables held have no figures for ${financialYear}: the financial years held are ${years}.`,
      {
        extensions: { code: "BAD_USER_INPUT", financialYearsHeld: held },
      },
    );
  }
  return context.comparison(categoryId, financialYear);
}
