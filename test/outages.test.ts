import { readSupergraph } from "@csg/operator/supergraph-files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryHiveGateway, type RunningHiveGateway, startHiveGateway } from "./support/hive-gateway";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

/**
 * A partnership's subgraph goes down while the gateway (ours, and Hive Gateway over the same
 * subgraphs) keeps answering: a system of this file's own, since it stops services. Hosted in
 * the test worker (in-process-system.ts): a stopped server is as down to a gateway as a
 * stopped process, and nothing here kills or signals one.
 */

let t: TestSystem;
let hive: RunningHiveGateway;
beforeAll(async () => {
  t = await startTestSystem();
  hive = await startHiveGateway({ supergraphSdl: readSupergraph(), subgraphs: t.system.topology.all });
});
afterAll(async () => {
  await hive?.stop();
  await t?.stop();
});

const queryHive = (query: string, variables?: Record<string, unknown>) => queryHiveGateway(hive, query, variables);

describe("a partnership's subgraph is down", () => {
  it("still answers with the other partnerships' data and an error naming the missing one", async () => {
    await t.system.services.get("charnwood")!.stop();
    try {
      const { data, errors } = await t.query(
        `{ partnerships { code name priorities { title } crimeStatistics(category: "all-crime") { count } } }`,
      );
      expect(data.partnerships).toHaveLength(9);
      const charnwood = data.partnerships.find((p: any) => p.code === "charnwood");
      expect(charnwood).toMatchObject({
        name: "Charnwood Community Safety Partnership",
        priorities: null,
        crimeStatistics: null,
      });
      const harborough = data.partnerships.find((p: any) => p.code === "harborough");
      expect(harborough.crimeStatistics.map((s: any) => s.count)).toContain(4631);
      expect(errors).toHaveLength(1);
      expect(errors![0].message).toContain("Charnwood Community Safety Partnership is unavailable");
      expect(errors![0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "charnwood" });

      // One figure by its id: the county names the partnership it could not ask; another's still answers.
      const figure = await t.query(
        `{ charnwood: crimeStatistic(id: "charnwood:statistic-21") { count } melton: crimeStatistic(id: "melton:statistic-3") { count } }`,
      );
      expect(figure.data).toEqual({ charnwood: null, melton: { count: 2799 } });
      expect(figure.errors).toHaveLength(1);
      expect(figure.errors![0].message).toContain("Charnwood Community Safety Partnership's figures cannot be read");
      expect(figure.errors![0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "charnwood" });

      const health = (await (await fetch(t.system.gateway.healthUrl)).json()) as any;
      expect(health.status).toBe("degraded");
      expect(health.subgraphs.find((s: any) => s.name === "charnwood").status).toBe("down");
    } finally {
      await t.system.restart("charnwood");
    }
    const { data, errors } = await t.query(
      `{ partnership(code: "charnwood") { crimeStatistics(category: "all-crime") { count } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.partnership.crimeStatistics.map((s: any) => s.count)).toContain(11258);
  });
});

describe("Hive Gateway with one partnership's subgraph down", () => {
  it("with one partnership's subgraph down, returns the same data; the error is Hive's own, masked", async () => {
    await t.system.services.get("melton")!.stop();
    try {
      const query = `{ partnerships { code name priorities { title } } }`;
      const ours = await t.query(query);
      const theirs = await queryHive(query);
      // The same data: Melton's own field is null, every other partnership answers.
      expect(theirs.data).toEqual(ours.data);
      expect(ours.data.partnerships.find((p: any) => p.code === "melton")).toEqual({
        code: "melton",
        name: "Melton Community Safety Partnership",
        priorities: null,
      });
      // The errors differ, and this is the difference a dashboard would see on Hive Gateway:
      // ours names the partnership (extensions.code SUBGRAPH_UNAVAILABLE, subgraph "melton",
      // from our SubgraphSource), with no path; Hive Gateway masks a subgraph's fetch failure
      // by default (its maskedErrors option) as "Unexpected error." at the root field.
      expect(ours.errors).toHaveLength(1);
      expect(ours.errors![0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", subgraph: "melton" });
      expect(theirs.errors).toEqual([
        { message: "Unexpected error.", path: ["partnerships"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ]);
    } finally {
      await t.system.restart("melton");
    }
  });
});
