import {
  AlignmentBasis,
  type CsaAlignment,
  type EvidenceKind,
  Priority,
  type Source,
  sourceOf,
  publicId,
} from "@csg/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CspContext } from "./context";

import { toPeriod } from "./period";
import { suggestAlignment } from "@csg/domain";
import type { PriorityRow, ThemeRow } from "../db/schema";

/** The source a stored row names in its source columns. */
export function rowSource(row: { sourceDocument: string; sourceLocator: string }): Source {
  return sourceOf(row.sourceDocument, row.sourceLocator);
}

export function toTheme(context: CspContext, row: ThemeRow) {
  return {
    id: publicId(context.partnership.code, row.id),
    title: row.title,
    description: row.description,
    source: rowSource(row),
  };
}

@Resolver(() => Priority)
export class PriorityResolver {
  @FieldResolver()
  id(@Root() row: PriorityRow, @Ctx() context: CspContext): string {
    return publicId(context.partnership.code, row.id);
  }

  @FieldResolver()
  source(@Root() row: PriorityRow): Source {
    return rowSource(row);
  }

  @FieldResolver()
  async theme(@Root() row: PriorityRow, @Ctx() context: CspContext) {
    return row.themeId ? toTheme(context, await context.loaders.theme.load(row.themeId)) : null;
  }

  @FieldResolver()
  async period(@Root() row: PriorityRow, @Ctx() { loaders }: CspContext) {
    const plan = await loaders.plan.load(row.planId);
    return toPeriod(await loaders.period.load(plan.periodId));
  }

  @FieldResolver()
  async focusAreas(@Root() row: PriorityRow, @Ctx() { loaders }: CspContext) {
    return (await loaders.focusAreasByPriority.load(row.id)).map((area) => ({
      text: area.text,
      details: area.details,
      source: rowSource(row),
    }));
  }

  /** Declared alignment is the partnership's last word; only undeclared priorities get suggestions. */
  @FieldResolver()
  async csaAlignment(@Root() row: PriorityRow, @Ctx() { loaders }: CspContext): Promise<CsaAlignment[]> {
    if (row.declaredAlignment) {
      return row.declaredAlignment.map((id) => ({
        priority: { id },
        basis: AlignmentBasis.DECLARED,
        score: null,
        evidence: [],
      }));
    }
    const focusAreas = await loaders.focusAreasByPriority.load(row.id);
    return suggestAlignment({ title: row.title, description: row.description, focusAreas, notes: row.notes }).map(
      (s) => ({
        priority: { id: s.csaPriorityId },
        basis: AlignmentBasis.SUGGESTED,
        score: s.score,
        evidence: s.evidence.map((e) => ({ ...e, kind: e.kind as EvidenceKind })),
      }),
    );
  }
}
