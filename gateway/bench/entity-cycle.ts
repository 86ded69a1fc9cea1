/** The entity cycle through the county and national subgraphs that the planner chokes on (plan-cycles.ts). */
/**
 * `levels` more turns of the cycle after the first (a partnership and its national position):
 * the partnership type appears levels + 1 times on one path.
 */
export function entityCycle(levels: number, shape: Shape = "one"): string {
  let inner = "rank";
  for (let i = 0; i < levels; i++) {
    inner = `rank partnership { code nationalPosition(financialYear: "2019/20", category: "all-crime") { ${inner} } }`;
  }
  const cycle = `nationalPosition(financialYear: "2019/20", category: "all-crime") { ${inner} }`;
  if (shape === "every") return `{ partnerships { code ${cycle} } }`;
  if (shape === "aliases")
    return `{ ${Array.from({ length: 25 }, (_, i) => `p${i}: partnership(code: "charnwood") { ${cycle} }`).join(" ")} }`;
  return `{ partnership(code: "charnwood") { ${cycle} } }`;
}

/** From one partnership, from every partnership (a list of the interface), or 25 aliases of one. */
export type Shape = "one" | "every" | "aliases";
