/**
 * The county publishes its reference data through the gateway with a county token: the
 * board and its members, the County Council's strategic plan priorities, its team and
 * workstreams, and the figures it publishes for Leicestershire and the police force area.
 * Every write is read back with its audit entry; every refusal leaves every database as it was.
 */
import { issueToken } from "@csg/operator/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/commands";
import { dumpDatabases, refusedWrite } from "./support/database-dump";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

let t: TestSystem;
let county: string;
let countyTokenId: string;
let charnwood: string;

const SOURCE = { document: "lscsb-minutes-2020-06.docx", locator: "Item 4" };
const MINUTES = {
  title: "LSCSB minutes, June 2020",
  publisher: "Leicestershire County Council",
  published: "2020-06-25",
};
const FIGURE_3 = { document: "002_8e9c48eccd29813b.txt", locator: "Figure 3" };
const FY_2019_20 = { label: "2019/20", start: "2019-04-01", end: "2020-03-31", basis: "FINANCIAL_YEAR" };
const LEICESTERSHIRE = "Leicestershire";
const FORCE_AREA = "Leicestershire Police force area (LLR)";

beforeAll(async () => {
  t = await startTestSystem();
  // The county's token comes from the real command: `pnpm tokens issue --county` prints it once.
  const { stdout } = await runCommand("services/operator/src/admin/token-cli.ts", [
    "issue",
    "--county",
    "--label",
    "County community safety team",
    "--data-dir",
    t.dataDir,
  ]);
  county = stdout.trim().split("\n").pop()!;
  countyTokenId = /Issued token (\S+) /.exec(stdout)![1];
  charnwood = issueToken(t.dataDir, "charnwood", "Charnwood CSO").token;
});
afterAll(() => t?.stop());

/** Runs a write that must be refused, and shows that no database changed at all. */
const refused = (query: string, variables: Record<string, unknown>, token?: string) =>
  refusedWrite(t, query, variables, token);

/** Runs a write with the county's token that must succeed. */
async function written(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await t.query(query, variables, county);
  expect(errors).toBeUndefined();
  return data;
}

/** The county's latest audit entry, its before and after parsed, and when the county last published. */
async function latestAudit() {
  const { data, errors } = await t.query(
    `{ county { lastPublishedAt auditTrail(limit: 1) { tokenId actor operation subject at before after } } }`,
    {},
    county,
  );
  expect(errors).toBeUndefined();
  const [entry] = data.county.auditTrail;
  expect(data.county.lastPublishedAt).toBe(entry.at);
  return { ...entry, before: JSON.parse(entry.before), after: JSON.parse(entry.after) };
}

const UPDATE_BOARD = `mutation($changes: BoardChangesInput!) { updateBoard(changes: $changes) { name abbreviation chair members { name } source { document locator } } }`;
const SET_MEMBERS = `mutation($members: [BoardMemberInput!]!) { setBoardMembers(members: $members) { name source { document locator } } }`;
const UPDATE_PLAN_PRIORITY = `mutation($id: ID!, $changes: StrategicPlanPriorityChangesInput!) { updateStrategicPlanPriority(id: $id, changes: $changes) { id title description source { locator } } }`;
const UPDATE_TEAM = `mutation($changes: CountyTeamChangesInput!) { updateCountyTeam(changes: $changes) { description workstreams { id } source { document locator } } }`;
const UPDATE_WORKSTREAM = `mutation($id: ID!, $changes: WorkstreamChangesInput!) { updateWorkstream(id: $id, changes: $changes) { id title items source { locator } } }`;
const RECORD_FIGURES = `mutation($statistics: [AreaCrimeStatisticInput!]!) {
  recordAreaCrimeStatistics(statistics: $statistics) { id count localLabel category { id } period { label start end basis } source { document locator } notes }
}`;
const CORRECT_FIGURES = `mutation($corrections: [CrimeStatisticCorrectionInput!]!) { correctAreaCrimeStatistics(corrections: $corrections) { id count localLabel } }`;
const AREA_FIGURES = `{ county { publishedAreas { name crimeStatistics(category: "all-crime") { id count period { label } source { locator } } } } }`;

