/**
 * What an outsider can send, through the real system (real processes, real HTTP): each case
 * with its expected refusal and, after it, the gateway still answering a plain query and every
 * database exactly as it was. Every subgraph in one process beside the gateway's (`hosting:
 * "shared"`): the gateway's process and a subgraph's are what a client reaches here, and three
 * processes start for a fraction of the CPU of twelve.
 */
import { issueToken } from "@csg/operator/tokens";
import { mutationNamespace, requirePartnership } from "@csg/schema";
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabases } from "./support/database-dump";
import { startTestSystem, type TestSystem } from "./support/system";

let t: TestSystem;
let before: ReturnType<typeof dumpDatabases>;

beforeAll(async () => {
  t = await startTestSystem({ hosting: "shared" });
  before = dumpDatabases(t.dataDir);
}, 300_000);
afterAll(async () => {
  await t?.stop();
});

/** After every case: a plain query still answers (Charnwood's All Crime of 11,258 for April 2018 to January 2019) and nothing was written. */
afterEach(async () => {
  const { data, errors } = await t.query(
    `{ partnership(code: "charnwood") { crimeStatistics(category: "all-crime") { count } } }`,
  );
  expect(errors).toBeUndefined();
  expect(data.partnership.crimeStatistics.map((s: { count: number }) => s.count)).toContain(11258);
  expect(dumpDatabases(t.dataDir)).toEqual(before);
});

async function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(t.system.gateway.url, { method: "POST", headers, body });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] },
  };
}

const ask = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  post(JSON.stringify({ query, variables, operationName }));

/** The issue's query: the alignment cycle, three turns deep. */
function nestedCycle(turns: number): string {
  let inner = "";
  for (let i = 0; i < turns; i++)
    inner = `coverage { status partnership { code name priorities { id title csaAlignment { basis priority { id title ${inner} } } } } }`;
  return `{ county { agreement { priorities { id title ${inner} } } } }`;
}

const codes = (errors: { extensions?: Record<string, any> }[] = []) => errors.map((e) => e.extensions?.code);

describe("operation limits, refused before planning with the limit's code and value", () => {
  it("the alignment cycle nested three turns deep (the query that took every process down)", async () => {
    const { status, json } = await ask(nestedCycle(3));
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors![0].extensions).toMatchObject({
      code: "MAX_DEPTH_EXCEEDED",
      limit: { name: "maxDepth", value: 12 },
    });
    expect(json.errors![0].message).toContain("nested 19 deep");
    const nesting = json.errors!.find((e) => e.extensions?.code === "LIST_NESTED_IN_ITSELF")!;
    expect(nesting.extensions).toMatchObject({ limit: { name: "maxListNesting", value: 1 } });
    expect(nesting.message).toContain("the list coverage appears 2 times");
  });

  it("one turn of the cycle is a list nested in itself even within the depth limit", async () => {
    const { status, json } = await ask(
      `{ county { agreement { priorities { coverage { partnership { priorities { csaAlignment { priority { coverage { status } } } } } } } } } }`,
    );
    expect(status).toBe(400);
    expect(codes(json.errors)).toEqual(["LIST_NESTED_IN_ITSELF"]);
  });

  it("differingFigures nested in itself, and 2,000 deep (once a stack overflow, HTTP 500)", async () => {
    const twice = await ask(`{ partnerships { crimeStatistics { differingFigures { differingFigures { count } } } } }`);
    expect(twice.status).toBe(400);
    expect(codes(twice.json.errors)).toEqual(["LIST_NESTED_IN_ITSELF"]);
    const deep = await ask(
      `{ partnerships { crimeStatistics { ${"differingFigures { ".repeat(2000)} count ${"} ".repeat(2000)} } } }`,
    );
    expect(deep.status).toBe(400);
    expect(deep.json.errors![0].extensions).toMatchObject({
      code: "MAX_TOKENS_EXCEEDED",
      limit: { name: "maxTokens", value: 3000 },
    });
  });

  it("5,000 aliases of every partnership's priorities (stalled every client for 30-60 s)", async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: partnerships { priorities { title } }`).join(" ")} }`;
    const many = await ask(aliases(5000));
    expect(many.status).toBe(400);
    expect(many.json.errors![0].extensions).toMatchObject({
      code: "MAX_TOKENS_EXCEEDED",
      limit: { name: "maxTokens", value: 3000 },
    });
    const some = await ask(aliases(40));
    expect(some.status).toBe(400);
    expect(some.json.errors![0].extensions).toMatchObject({
      code: "MAX_ALIASES_EXCEEDED",
      limit: { name: "maxAliases", value: 30 },
    });
    expect(some.json.errors![0].message).toContain("40 aliases");
  });

  it("fields nested past the depth limit without a list in a cycle", async () => {
    const { status, json } = await ask(
      `{ partnership(code: "charnwood") { crimeStatistics { ${"change { previous { ".repeat(6)} count ${"} } ".repeat(6)} } } }`,
    );
    expect(status).toBe(400);
    expect(json.errors![0].extensions).toMatchObject({
      code: "MAX_DEPTH_EXCEEDED",
      limit: { name: "maxDepth", value: 12 },
    });
  });

  it("an estimated cost over the limit", async () => {
    const all = `partnerships { code name districts { name onsCode } priorities { id title csaAlignment { basis priority { id title } } } crimeStatistics { count localLabel period { label start end basis } source { document locator } change { difference percent previous { count } } } }`;
    const { status, json } = await ask(`{ ${Array.from({ length: 25 }, (_, i) => `a${i}: ${all}`).join(" ")} }`);
    expect(status).toBe(400);
    expect(json.errors![0].extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      limit: { name: "maxCost", value: 2000 },
    });
  });

  it("lets the README's largest query through (the county's alignment and coverage)", async () => {
    const { status, json } = await ask(`{
      county {
        alignment { uncoveredCsaPriorities { title } partnerships { partnership { name } period { label } coverage { csaPriority { title } status bases priorities { title } } gaps { title } localPriorities { title } } }
        agreement { priorities { title coverage { partnership { code } status priorities { title } } } }
      }
    }`);
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.county.agreement.priorities).toHaveLength(7);
  });
});

