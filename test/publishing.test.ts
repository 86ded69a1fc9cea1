import { issueToken, revokeToken } from "@csg/operator/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/commands";
import { dumpDatabases, refusedWrite } from "./support/database-dump";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

let t: TestSystem;
let charnwood: string;
let harborough: string;
let county: string;
let charnwoodTokenId: string;

const SOURCE = { document: "charnwood-cso-return-2019.xlsx", locator: "Sheet 1" };
const FY_2019_20 = { label: "2019/20", start: "2019-04-01", end: "2020-03-31", basis: "FINANCIAL_YEAR" };

beforeAll(async () => {
  t = await startTestSystem();
  // Tokens come from the real command: `pnpm tokens issue` prints the token once.
  const { stdout: printed } = await runCommand("services/operator/src/admin/token-cli.ts", [
    "issue",
    "--partnership",
    "charnwood",
    "--label",
    "Charnwood CSO",
    "--data-dir",
    t.dataDir,
  ]);
  charnwood = printed.trim().split("\n").pop()!;
  charnwoodTokenId = /Issued token (\S+) /.exec(printed)![1];
  harborough = issueToken(t.dataDir, "harborough", "Harborough CSP officer").token;
  county = issueToken(t.dataDir, "county", "County community safety team").token;
});
afterAll(() => t?.stop());

/** Runs a write that must be refused, and shows that no database changed at all. */
const refused = (query: string, variables: Record<string, unknown>, token?: string) =>
  refusedWrite(t, query, variables, token);

const RECORD = `mutation($statistics: [CrimeStatisticInput!]!) {
  charnwood { recordCrimeStatistics(statistics: $statistics) { id count localLabel category { id } period { label start end basis } source { document locator } } }
}`;
const CREATE_PRIORITY = `mutation($input: PriorityInput!) {
  charnwood { createPriority(input: $input) { id title theme { title } period { label } focusAreas { text details } csaAlignment { priority { id title } basis } } }
}`;
const AUDIT = `{ partnership(code: "charnwood") { lastPublishedAt auditTrail { id tokenId actor operation subject before after at } } }`;

const figure = (category: string, count: unknown, extra: Record<string, unknown> = {}) => ({
  category,
  localLabel: category === "shoplifting" ? "Shoplifting" : "Robbery",
  count,
  period: FY_2019_20,
  // A document Charnwood has not cited before comes with its title and publisher.
  source: {
    ...SOURCE,
    title: "Charnwood CSO crime return 2019/20",
    publisher: "Charnwood Borough Council",
    published: "2020-05-14",
  },
  ...extra,
});

