import type { Money } from "@csg/schema";

/** Exact pounds and pence from an integer number of pence: never through a float. */
export function money(pence: number): Money {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  return { pence, pounds: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`, currency: "GBP" };
}
