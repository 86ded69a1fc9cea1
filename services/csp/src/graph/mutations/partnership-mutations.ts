import {
  CrimeStatistic,
  CrimeStatisticCorrectionInput,
  CrimeStatisticInput,
  Funding,
  Partner,
  type PartnershipEntry,
  Plan,
  Priority,
  mutationNamespace,
  publicId,
} from "@csg/schema";
import { type Actor, requireScope } from "@csg/service-runtime";
import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { correctStatistics, recordStatistics } from "../../publishing/crime-statistics";
import { recordFunding, setPartners } from "../../publishing/funding";
import { createPlan, createPriority, updatePriority, withdrawPriority } from "../../publishing/priorities";
import type { CspRequestContext } from "../context";
import { toFunding } from "../funding";
import { rowSource } from "../priority-resolver";
import { FundingInput, PartnerInput, PlanInput, PriorityChangesInput, PriorityInput } from "./inputs";
import { PriorityWithdrawal } from "./withdrawal";
import { Checker, under, rejectingBadInput } from "@csg/domain";

const AUTH =
  " Needs the partnership's own bearer token (UNAUTHENTICATED without one, FORBIDDEN with another's); rejected input (BAD_USER_INPUT, each problem with its field) writes nothing. Recorded in the audit trail.";

/**
 * A partnership's writes: `Mutation.<code>` (e.g. `Mutation.charnwood`) returns its own
 * namespace type, whose fields are the writes. Federation routes by field, so the writes
 * reach only the partnership's own subgraph; names derive from the registry entry.
 */
export function partnershipMutations(entry: PartnershipEntry) {
  const names = mutationNamespace(entry);

  @ObjectType(names.typeName, { description: `The writes of ${entry.name}, served by its own subgraph.` })
  class PartnershipMutations {}

  /** Authorises, checks and runs one write; loaders are cleared so later fields read what was written. */
  function write<T>(context: CspRequestContext, operation: string, run: (actor: Actor, check: Checker) => T): T {
    const actor = requireScope(context.caller(), [entry.code], `writing ${entry.name}'s data`);
    const result = rejectingBadInput(() => run(actor, new Checker(`${names.field}.${operation}`)));
    for (const loader of Object.values(context.loaders)) loader.clearAll();
    return result;
  }

  @Resolver(() => PartnershipMutations)
  class PartnershipMutationsResolver {
    @Mutation(() => PartnershipMutations, {
      name: names.field,
      description: `${entry.name}'s writes: its priorities, figures, funding and partners. Each write needs its token.`,
    })
    namespace(): object {
      return {};
    }

    @FieldResolver(() => Plan, {
      description: "Publishes a plan: a set of priorities for one period, with its themes." + AUTH,
    })
    createPlan(@Arg("input", () => PlanInput) input: PlanInput, @Ctx() context: CspRequestContext) {
      return write(context, "createPlan", (actor, check) =>
        createPlan(context.db, actor, entry, input, check, under("input")),
      );
    }

    @FieldResolver(() => Priority, {
      description:
        "Publishes a new priority in one of its plans, with its theme, focus areas and declared CSA alignment." + AUTH,
    })
    createPriority(@Arg("input", () => PriorityInput) input: PriorityInput, @Ctx() context: CspRequestContext) {
      return write(context, "createPriority", (actor, check) =>
        createPriority(context.db, actor, entry, input, check, under("input")),
      );
    }

    @FieldResolver(() => Priority, {
      description:
        "Corrects a priority: only the fields given change. A change that changes nothing is not recorded." + AUTH,
    })
    updatePriority(
      @Arg("id", () => ID, { description: "The priority's id as served." }) id: string,
      @Arg("changes", () => PriorityChangesInput) changes: PriorityChangesInput,
      @Ctx() context: CspRequestContext,
    ) {
      return write(context, "updatePriority", (actor, check) =>
        updatePriority(context.db, actor, entry, id, changes, check, { id: "id", changes: under("changes") }),
      );
    }

    @FieldResolver(() => PriorityWithdrawal, {
      description:
        "Withdraws a priority: it is kept, with the time, in the data and the audit trail, but no longer served among the priorities." +
        AUTH,
    })
    withdrawPriority(
      @Arg("id", () => ID, { description: "The priority's id as served." }) id: string,
      @Ctx() context: CspRequestContext,
    ): PriorityWithdrawal {
      return write(context, "withdrawPriority", (actor, check) => {
        const row = withdrawPriority(context.db, actor, entry, id, check, "id");
        return { id: publicId(entry.code, row.id), title: row.title, withdrawnAt: row.withdrawnAt! };
      });
    }

    @FieldResolver(() => [CrimeStatistic], {
      description:
        "Records new partnership-wide counts, all or none. A count for a category, period and source already recorded is rejected: correct it with correctCrimeStatistics." +
        AUTH,
    })
    recordCrimeStatistics(
      @Arg("statistics", () => [CrimeStatisticInput]) statistics: CrimeStatisticInput[],
      @Ctx() context: CspRequestContext,
    ) {
      return write(context, "recordCrimeStatistics", (actor, check) =>
        recordStatistics(
          context.db,
          actor,
          entry,
          statistics.map((value, i) => ({ value, place: under(`statistics[${i}]`) })),
          check,
        ),
      );
    }

    @FieldResolver(() => [CrimeStatistic], { description: "Corrects recorded counts by id, all or none." + AUTH })
    correctCrimeStatistics(
      @Arg("corrections", () => [CrimeStatisticCorrectionInput]) corrections: CrimeStatisticCorrectionInput[],
      @Ctx() context: CspRequestContext,
    ) {
      return write(context, "correctCrimeStatistics", (actor, check) =>
        correctStatistics(
          context.db,
          actor,
          entry,
          corrections.map((value, i) => ({ value, place: under(`corrections[${i}]`) })),
          check,
        ),
      );
    }

    @FieldResolver(() => Funding, {
      description: "Records a funding line, or corrects one (given its id); its allocations are replaced." + AUTH,
    })
    async recordFunding(
      @Arg("input", () => FundingInput) input: FundingInput,
      @Ctx() context: CspRequestContext,
    ): Promise<Funding> {
      const line = write(context, "recordFunding", (actor, check) =>
        recordFunding(context.db, actor, entry, input, check, under("input")),
      );
      return toFunding(context, line);
    }

    @FieldResolver(() => [Partner], {
      description: "Replaces its list of partner organisations, in the order given." + AUTH,
    })
    setPartners(
      @Arg("partners", () => [PartnerInput]) partners: PartnerInput[],
      @Ctx() context: CspRequestContext,
    ): Partner[] {
      return write(context, "setPartners", (actor, check) =>
        setPartners(
          context.db,
          actor,
          entry,
          partners.map((value, i) => ({ value, place: under(`partners[${i}]`) })),
          check,
        ).map((row) => ({ name: row.name, source: rowSource(row) })),
      );
    }
  }

  return { PartnershipMutations, PartnershipMutationsResolver };
}
