import { type Checker, checkSource, type Place, within } from "@csg/domain";

export interface FundingFields {
  funder: string;
  label: string;
  amountPence: unknown;
  source: { document: string; locator: string };
  allocations: { purpose: string; amountPence: unknown }[];
}

/** A funding line: who gave it, as printed, whole pence, allocations that do not exceed it. */
export function checkFundingFields(check: Checker, place: Place, line: FundingFields): void {
  check.text(place("funder"), line.funder, { max: 300 });
  check.text(place("label"), line.label, { max: 300 });
  const received = check.count(place("amountPence"), line.amountPence);
  checkSource(check, within(place, "source"), line.source);
  let allocated = 0;
  let counted = true;
  (line.allocations ?? []).forEach((a, j) => {
    check.text(place(`allocations[${j}].purpose`), a.purpose);
    if (check.count(place(`allocations[${j}].amountPence`), a.amountPence)) allocated += a.amountPence as number;
    else counted = false;
  });
  if (received && counted && allocated > (line.amountPence as number)) {
    check.fail(place("allocations"), `allocate ${allocated} pence, more than the ${line.amountPence} received`);
  }
}
