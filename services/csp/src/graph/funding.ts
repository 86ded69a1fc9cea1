import { type Funding, publicId } from "@csg/schema";
import type { CspContext } from "./context";

import { money } from "./money";
import { toPeriod } from "./period";
import { rowSource } from "./priority-resolver";
import type { FundingRow } from "../db/schema";

/** A funding line with its allocations, what they add up to and what is left. */
export async function toFunding(context: CspContext, line: FundingRow): Promise<Funding> {
  const { loaders } = context;
  const allocations = await loaders.allocationsByFunding.load(line.id);
  const allocated = allocations.reduce((sum, a) => sum + a.amountPence, 0);
  return {
    id: publicId(context.partnership.code, line.id),
    funder: line.funder,
    label: line.label,
    amount: money(line.amountPence),
    period: line.periodId ? toPeriod(await loaders.period.load(line.periodId)) : null,
    source: rowSource(line),
    allocations: allocations.map((a) => ({
      purpose: a.purpose,
      amount: money(a.amountPence),
      source: rowSource(line),
    })),
    allocated: money(allocated),
    unallocated: money(line.amountPence - allocated),
  };
}