describe("requests that are not GraphQL, answered 4xx with a code", () => {
  it("invalid JSON", async () => {
    const { status, json } = await post(`{"query": "{ county { agreement { title } } }"`);
    expect(status).toBe(400);
    expect(json.errors![0].extensions).toMatchObject({ code: "BAD_REQUEST" });
    expect(json.errors![0].message).toContain("not valid JSON");
  });

  it("a body over the limit", async () => {
    const { status, json } = await post(
      JSON.stringify({ query: `{ __typename }`, variables: { padding: "x".repeat(1_200_000) } }),
    );
    expect(status).toBe(413);
    expect(json.errors![0].extensions).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      limit: { name: "maxBodyBytes", value: 1_000_000 },
    });
  });

  it("an unknown operationName", async () => {
    const { status, json } = await ask(`query A { county { agreement { title } } }`, undefined, "B");
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(json.errors![0].message).toContain('"B"');
    expect(json.errors![0].extensions?.code).toBeTruthy();
  });
});

describe("input hygiene", () => {
  it("an impossible date: BAD_USER_INPUT naming the argument, no internal address", async () => {
    const { status, text, json } = await ask(
      `{ county { crimeTotals(category: "all-crime", start: "2019-02-30", end: "2020-03-31") { total } } }`,
    );
    expect(status).toBe(400);
    expect(codes(json.errors)).toEqual(["BAD_USER_INPUT"]);
    expect(json.errors![0].message).toContain('Argument "start" of crimeTotals');
    expect(json.errors![0].message).toContain("2019-02-30");
    expect(text).not.toMatch(/localhost|127\.0\.0\.1|:\d{4,5}\//);
  });

  it("a year outside 1990-2100, in a variable", async () => {
    const { status, json } = await ask(
      `query($start: Date!) { county { crimeTotals(category: "all-crime", start: $start, end: "2020-03-31") { total } } }`,
      { start: "1899-04-01" },
    );
    expect(status).toBe(400);
    expect(codes(json.errors)).toEqual(["BAD_USER_INPUT"]);
    expect(json.errors![0].message).toContain('Variable "$start" must fall in the years 1990 to 2100; got 1899-04-01');
  });

  it("text with half a character (a lone surrogate), or only invisible characters, is refused naming the field", async () => {
    const token = issueToken(t.dataDir, "charnwood", "Charnwood officer (abuse test)").token;
    before = dumpDatabases(t.dataDir); // the token is the one thing this case writes, before it starts
    const { field } = mutationNamespace(requirePartnership("charnwood"));
    const source = { document: "002_8e9c48eccd29813b.txt", locator: "Partners" };
    const { errors } = await t.query(
      `mutation($partners: [PartnerInput!]!) { ${field} { setPartners(partners: $partners) { name } } }`,
      {
        partners: [
          { name: "Leicestershire Police \ud800", source },
          { name: "\u200b\u200b\u2060", source },
        ],
      },
      token,
    );
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const problems = errors![0].extensions!.problems as { field: string; message: string }[];
    expect(problems).toContainEqual({
      field: "partners[0].name",
      message: expect.stringContaining("lone UTF-16 surrogate"),
    });
    expect(problems).toContainEqual({
      field: "partners[1].name",
      message: expect.stringContaining("only invisible characters"),
    });
  });
});

describe("connections", () => {
  it("health names no internal address unless the operator asks", async () => {
    const response = await fetch(t.system.gateway.healthUrl);
    const text = await response.text();
    expect(JSON.parse(text).subgraphs.map((s: { name: string; status: string }) => s.status)).toEqual(
      t.system.topology.all.map(() => "up"),
    );
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("clients that go away mid-request, and one that resets its connection mid-body, end no process", async () => {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const controller = new AbortController();
        const request = fetch(t.system.gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: `{ partnerships { code priorities { title } crimeStatistics { count } } }` }),
          signal: controller.signal,
        }).catch(() => undefined);
        setTimeout(() => controller.abort(), 20);
        await request;
      }),
    );
    for (const url of [t.system.gateway.url, t.system.topology.county.url]) {
      const { port } = new URL(url);
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), "127.0.0.1", () => {
          socket.write(
            `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{"query":"`,
          );
          socket.write("x".repeat(100_000), () =>
            setTimeout(() => {
              socket.resetAndDestroy();
              resolve();
            }, 50),
          );
        });
        socket.on("error", () => resolve());
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const [name, running] of t.system.services)
      expect([name, running.process.exitCode, running.process.signalCode]).toEqual([name, null, null]);
  });
});
