import { AlignmentBasis, CsaPriority } from "@csg/schema";
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root } from "type-graphql";
import {
  type CoverageCell,
  coverageCell,
  type CurrentPriorities,
  localPriorities,
  uncoveredCsaPriorities,
} from "../analysis/coverage";
import { matchesPriority } from "../analysis/priority-search";
import type { PartnershipReading } from "../partnership-client/publications";
import { ALL_PRIORITIES, CURRENT_PRIORITIES } from "../partnership-client/reader";
import { CountyAlignment, type CoverageStatus, CsaCoverage, PrioritySearch } from "./alignment-types";
import { checkCsaPriority, checkSearchText } from "./analysis-arguments";
import type { CountyContext } from "./loaders";
import { partnershipObject } from "./partnership-types";
import { County } from "./types";

@ArgsType()
class PrioritySearchArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Words that must all appear in the priority, its focus areas or its theme (case ignored); at most 200 characters and 20 words.",
  })
  text?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only priorities that serve this CSA priority, e.g. domestic-abuse.",
  })
  csaPriority?: string | null;

  @Field(() => AlignmentBasis, { nullable: true, description: "With csaPriority: only alignments of this basis." })
  basis?: AlignmentBasis | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Only the partnerships' current priorities (their most recent plan's).",
  })
  currentOnly!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Only the county's district partnerships." })
  countyBoardMembersOnly!: boolean;
}

function currentPriorities(reading: PartnershipReading): CurrentPriorities {
  return { partnership: reading.partnership, current: reading.publications?.currentPriorities ?? null };
}

function toCoverage(cell: CoverageCell): CsaCoverage {
  return {
    csaPriority: { id: cell.csaPriorityId },
    partnership: partnershipObject(cell.partnership),
    status: cell.status as CoverageStatus,
    priorities: cell.priorities,
    bases: cell.bases as AlignmentBasis[],
    period: cell.period,
  };
}

/** Which county board members' current priorities serve each CSA priority. */
@Resolver(() => CsaPriority)
export class CsaCoverageResolver {
  @FieldResolver(() => [CsaCoverage], {
    description:
      "For each county board member, in registry order: whether its current priorities (its most recent plan's) serve this CSA priority, and which do. Read from the partnerships' own subgraphs on every query.",
  })
  async coverage(@Root() ref: { id: string }, @Ctx() { partnerships: reader }: CountyContext): Promise<CsaCoverage[]> {
    const members = await reader.readMembers(CURRENT_PRIORITIES);
    return members.map((reading) => toCoverage(coverageCell(ref.id, currentPriorities(reading))));
  }
}

@Resolver(() => County)
export class CountyAlignmentResolver {
  @FieldResolver(() => CountyAlignment, {
    description:
      "The county board members' current priorities against the Community Safety Agreement: coverage per partnership, gaps, and local priorities that serve no CSA priority.",
  })
  async alignment(@Ctx() { loaders, partnerships: reader }: CountyContext): Promise<CountyAlignment> {
    const csaIds = (await loaders.csaPriorities()).map((p) => p.id);
    const members = (await reader.readMembers(CURRENT_PRIORITIES)).map(currentPriorities);
    return {
      partnerships: members.map((member) => {
        const cells = csaIds.map((id) => coverageCell(id, member));
        return {
          partnership: partnershipObject(member.partnership),
          available: member.current !== null,
          period: member.current?.[0]?.period ?? null,
          coverage: cells.map(toCoverage),
          localPriorities: localPriorities(member.current ?? []),
          gaps: cells.filter((c) => c.status === "NOT_COVERED").map((c) => ({ id: c.csaPriorityId })),
        };
      }),
      uncoveredCsaPriorities: uncoveredCsaPriorities(csaIds, members).map((id) => ({ id })),
      complete: members.every((m) => m.current !== null),
      unavailablePartnerships: members.filter((m) => m.current === null).map((m) => partnershipObject(m.partnership)),
    };
  }

  @FieldResolver(() => PrioritySearch, {
    description:
      "Searches every partnership's published priorities by text and by the CSA priority they serve (e.g. which partnerships prioritise domestic abuse), each with its partnership, theme and period.",
  })
  async prioritySearch(
    @Ctx() { partnerships: reader }: CountyContext,
    @Args(() => PrioritySearchArgs) {
      text,
      csaPriority,
      basis,
      currentOnly,
      countyBoardMembersOnly,
    }: PrioritySearchArgs,
  ): Promise<PrioritySearch> {
    checkCsaPriority("prioritySearch", "csaPriority", csaPriority);
    checkSearchText("prioritySearch", "text", text);
    const readings = await reader.readAll(countyBoardMembersOnly, ALL_PRIORITIES);
    const matches = readings.flatMap(({ partnership, publications }) => {
      if (!publications) return [];
      const current = new Set(publications.currentPriorities.map((p) => p.id));
      return publications.priorities
        .filter(
          (p) => (!currentOnly || current.has(p.id)) && matchesPriority(p, { text, csaPriorityId: csaPriority, basis }),
        )
        .map((priority) => ({
          partnership: partnershipObject(partnership),
          priority,
          theme: priority.theme ?? null,
          period: priority.period,
          current: current.has(priority.id),
          alignment: csaPriority ? (priority.csaAlignment.find((a) => a.priority.id === csaPriority) ?? null) : null,
        }));
    });
    const unavailable = readings.filter((r) => !r.publications);
    return {
      matches,
      complete: unavailable.length === 0,
      unavailablePartnerships: unavailable.map((r) => partnershipObject(r.partnership)),
    };
  }
}
