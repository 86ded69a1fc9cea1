import type { CspContext } from "./context";
import type { PlanRow } from "../db/schema";

/** The partnership's plans, most recent first: by the start of their period, then its end. */
export async function plansMostRecentFirst({ partnership, loaders }: CspContext): Promise<PlanRow[]> {
  const plans = await loaders.plans.load(partnership.code);
  const periods = await loaders.period.loadMany(plans.map((p) => p.periodId));
  const withPeriod = plans.map((plan, i) => ({ plan, period: periods[i] as { start: string; end: string } }));
  withPeriod.sort((a, b) => b.period.start.localeCompare(a.period.start) || b.period.end.localeCompare(a.period.end));
  return withPeriod.map((p) => p.plan);
}

/** The most recent plan: its priorities are the partnership's current priorities. */
export async function currentPlan(context: CspContext): Promise<PlanRow | undefined> {
  return (await plansMostRecentFirst(context))[0];
}
