/** A shape several panels share, taken from the schema's types (generated/schema.ts), and how a partnership is named. */
import type { CsaAlignment } from "./generated/schema";

/** What alignmentText shows of a priority's alignment with a CSA priority, whichever query read it. */
export type Alignment = Pick<CsaAlignment, "basis" | "score" | "evidence">;

/** "Charnwood Community Safety Partnership" as "Charnwood". */
export function shortName(name: string): string {
  return (
    name
      .replace(/\s*(Community Safety )?Partnership$/i, "")
      .replace(/^Safer\s+/i, "")
      .trim() || name
  );
}