describe("a partnership publishes through the gateway with its own token", () => {
  it("starts with nothing published since seeding", async () => {
    const { data } = await t.query(`{ partnerships { code lastPublishedAt } }`);
    expect(data.partnerships.every((p: any) => p.lastPublishedAt === null)).toBe(true);
  });

  it("records figures, reads them back, and the audit trail names the token", async () => {
    const { data, errors } = await t.query(
      RECORD,
      { statistics: [figure("shoplifting", 1012), figure("robbery", 81)] },
      charnwood,
    );
    expect(errors).toBeUndefined();
    expect(
      data.charnwood.recordCrimeStatistics.map((s: any) => [s.category.id, s.count, s.period.label, s.source.locator]),
    ).toEqual([
      ["shoplifting", 1012, "2019/20", "Sheet 1"],
      ["robbery", 81, "2019/20", "Sheet 1"],
    ]);

    const read = await t.query(
      `{ partnership(code: "charnwood") { crimeStatistics(category: "shoplifting") { count period { label start end } source { locator } } } }`,
    );
    // The seeded Figure 1 figures are still there, with the new one beside them.
    expect(read.data.partnership.crimeStatistics).toContainEqual({
      count: 994,
      period: { label: "Total Crime as at 31st January 2019", start: "2018-04-01", end: "2019-01-31" },
      source: { locator: "Figure 1" },
    });
    expect(read.data.partnership.crimeStatistics).toContainEqual({
      count: 1012,
      period: { label: "2019/20", start: "2019-04-01", end: "2020-03-31" },
      source: { locator: "Sheet 1" },
    });

    const audit = await t.query(AUDIT, {}, charnwood);
    expect(audit.errors).toBeUndefined();
    const [entry] = audit.data.partnership.auditTrail;
    expect(entry).toMatchObject({
      tokenId: charnwoodTokenId,
      actor: "Charnwood CSO",
      operation: "recordCrimeStatistics",
      before: null,
    });
    expect(JSON.parse(entry.after).map((f: any) => [f.category, f.count])).toEqual([
      ["shoplifting", 1012],
      ["robbery", 81],
    ]);
    expect(entry.subject).toBe(
      JSON.parse(entry.after)
        .map((f: any) => f.id)
        .join(", "),
    );
    expect(audit.data.partnership.lastPublishedAt).toBe(entry.at);
    // The token itself is nowhere in what was stored.
    expect(JSON.stringify(dumpDatabases(t.dataDir))).not.toContain(charnwood.slice(-64));
  });

  it("corrects a figure by id, with before and after in the audit trail", async () => {
    const { data } = await t.query(
      `{ partnership(code: "charnwood") { crimeStatistics(category: "robbery") { id count source { locator } } } }`,
    );
    const robbery = data.partnership.crimeStatistics.find((s: any) => s.source.locator === "Sheet 1");
    const corrected = await t.query(
      `mutation($c: [CrimeStatisticCorrectionInput!]!) { charnwood { correctCrimeStatistics(corrections: $c) { id count } } }`,
      { c: [{ id: robbery.id, count: 84 }] },
      charnwood,
    );
    expect(corrected.data.charnwood.correctCrimeStatistics).toEqual([{ id: robbery.id, count: 84 }]);
    const audit = await t.query(AUDIT, {}, charnwood);
    const [entry] = audit.data.partnership.auditTrail;
    expect(entry.operation).toBe("correctCrimeStatistics");
    expect(JSON.parse(entry.before)[0].count).toBe(81);
    expect(JSON.parse(entry.after)[0].count).toBe(84);
  });

  it("publishes a priority with its theme, focus areas and declared CSA alignment, then corrects and withdraws it", async () => {
    const created = await t.query(
      CREATE_PRIORITY,
      {
        input: {
          plan: "charnwood:priorities-2019-20",
          theme: "Making Communities Safer",
          ref: "Priority 6",
          title: "Reduce shoplifting in Loughborough town centre",
          focusAreas: [{ text: "Work with retailers", details: ["Shop Watch radio scheme"] }],
          declaredAlignment: ["reduce-crime"],
          source: SOURCE,
        },
      },
      charnwood,
    );
    expect(created.errors).toBeUndefined();
    const priority = created.data.charnwood.createPriority;
    expect(priority).toMatchObject({
      title: "Reduce shoplifting in Loughborough town centre",
      theme: { title: "Making Communities Safer" },
      period: { label: "2019/20" },
      focusAreas: [{ text: "Work with retailers", details: ["Shop Watch radio scheme"] }],
    });
    // The county subgraph adds the CSA priority's title: the declared alignment is federated.
    expect(priority.csaAlignment).toEqual([
      { priority: { id: "reduce-crime", title: "Reduce crime and fear of crime" }, basis: "DECLARED" },
    ]);

    const current = async () =>
      (await t.query(`{ partnership(code: "charnwood") { currentPriorities { id title } priorities { id } } }`)).data
        .partnership;
    expect((await current()).currentPriorities.map((p: any) => p.id)).toContain(priority.id);
    expect((await current()).currentPriorities).toHaveLength(6); // the five of 2019/20, and this one

    const updated = await t.query(
      `mutation($id: ID!, $changes: PriorityChangesInput!) { charnwood { updatePriority(id: $id, changes: $changes) { title csaAlignment { priority { id } basis } } } }`,
      {
        id: priority.id,
        changes: { title: "Reduce shoplifting and retail crime", declaredAlignment: ["reduce-crime", "reduce-asb"] },
      },
      charnwood,
    );
    expect(updated.data.charnwood.updatePriority).toEqual({
      title: "Reduce shoplifting and retail crime",
      csaAlignment: [
        { priority: { id: "reduce-crime" }, basis: "DECLARED" },
        { priority: { id: "reduce-asb" }, basis: "DECLARED" },
      ],
    });

    const withdrawn = await t.query(
      `mutation($id: ID!) { charnwood { withdrawPriority(id: $id) { id title withdrawnAt } } }`,
      { id: priority.id },
      charnwood,
    );
    expect(withdrawn.data.charnwood.withdrawPriority).toMatchObject({
      id: priority.id,
      title: "Reduce shoplifting and retail crime",
    });
    const after = await current();
    expect(after.currentPriorities.map((p: any) => p.id)).not.toContain(priority.id);
    expect(after.priorities.map((p: any) => p.id)).not.toContain(priority.id);

    const audit = await t.query(AUDIT, {}, charnwood);
    const [withdrawal, update, creation] = audit.data.partnership.auditTrail;
    expect([withdrawal.operation, update.operation, creation.operation]).toEqual([
      "withdrawPriority",
      "updatePriority",
      "createPriority",
    ]);
    expect(JSON.parse(update.before).title).toBe("Reduce shoplifting in Loughborough town centre");
    expect(JSON.parse(update.after).title).toBe("Reduce shoplifting and retail crime");
    expect(JSON.parse(withdrawal.after)).toMatchObject({
      status: "WITHDRAWN",
      withdrawnAt: withdrawn.data.charnwood.withdrawPriority.withdrawnAt,
    });
  });

  it("publishes a plan for a new period, its funding and its partners", async () => {
    const plan = await t.query(
      `mutation($input: PlanInput!) { charnwood { createPlan(input: $input) { id title current period { label start end basis } themes { title } } } }`,
      {
        input: {
          id: "priorities-2020-21",
          title: "Charnwood Community Safety Partnership: priorities for 2020/21",
          period: { label: "2020/21", start: "2020-04-01", end: "2021-03-31", basis: "PLAN_PERIOD" },
          source: SOURCE,
          themes: [{ title: "Making Communities Safer" }],
        },
      },
      charnwood,
    );
    expect(plan.errors).toBeUndefined();
    expect(plan.data.charnwood.createPlan).toEqual({
      id: "charnwood:priorities-2020-21",
      title: "Charnwood Community Safety Partnership: priorities for 2020/21",
      current: true,
      period: { label: "2020/21", start: "2020-04-01", end: "2021-03-31", basis: "PLAN_PERIOD" },
      themes: [{ title: "Making Communities Safer" }],
    });

    const funding = await t.query(
      `mutation($input: FundingInput!) { charnwood { recordFunding(input: $input) { id amount { pounds } allocated { pounds } unallocated { pounds } } } }`,
      {
        input: {
          funder: "Office of the Police and Crime Commissioner",
          label: "Police and Crime Commissioner Locality Funding",
          amountPence: 7_000_000,
          period: { label: "2020/21", start: "2020-04-01", end: "2021-03-31", basis: "FINANCIAL_YEAR" },
          source: SOURCE,
          allocations: [{ purpose: "Street Pastors", amountPence: 300_000 }],
        },
      },
      charnwood,
    );
    expect(funding.data.charnwood.recordFunding).toMatchObject({
      amount: { pounds: "70000.00" },
      allocated: { pounds: "3000.00" },
      unallocated: { pounds: "67000.00" },
    });

    const partners = await t.query(
      `mutation($p: [PartnerInput!]!) { charnwood { setPartners(partners: $p) { name } } }`,
      {
        p: [
          { name: "Charnwood Borough Council", source: SOURCE },
          { name: "Leicestershire Police", source: SOURCE },
        ],
      },
      charnwood,
    );
    expect(partners.data.charnwood.setPartners).toEqual([
      { name: "Charnwood Borough Council" },
      { name: "Leicestershire Police" },
    ]);
    const read = await t.query(
      `{ partnership(code: "charnwood") { partners { name } funding { label amount { pounds } } } }`,
    );
    expect(read.data.partnership.partners.map((p: any) => p.name)).toEqual([
      "Charnwood Borough Council",
      "Leicestershire Police",
    ]);
    expect(read.data.partnership.funding.map((f: any) => f.amount.pounds)).toEqual(["75500.00", "70000.00"]);
  });

  it("writes nothing and records nothing when a write changes nothing", async () => {
    const before = dumpDatabases(t.dataDir);
    const again = await t.query(
      `mutation($p: [PartnerInput!]!) { charnwood { setPartners(partners: $p) { name } } }`,
      {
        p: [
          { name: "Charnwood Borough Council", source: SOURCE },
          { name: "Leicestershire Police", source: SOURCE },
        ],
      },
      charnwood,
    );
    expect(again.errors).toBeUndefined();
    // A correction that names only the figure.
    const { data } = await t.query(
      `{ partnership(code: "charnwood") { crimeStatistics(category: "robbery") { id } } }`,
    );
    const idOnly = await t.query(
      `mutation($c: [CrimeStatisticCorrectionInput!]!) { charnwood { correctCrimeStatistics(corrections: $c) { id } } }`,
      { c: [{ id: data.partnership.crimeStatistics[0].id }] },
      charnwood,
    );
    expect(idOnly.errors).toBeUndefined();
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });
});

