import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { setBoardMembers, updateBoard } from "../publishing/board";
import { updateStrategicPlanPriority } from "../publishing/strategic-plan";
import { updateCountyTeam, updateWorkstream } from "../publishing/team";
import {
  BoardChangesInput,
  BoardMemberInput,
  CountyTeamChangesInput,
  StrategicPlanPriorityChangesInput,
  WorkstreamChangesInput,
} from "./county-inputs";
import { COUNTY_WRITE, countyWrite } from "./county-write";
import { createCountyLoaders } from "./loaders";
import {
  boardMemberObject,
  boardObject,
  strategicPlanPriorityObject,
  teamObject,
  workstreamObject,
} from "./reference-data";
import type { CountyRequestContext } from "./request-context";
import { Board, BoardMember, CountyTeam, StrategicPlanPriority, Workstream } from "./types";
import { under } from "@csg/domain";

const UNCHANGED = " A change that changes nothing is not recorded.";

/** The county's writes to its board, the County Council's strategic plan priorities and its team. */
@Resolver()
export class ReferenceDataMutations {
  @Mutation(() => Board, {
    description:
      "Corrects the county board's name, abbreviation, chair or source: only the fields given change." +
      UNCHANGED +
      COUNTY_WRITE,
  })
  async updateBoard(
    @Arg("changes", () => BoardChangesInput, { description: "The fields to change." }) changes: BoardChangesInput,
    @Ctx() context: CountyRequestContext,
  ): Promise<Board> {
    const profile = countyWrite(context, "updateBoard", (actor, check) =>
      updateBoard(context.db, actor, changes, check, under("changes")),
    );
    return boardObject(profile, await createCountyLoaders(context.db).boardMembers());
  }

  @Mutation(() => [BoardMember], {
    description:
      "Replaces the list of the board's member organisations, in the order given (at least one)." +
      UNCHANGED +
      COUNTY_WRITE,
  })
  setBoardMembers(
    @Arg("members", () => [BoardMemberInput], { description: "Every member, in printed order, each with its source." })
    members: BoardMemberInput[],
    @Ctx() context: CountyRequestContext,
  ): BoardMember[] {
    const rows = countyWrite(context, "setBoardMembers", (actor, check) =>
      setBoardMembers(
        context.db,
        actor,
        members.map((value, i) => ({ value, place: under(`members[${i}]`) })),
        check,
      ),
    );
    return rows.map(boardMemberObject);
  }

  @Mutation(() => StrategicPlanPriority, {
    description:
      "Corrects a County Council strategic plan priority's title, description or source (its id is fixed): only the fields given change." +
      UNCHANGED +
      COUNTY_WRITE,
  })
  updateStrategicPlanPriority(
    @Arg("id", () => ID, { description: "The priority's id, e.g. keeping-people-safe." }) id: string,
    @Arg("changes", () => StrategicPlanPriorityChangesInput, { description: "The fields to change." })
    changes: StrategicPlanPriorityChangesInput,
    @Ctx() context: CountyRequestContext,
  ): StrategicPlanPriority {
    const row = countyWrite(context, "updateStrategicPlanPriority", (actor, check) =>
      updateStrategicPlanPriority(context.db, actor, id, changes, check, { id: "id", changes: under("changes") }),
    );
    return strategicPlanPriorityObject(row);
  }

  @Mutation(() => CountyTeam, {
    description:
      "Corrects the county community safety team's description or source: only the fields given change." +
      UNCHANGED +
      COUNTY_WRITE,
  })
  async updateCountyTeam(
    @Arg("changes", () => CountyTeamChangesInput, { description: "The fields to change." })
    changes: CountyTeamChangesInput,
    @Ctx() context: CountyRequestContext,
  ): Promise<CountyTeam> {
    const profile = countyWrite(context, "updateCountyTeam", (actor, check) =>
      updateCountyTeam(context.db, actor, changes, check, under("changes")),
    );
    return teamObject(profile, await createCountyLoaders(context.db).workstreams());
  }

  @Mutation(() => Workstream, {
    description:
      "Corrects a workstream of the county team (its id is fixed): its title, its items (the list replaced) or its source; only the fields given change." +
      UNCHANGED +
      COUNTY_WRITE,
  })
  updateWorkstream(
    @Arg("id", () => ID, { description: "The workstream's id, e.g. asb." }) id: string,
    @Arg("changes", () => WorkstreamChangesInput, { description: "The fields to change." })
    changes: WorkstreamChangesInput,
    @Ctx() context: CountyRequestContext,
  ): Workstream {
    const row = countyWrite(context, "updateWorkstream", (actor, check) =>
      updateWorkstream(context.db, actor, id, changes, check, { id: "id", changes: under("changes") }),
    );
    return workstreamObject(row);
  }
}
