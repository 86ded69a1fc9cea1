import { readFileSync } from "node:fs";

export interface ComparisonGroupEntry {
  id: string;
  name: string;
  description: string;
  source: { document: string; locator: string };
  /** As the source prints them: `<Force> - <CSP>`. */
  members: string[];
}

const file = new URL("../../dataset/comparison-groups.json", import.meta.url);
export const comparisonGroups: readonly ComparisonGroupEntry[] = (
  JSON.parse(readFileSync(file, "utf8")) as { groups: ComparisonGroupEntry[] }
).groups;

/** A member `<Force> - <CSP>` split into its force and CSP name (CSP names may hold " - " themselves: split at the first). */
export function memberParts(member: string): { force: string; csp: string } {
  const at = member.indexOf(" - ");
  return at < 0 ? { force: "", csp: member } : { force: member.slice(0, at), csp: member.slice(at + 3) };
}
