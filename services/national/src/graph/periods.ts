/** The periods of the national figures: Home Office financial years and quarters, police.uk months. */
import { type Period, PeriodBasis } from "@csg/schema";

const QUARTER_MONTHS = [
  ["04-01", "06-30"],
  ["07-01", "09-30"],
  ["10-01", "12-31"],
  ["01-01", "03-31"],
];

export function financialYearPeriod(financialYear: string): Period {
  const start = Number(financialYear.slice(0, 4));
  return {
    label: financialYear,
    start: `${start}-04-01`,
    end: `${start + 1}-03-31`,
    basis: PeriodBasis.FINANCIAL_YEAR,
  };
}

export function quarterPeriod(financialYear: string, quarter: number): Period {
  const start = Number(financialYear.slice(0, 4));
  const year = quarter === 4 ? start + 1 : start;
  const [from, to] = QUARTER_MONTHS[quarter - 1];
  return {
    label: `${financialYear} Q${quarter}`,
    start: `${year}-${from}`,
    end: `${year}-${to}`,
    basis: PeriodBasis.PART_YEAR,
    note: "A Home Office financial quarter.",
  };
}

export function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    label: month,
    start: `${month}-01`,
    end: `${month}-${String(last).padStart(2, "0")}`,
    basis: PeriodBasis.PART_YEAR,
    note: "A police.uk month.",
  };
}