const SEEDED_MEMBERS = [
  "LCC",
  "each of Leicestershire's CSPs",
  "Leicestershire Police",
  "Leicestershire Public Health",
  "National Probation Service",
  "Leicestershire Fire and Rescue Service",
  "Office of the Police Crime Commissioner",
];

const figure = (area: string, count: unknown, extra: Record<string, unknown> = {}) => ({
  area,
  category: "all-crime",
  localLabel: "Recorded Crime",
  count,
  period: FY_2019_20,
  // A document the county has not cited before comes with its title and publisher.
  source: { ...SOURCE, ...MINUTES },
  ...extra,
});

/** A valid call of each of the county's writes, to show that each one is refused without the county's token. */
const EVERY_WRITE: [string, string, Record<string, unknown>][] = [
  ["updateBoard", UPDATE_BOARD, { changes: { chair: "Someone else" } }],
  ["setBoardMembers", SET_MEMBERS, { members: [{ name: "LCC", source: SOURCE }] }],
  [
    "updateStrategicPlanPriority",
    UPDATE_PLAN_PRIORITY,
    { id: "great-communities", changes: { title: "Strong Communities" } },
  ],
  ["updateCountyTeam", UPDATE_TEAM, { changes: { description: "Six members of staff." } }],
  ["updateWorkstream", UPDATE_WORKSTREAM, { id: "asb", changes: { items: ["One item"] } }],
  [
    "recordAreaCrimeStatistics",
    RECORD_FIGURES,
    { statistics: [figure(LEICESTERSHIRE, 1, { period: { ...FY_2019_20, label: "Q1" } })] },
  ],
  ["correctAreaCrimeStatistics", CORRECT_FIGURES, { corrections: [{ id: "county:statistic-5", count: 1 }] }],
];