describe("refused writes change no database", () => {
  it("without a token: UNAUTHENTICATED", async () => {
    const errors = await refused(RECORD, {
      statistics: [figure("shoplifting", 5, { period: { ...FY_2019_20, label: "Q1" } })],
    });
    expect(errors[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(errors[0].path).toEqual(["charnwood", "recordCrimeStatistics"]);
  });

  it("with another partnership's token, or the county's: FORBIDDEN", async () => {
    for (const token of [harborough, county]) {
      const errors = await refused(
        RECORD,
        { statistics: [figure("shoplifting", 5, { period: { ...FY_2019_20, label: "Q1" } })] },
        token,
      );
      expect(errors[0].extensions?.code).toBe("FORBIDDEN");
      expect(errors[0].message).not.toContain(token.slice(-64));
    }
  });

  it("with a malformed, unknown or revoked token: UNAUTHENTICATED", async () => {
    const revoked = issueToken(t.dataDir, "charnwood", "Former officer");
    revokeToken(t.dataDir, revoked.id);
    const unknown = `csg_charnwood_${"0".repeat(64)}`;
    const noSuchScope = `csg_atlantis_${"0".repeat(64)}`;
    for (const token of ["not-a-token", unknown, noSuchScope, revoked.token]) {
      const errors = await refused(
        RECORD,
        { statistics: [figure("shoplifting", 5, { period: { ...FY_2019_20, label: "Q1" } })] },
        token,
      );
      expect(errors[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("a batch with one bad figure writes none, and every problem names its field", async () => {
    const errors = await refused(
      RECORD,
      {
        statistics: [
          figure("shoplifting", 7, { period: { ...FY_2019_20, label: "Q2" } }),
          figure("pickpocketing", 3),
          figure("robbery", -4, { period: { ...FY_2019_20, label: "Q2" } }),
          figure("robbery", 2, { period: { label: "Q3", start: "2019-12-31", end: "2019-10-01", basis: "PART_YEAR" } }),
          figure("shoplifting", 1, { localLabel: "", period: { ...FY_2019_20, label: "Q3" } }),
          figure("shoplifting", 8, { period: { ...FY_2019_20, label: "Q2" } }),
        ],
      },
      charnwood,
    );
    expect(errors[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions?.problems).toEqual([
      { field: "statistics[1].category", message: 'unknown crime category "pickpocketing"' },
      { field: "statistics[2].count", message: "must not be negative, got -4" },
      { field: "statistics[3].period.end", message: "the end 2019-10-01 precedes the start 2019-12-31" },
      { field: "statistics[4].localLabel", message: "must not be empty" },
      {
        field: "statistics[5]",
        message:
          "a second figure for category shoplifting, period Q2 and source charnwood-cso-return-2019.xlsx, Sheet 1",
      },
    ]);
    expect(errors[0].message).toContain(
      "charnwood.recordCrimeStatistics: statistics[2].count: must not be negative, got -4",
    );
  });

  it("a second figure for a category, period and source already recorded", async () => {
    const errors = await refused(RECORD, { statistics: [figure("shoplifting", 1013)] }, charnwood);
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "statistics[0]",
        message: expect.stringMatching(
          /^a second figure for category shoplifting, period 2019\/20 and source .*: charnwood:statistic-\d+ already has 1012; correct it with correctCrimeStatistics$/,
        ),
      },
    ]);
  });

  it("a count that is not a whole number is refused by the gateway, naming the field", async () => {
    const errors = await refused(RECORD, { statistics: [figure("shoplifting", 10.5)] }, charnwood);
    expect(errors[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0].message).toContain('at "statistics[0].count"');
  });

  it("an unknown CSA priority, an empty and an overlong title", async () => {
    const errors = await refused(
      CREATE_PRIORITY,
      {
        input: {
          plan: "charnwood:priorities-2019-20",
          title: "x".repeat(2001),
          declaredAlignment: ["world-peace"],
          source: { document: "", locator: "Sheet 1" },
        },
      },
      charnwood,
    );
    expect(errors[0].extensions?.problems).toEqual([
      { field: "input.title", message: "is 2001 characters long; at most 2000 are allowed" },
      {
        field: "input.declaredAlignment[0]",
        message: expect.stringContaining(
          'unknown CSA priority "world-peace"; expected one of protect-vulnerable, reduce-crime',
        ),
      },
      { field: "input.source.document", message: "must not be empty" },
    ]);
    const empty = await refused(
      CREATE_PRIORITY,
      { input: { plan: "charnwood:priorities-2019-20", title: "  ", source: SOURCE } },
      charnwood,
    );
    expect(empty[0].extensions?.problems).toEqual([{ field: "input.title", message: "must not be empty" }]);
  });

  it("a priority of another partnership, or of no plan", async () => {
    const errors = await refused(
      `mutation { charnwood { withdrawPriority(id: "harborough:aims-2019-20-a1") { id } } }`,
      {},
      charnwood,
    );
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "id",
        message: '"harborough:aims-2019-20-a1" is not the id of a priority of charnwood (ids read "charnwood:<id>")',
      },
    ]);
    const noPlan = await refused(
      CREATE_PRIORITY,
      { input: { plan: "charnwood:priorities-2031", title: "Anything", source: SOURCE } },
      charnwood,
    );
    expect(noPlan[0].extensions?.problems).toEqual([
      { field: "input.plan", message: "no plan charnwood:priorities-2031; publish it first with createPlan" },
    ]);
  });
});

describe("the audit trail", () => {
  it("is open to the partnership's own token and the county's, and to nobody else", async () => {
    const anonymous = await t.query(AUDIT);
    expect(anonymous.data.partnership.auditTrail).toBeNull();
    expect(anonymous.errors![0].extensions?.code).toBe("UNAUTHENTICATED");
    const other = await t.query(AUDIT, {}, harborough);
    expect(other.data.partnership.auditTrail).toBeNull();
    expect(other.errors![0].extensions?.code).toBe("FORBIDDEN");
    const byCounty = await t.query(AUDIT, {}, county);
    expect(byCounty.errors).toBeUndefined();
    expect(byCounty.data.partnership.auditTrail.map((e: any) => e.operation)).toEqual([
      "setPartners",
      "recordFunding",
      "createPlan",
      "withdrawPriority",
      "updatePriority",
      "createPriority",
      "correctCrimeStatistics",
      "recordCrimeStatistics",
    ]);
  });

  it("shows when each partnership last published: Charnwood now, the others never", async () => {
    const { data } = await t.query(`{ partnerships { code lastPublishedAt } }`);
    const published = data.partnerships.filter((p: any) => p.lastPublishedAt !== null).map((p: any) => p.code);
    expect(published).toEqual(["charnwood"]);
  });
});

describe("the county publishes its reference data with a county token", () => {
  const UPDATE_CSA = `mutation($changes: CsaPriorityChangesInput!) { updateCsaPriority(id: "domestic-abuse", changes: $changes) { id title description } }`;

  it("corrects a CSA priority's words and records a population, both audited", async () => {
    const updated = await t.query(UPDATE_CSA, { changes: { description: "Including coercive control." } }, county);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateCsaPriority).toMatchObject({
      id: "domestic-abuse",
      description: "Including coercive control.",
    });

    const populations = await t.query(
      `mutation($p: [PopulationInput!]!) { recordPopulations(populations: $p) { year count source } }`,
      { p: [{ onsCode: "E07000130", year: 2030, count: 190000, source: "Test projection" }] },
      county,
    );
    expect(populations.data.recordPopulations).toEqual([{ year: 2030, count: 190000, source: "Test projection" }]);
    const read = await t.query(
      `{ county { lastPublishedAt districts { onsCode population(year: 2030) { year count } } auditTrail { operation actor before after } } }`,
      {},
      county,
    );
    expect(read.data.county.districts.find((d: any) => d.onsCode === "E07000130").population).toEqual({
      year: 2030,
      count: 190000,
    });
    expect(read.data.county.auditTrail.map((e: any) => [e.operation, e.actor])).toEqual([
      ["recordPopulations", "County community safety team"],
      ["updateCsaPriority", "County community safety team"],
    ]);
    expect(JSON.parse(read.data.county.auditTrail[1].before).description).toBeNull();
    expect(read.data.county.lastPublishedAt).not.toBeNull();
  });

  it("refuses a partnership's token, no token, and an unknown CSA priority, writing nothing", async () => {
    expect((await refused(UPDATE_CSA, { changes: { title: "Changed" } }, charnwood))[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await refused(UPDATE_CSA, { changes: { title: "Changed" } }))[0].extensions?.code).toBe("UNAUTHENTICATED");
    const unknown = await refused(
      `mutation { updateCsaPriority(id: "world-peace", changes: { title: "Peace" }) { id } }`,
      {},
      county,
    );
    expect(unknown[0].extensions?.problems).toEqual([
      { field: "id", message: expect.stringContaining('unknown CSA priority "world-peace"') },
    ]);
    const audit = await t.query(`{ county { auditTrail { operation } } }`, {}, charnwood);
    expect(audit.errors![0].extensions?.code).toBe("FORBIDDEN");
  });
});
