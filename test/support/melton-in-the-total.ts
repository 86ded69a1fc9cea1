/**
 * Melton's All Crime for 2017/18 as the county totals it (Figure 3 of 002: 2,799; the county
 * 41,325), and the correction of that figure: how the freshness files see a write arrive.
 */
import { expect } from "vitest";
import type { SystemClient } from "./system-client";

const MELTON_IN_THE_TOTAL = `query MeltonInTheTotal { county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") {
  total partnerships { partnership { code } count } } } }`;

/** The county's total and Melton's count in it; `variables` lets a request be unlike any before. */
export async function meltonInTheTotal(
  client: SystemClient,
  variables?: Record<string, unknown>,
): Promise<{ total: number; melton: number }> {
  const { data, errors } = await client.query(MELTON_IN_THE_TOTAL, variables);
  expect(errors).toBeUndefined();
  const total = data.county.crimeTotals;
  return { total: total.total, melton: total.partnerships.find((p: any) => p.partnership.code === "melton").count };
}

/** The public id of Melton's 2017/18 All Crime figure of Figure 3. */
export async function meltonStatisticId(client: SystemClient): Promise<string> {
  const { data } = await client.query(
    `{ partnership(code: "melton") { crimeStatistics(category: "all-crime") { id period { label } source { locator } } } }`,
  );
  return data.partnership.crimeStatistics.find(
    (s: any) => s.period.label === "2017/18" && s.source.locator === "Figure 3",
  ).id;
}

/** Corrects Melton's figures (with a Melton officer's token). */
export const CORRECT_MELTON = `mutation($corrections: [CrimeStatisticCorrectionInput!]!) { melton { correctCrimeStatistics(corrections: $corrections) { id count } } }`;