describe("the county publishes its reference data with its token", () => {
  it("starts with nothing published since seeding", async () => {
    const { data } = await t.query(`{ county { lastPublishedAt } }`);
    expect(data.county.lastPublishedAt).toBeNull();
  });

  it("corrects the board's chair and source; the audit trail has both before and after", async () => {
    // The first write to cite the minutes describes them (a document the county has not cited before).
    const data = await written(UPDATE_BOARD, {
      changes: { chair: "LCC's Cabinet Lead Member for Community Safety", source: { ...SOURCE, ...MINUTES } },
    });
    expect(data.updateBoard).toEqual({
      name: "Leicestershire Safer Communities Strategy Board",
      abbreviation: "LSCSB",
      chair: "LCC's Cabinet Lead Member for Community Safety",
      members: SEEDED_MEMBERS.map((name) => ({ name })),
      source: SOURCE,
    });
    const read = await t.query(`{ county { board { chair source { locator } } } }`);
    expect(read.data.county.board).toEqual({
      chair: "LCC's Cabinet Lead Member for Community Safety",
      source: { locator: "Item 4" },
    });

    const entry = await latestAudit();
    expect(entry).toMatchObject({
      tokenId: countyTokenId,
      actor: "County community safety team",
      operation: "updateBoard",
      subject: "county:board",
    });
    expect(entry.before).toEqual({
      name: "Leicestershire Safer Communities Strategy Board",
      abbreviation: "LSCSB",
      chair: "LCC's Lead Member for Safer Communities",
      source: { document: "003_12ca9908c6eccfe4.txt", locator: "Background" },
    });
    expect(entry.after).toMatchObject({ chair: "LCC's Cabinet Lead Member for Community Safety", source: SOURCE });
  });

  it("replaces the board's members, in the order given, each with its source", async () => {
    const members = [
      ...SEEDED_MEMBERS.slice(0, 3).map((name) => ({
        name,
        source: { document: "003_12ca9908c6eccfe4.txt", locator: "Background" },
      })),
      { name: "Leicestershire Youth Offending Service", source: SOURCE },
      ...SEEDED_MEMBERS.slice(3).map((name) => ({
        name,
        source: { document: "003_12ca9908c6eccfe4.txt", locator: "Background" },
      })),
    ];
    const data = await written(SET_MEMBERS, { members });
    expect(data.setBoardMembers).toEqual(members);
    const read = await t.query(`{ county { board { members { name source { locator } } } } }`);
    expect(read.data.county.board.members.map((m: any) => m.name)).toEqual(members.map((m) => m.name));
    expect(read.data.county.board.members[3]).toEqual({
      name: "Leicestershire Youth Offending Service",
      source: { locator: "Item 4" },
    });

    const entry = await latestAudit();
    expect(entry).toMatchObject({ operation: "setBoardMembers", subject: "county:board:members" });
    expect(entry.before.map((m: any) => m.name)).toEqual(SEEDED_MEMBERS);
    expect(entry.after.map((m: any) => m.name)).toEqual(members.map((m) => m.name));
  });

  it("corrects a strategic plan priority's description", async () => {
    const description = "People in Leicestershire are safe in their homes, online and in their communities";
    const data = await written(UPDATE_PLAN_PRIORITY, {
      id: "keeping-people-safe",
      changes: { description, source: SOURCE },
    });
    expect(data.updateStrategicPlanPriority).toEqual({
      id: "keeping-people-safe",
      title: "Keeping People Safe",
      description,
      source: { locator: "Item 4" },
    });
    const read = await t.query(`{ county { strategicPlanPriorities { id title description } } }`);
    expect(read.data.county.strategicPlanPriorities.map((p: any) => p.id)).toEqual([
      "wellbeing-and-opportunity",
      "keeping-people-safe",
      "great-communities",
    ]);
    expect(read.data.county.strategicPlanPriorities[1]).toEqual({
      id: "keeping-people-safe",
      title: "Keeping People Safe",
      description,
    });

    const entry = await latestAudit();
    expect(entry).toMatchObject({
      operation: "updateStrategicPlanPriority",
      subject: "county:strategic-plan-priority:keeping-people-safe",
    });
    expect(entry.before.description).toBe("People in Leicestershire are safe and protected from harm");
    expect(entry.after.description).toBe(description);
  });

  it("corrects the team's description, and a workstream's title and items", async () => {
    const description = "LCC's community safety team comprises six members of staff.";
    const team = await written(UPDATE_TEAM, { changes: { description } });
    expect(team.updateCountyTeam).toEqual({
      description,
      workstreams: [
        { id: "asb" },
        { id: "prevent-and-hate-crime" },
        { id: "domestic-abuse-and-vulnerability" },
        { id: "serious-organised-crime-and-emerging-threats" },
        { id: "lscsb-and-senior-officer-group-support" },
      ],
      source: { document: "003_12ca9908c6eccfe4.txt", locator: "LCC Community Safety Team" },
    });
    const teamEntry = await latestAudit();
    expect(teamEntry).toMatchObject({ operation: "updateCountyTeam", subject: "county:team" });
    expect(teamEntry.before.description).toMatch(/^LCC's community safety team comprises of five members of staff/);
    expect(teamEntry.after.description).toBe(description);

    const items = ["Co-ordinate ASB work across LLR.", "Chair the ASB Delivery Group."];
    const workstream = await written(UPDATE_WORKSTREAM, {
      id: "asb",
      changes: { title: "Anti-social behaviour", items },
    });
    expect(workstream.updateWorkstream).toEqual({
      id: "asb",
      title: "Anti-social behaviour",
      items,
      source: { locator: "ASB" },
    });
    const read = await t.query(`{ county { team { description workstreams { id title items } } } }`);
    expect(read.data.county.team.description).toBe(description);
    expect(read.data.county.team.workstreams[0]).toEqual({ id: "asb", title: "Anti-social behaviour", items });

    const entry = await latestAudit();
    expect(entry).toMatchObject({ operation: "updateWorkstream", subject: "county:workstream:asb" });
    expect(entry.before.title).toBe("ASB");
    expect(entry.before.items).toHaveLength(6);
    expect(entry.before.items[0]).toBe("Provide a co-ordination role across LLR in relation to ASB.");
    expect(entry.after.items).toEqual(items);
  });

  it("records figures for Leicestershire and the force area at once, served beside Figure 3's", async () => {
    const data = await written(RECORD_FIGURES, {
      statistics: [
        figure(LEICESTERSHIRE, 40112, { notes: ["Provisional"] }),
        figure(FORCE_AREA, 88120, { rowLabel: "Force" }),
      ],
    });
    const [leicestershire, force] = data.recordAreaCrimeStatistics;
    expect(leicestershire).toMatchObject({
      count: 40112,
      localLabel: "Recorded Crime",
      category: { id: "all-crime" },
      period: FY_2019_20,
      source: SOURCE,
      notes: ["Provisional", 'Row printed as "Leicestershire"'],
    });
    expect(force).toMatchObject({ count: 88120, notes: ['Row printed as "Force"'] });
    expect(leicestershire.id).toMatch(/^county:statistic-\d+$/);

    const read = await t.query(AREA_FIGURES);
    const area = (name: string) => read.data.county.publishedAreas.find((a: any) => a.name === name).crimeStatistics;
    expect(area(LEICESTERSHIRE).map((s: any) => [s.period.label, s.count])).toEqual([
      ["2018/19", 35649],
      ["2018/19 Projected", 44229],
      ["2017/18", 41325],
      ["2016/17", 35222],
      ["2019/20", 40112],
    ]);
    expect(area(FORCE_AREA).find((s: any) => s.period.label === "2019/20")).toEqual({
      id: force.id,
      count: 88120,
      period: { label: "2019/20" },
      source: { locator: "Item 4" },
    });

    const entry = await latestAudit();
    expect(entry).toMatchObject({
      operation: "recordAreaCrimeStatistics",
      subject: `${leicestershire.id}, ${force.id}`,
      before: null,
    });
    expect(entry.after.map((f: any) => [f.area, f.rowLabel, f.category, f.count, f.period.label])).toEqual([
      [LEICESTERSHIRE, LEICESTERSHIRE, "all-crime", 40112, "2019/20"],
      [FORCE_AREA, "Force", "all-crime", 88120, "2019/20"],
    ]);
  });

  it("corrects a seeded figure and a new one at once, with before and after", async () => {
    const read = await t.query(AREA_FIGURES);
    const leicestershire = read.data.county.publishedAreas.find((a: any) => a.name === LEICESTERSHIRE).crimeStatistics;
    const seeded = leicestershire.find((s: any) => s.period.label === "2017/18");
    const recorded = leicestershire.find((s: any) => s.period.label === "2019/20");
    const data = await written(CORRECT_FIGURES, {
      corrections: [
        { id: seeded.id, count: 41326 },
        { id: recorded.id, localLabel: "Total recorded crime" },
      ],
    });
    expect(data.correctAreaCrimeStatistics).toEqual([
      { id: seeded.id, count: 41326, localLabel: "Recorded Crime" },
      { id: recorded.id, count: 40112, localLabel: "Total recorded crime" },
    ]);
    const entry = await latestAudit();
    expect(entry).toMatchObject({ operation: "correctAreaCrimeStatistics", subject: `${seeded.id}, ${recorded.id}` });
    expect(entry.before.map((f: any) => [f.count, f.localLabel])).toEqual([
      [41325, "Recorded Crime"],
      [40112, "Recorded Crime"],
    ]);
    expect(entry.after.map((f: any) => [f.count, f.localLabel])).toEqual([
      [41326, "Recorded Crime"],
      [40112, "Total recorded crime"],
    ]);
  });

  it("writes nothing and records nothing when a write changes nothing", async () => {
    const before = dumpDatabases(t.dataDir);
    const read = await t.query(`{ county { board { members { name source { document locator } } } } }`);
    await written(UPDATE_BOARD, { changes: { abbreviation: "LSCSB" } });
    await written(UPDATE_BOARD, { changes: {} });
    await written(SET_MEMBERS, { members: read.data.county.board.members });
    await written(UPDATE_PLAN_PRIORITY, { id: "great-communities", changes: { title: "Great Communities" } });
    await written(UPDATE_WORKSTREAM, { id: "asb", changes: { title: "Anti-social behaviour" } });
    await written(UPDATE_TEAM, { changes: {} });
    await written(CORRECT_FIGURES, { corrections: [{ id: "county:statistic-5", count: 35649 }] });
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });
});

describe("refused county writes change no database", () => {
  it("every write: UNAUTHENTICATED without a token or with an unknown one, FORBIDDEN with a partnership's", async () => {
    for (const [name, query, variables] of EVERY_WRITE) {
      const anonymous = await refused(query, variables);
      expect([name, anonymous[0].extensions?.code]).toEqual([name, "UNAUTHENTICATED"]);
      const unknown = await refused(query, variables, `csg_county_${"0".repeat(64)}`);
      expect([name, unknown[0].extensions?.code]).toEqual([name, "UNAUTHENTICATED"]);
      const partnership = await refused(query, variables, charnwood);
      expect([name, partnership[0].extensions?.code]).toEqual([name, "FORBIDDEN"]);
      expect(partnership[0].message).not.toContain(charnwood.slice(-64));
    }
  });

  it("the board: empty, overlong or removed fields, each named", async () => {
    const errors = await refused(
      UPDATE_BOARD,
      {
        changes: { name: " ", abbreviation: "L".repeat(21), chair: null, source: { document: "", locator: "Item 4" } },
      },
      county,
    );
    expect(errors[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions?.problems).toEqual([
      { field: "changes.name", message: "must not be empty" },
      { field: "changes.abbreviation", message: "is 21 characters long; at most 20 are allowed" },
      { field: "changes.chair", message: "is required" },
      { field: "changes.source.document", message: "must not be empty" },
    ]);
    expect(errors[0].message).toContain("updateBoard: changes.name: must not be empty");
  });

  it("the members: none at all, an empty name, the same organisation twice", async () => {
    const none = await refused(SET_MEMBERS, { members: [] }, county);
    expect(none[0].extensions?.problems).toEqual([
      { field: "setBoardMembers", message: "name at least one member: the board is never empty" },
    ]);
    const bad = await refused(
      SET_MEMBERS,
      {
        members: [
          { name: "LCC", source: SOURCE },
          { name: "", source: SOURCE },
          { name: "LCC", source: { document: "x".repeat(201), locator: "Item 4" } },
        ],
      },
      county,
    );
    expect(bad[0].extensions?.problems).toEqual([
      { field: "members[1].name", message: "must not be empty" },
      { field: "members[2].source.document", message: "is 201 characters long; at most 200 are allowed" },
      { field: "members[2].name", message: "duplicate member LCC" },
    ]);
  });

  it("a strategic plan priority or workstream that does not exist, and bad words", async () => {
    const unknown = await refused(
      UPDATE_PLAN_PRIORITY,
      { id: "world-peace", changes: { title: "x".repeat(301) } },
      county,
    );
    expect(unknown[0].extensions?.problems).toEqual([
      {
        field: "id",
        message:
          'unknown strategic plan priority "world-peace"; the plan\'s are wellbeing-and-opportunity, keeping-people-safe, great-communities',
      },
      { field: "changes.title", message: "is 301 characters long; at most 300 are allowed" },
    ]);
    const workstream = await refused(
      UPDATE_WORKSTREAM,
      { id: "asb", changes: { title: "", items: ["Fine", "   "] } },
      county,
    );
    expect(workstream[0].extensions?.problems).toEqual([
      { field: "changes.title", message: "must not be empty" },
      { field: "changes.items[1]", message: "must not be empty" },
    ]);
    const noItems = await refused(UPDATE_WORKSTREAM, { id: "graffiti", changes: { items: [] } }, county);
    expect(noItems[0].extensions?.problems).toEqual([
      {
        field: "id",
        message: expect.stringMatching(/^unknown workstream "graffiti"; the team's are asb, prevent-and-hate-crime, /),
      },
      { field: "changes.items", message: "name at least one item" },
    ]);
    const team = await refused(UPDATE_TEAM, { changes: { description: "x".repeat(2001) } }, county);
    expect(team[0].extensions?.problems).toEqual([
      { field: "changes.description", message: "is 2001 characters long; at most 2000 are allowed" },
    ]);
  });

  it("a batch of figures with one bad figure writes none, and every problem names its field", async () => {
    const errors = await refused(
      RECORD_FIGURES,
      {
        statistics: [
          figure(LEICESTERSHIRE, 7, { period: { ...FY_2019_20, label: "Q2" } }),
          figure("Rutland", 3, { period: { ...FY_2019_20, label: "Q2" } }),
          figure(LEICESTERSHIRE, 2, { category: "pickpocketing", period: { ...FY_2019_20, label: "Q2" } }),
          figure(LEICESTERSHIRE, -4, { period: { ...FY_2019_20, label: "Q3" } }),
          figure(LEICESTERSHIRE, 2, {
            period: { label: "Q4", start: "2020-03-31", end: "2020-01-01", basis: "PART_YEAR" },
          }),
          figure(LEICESTERSHIRE, 1, { localLabel: "", period: { ...FY_2019_20, label: "Q5" } }),
          figure(LEICESTERSHIRE, 8, { period: { ...FY_2019_20, label: "Q2" } }),
          figure(FORCE_AREA, 8, { period: { ...FY_2019_20, label: "Q2" } }),
        ],
      },
      county,
    );
    expect(errors[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "statistics[1].area",
        message: `unknown area "Rutland"; the county publishes figures for ${LEICESTERSHIRE}, ${FORCE_AREA}`,
      },
      { field: "statistics[2].category", message: 'unknown crime category "pickpocketing"' },
      { field: "statistics[3].count", message: "must not be negative, got -4" },
      { field: "statistics[4].period.end", message: "the end 2020-01-01 precedes the start 2020-03-31" },
      { field: "statistics[5].localLabel", message: "must not be empty" },
      {
        field: "statistics[6]",
        message: `a second figure for Leicestershire, category all-crime, period Q2 and source ${SOURCE.document}, ${SOURCE.locator}`,
      },
    ]);
    expect(errors[0].message).toContain("recordAreaCrimeStatistics: statistics[3].count: must not be negative, got -4");
  });

  it("a figure already recorded is a correction, and a count that is not whole is refused by the gateway", async () => {
    const again = await refused(
      RECORD_FIGURES,
      {
        statistics: [
          figure(LEICESTERSHIRE, 35650, {
            period: { label: "2018/19", start: "2018-04-01", end: "2019-01-31", basis: "YEAR_TO_DATE" },
            source: FIGURE_3,
          }),
        ],
      },
      county,
    );
    expect(again[0].extensions?.problems).toEqual([
      {
        field: "statistics[0]",
        message: `a second figure for Leicestershire, category all-crime, period 2018/19 and source ${FIGURE_3.document}, Figure 3: county:statistic-5 already has 35649; correct it with correctAreaCrimeStatistics`,
      },
    ]);
    const fraction = await refused(
      RECORD_FIGURES,
      { statistics: [figure(LEICESTERSHIRE, 10.5, { period: { ...FY_2019_20, label: "Q1" } })] },
      county,
    );
    expect(fraction[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(fraction[0].message).toContain('at "statistics[0].count"');
  });

  it("corrections of a partnership's figure, of no figure, twice over, or to a negative count", async () => {
    const errors = await refused(
      CORRECT_FIGURES,
      {
        corrections: [
          { id: "charnwood:statistic-1", count: 5 },
          { id: "county:statistic-9999", count: 5 },
          { id: "county:statistic-5", count: -1 },
          { id: "county:statistic-5", localLabel: "" },
        ],
      },
      county,
    );
    expect(errors[0].extensions?.problems).toEqual([
      {
        field: "corrections[0].id",
        message: '"charnwood:statistic-1" is not the id of a crime statistic of county (ids read "county:<id>")',
      },
      { field: "corrections[1].id", message: "no crime statistic county:statistic-9999" },
      { field: "corrections[2].count", message: "must not be negative, got -1" },
      { field: "corrections[3].id", message: "county:statistic-5 is corrected twice in one request" },
      { field: "corrections[3].localLabel", message: "must not be empty" },
    ]);
  });
});

describe("the county's audit trail", () => {
  it("lists every county write, most recent first, and the partnerships published nothing", async () => {
    const { data, errors } = await t.query(
      `{ county { auditTrail { operation tokenId } } partnerships { lastPublishedAt } }`,
      {},
      county,
    );
    expect(errors).toBeUndefined();
    expect(data.county.auditTrail.map((e: any) => e.operation)).toEqual([
      "correctAreaCrimeStatistics",
      "recordAreaCrimeStatistics",
      "updateWorkstream",
      "updateCountyTeam",
      "updateStrategicPlanPriority",
      "setBoardMembers",
      "updateBoard",
    ]);
    expect(data.county.auditTrail.every((e: any) => e.tokenId === countyTokenId)).toBe(true);
    expect(data.partnerships.every((p: any) => p.lastPublishedAt === null)).toBe(true);
  });
});
