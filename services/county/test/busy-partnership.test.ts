/**
 * Repeated county reads of a busy partnership, over real HTTP: a partnership that takes longer
 * than the county waits is asked for its figures once, however many county requests come
 * while it works, and its answer, when it comes, serves the next request.
 */
import { partnerships, requirePartnership } from "@csg/schema";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnershipReaders, STATISTICS } from "../src/partnership-client/reader";
import { buildCountySubgraph } from "../src/subgraph";

const melton = requirePartnership("melton");
let server: Server;
let url: string;
const asked = { revision: 0, figures: 0 };
/** How long the partnership takes to answer its figures, and to say its revision. */
let busyFor = { figures: 5000, revision: 5000 };

beforeAll(async () => {
  server = createServer((request, response) => {
    const busy = request.method === "GET" ? busyFor.revision : busyFor.figures;
    if (request.method === "GET") asked.revision++;
    else asked.figures++;
    request.resume();
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json" });
      if (request.method === "GET") response.end(JSON.stringify({ revision: "r1" }));
      else response.end(JSON.stringify({ data: { _entities: [{ code: "melton", crimeStatistics: [] }] } }));
    }, busy);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}, 60_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a busy partnership, read by the county again and again", () => {
  it("is asked for its figures once while it works, and its answer serves the request after", async () => {
    const { schema } = await buildCountySubgraph();
    const readers = partnershipReaders(schema, {
      urls: new Map(partnerships.map((p) => [p.code, url])),
      // Long enough for an idle partnership's answer on a loaded machine (200 ms once failed in a full run).
      timeoutMs: 1000,
    });
    // Three county requests while Melton is busy: each gives up at its timeout, naming it.
    for (let i = 0; i < 3; i++) {
      const reading = await readers().read(melton, STATISTICS, { category: "all-crime" });
      expect(reading.problem).toMatch(/^Melton Community Safety Partnership did not answer within 1 s/);
    }
    // Revisions unknown (it was too busy to say): the three requests joined one reading.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(asked.figures).toBe(1);
    // No longer busy: the next request learns the revision and reads (a reading without a revision is not kept).
    busyFor = { figures: 0, revision: 0 };
    const revisions = asked.revision;
    const reading = await readers().read(melton, STATISTICS, { category: "all-crime" });
    expect(reading.problem).toBeNull();
    expect(reading.publications!.crimeStatistics).toEqual([]);
    expect(asked.figures).toBe(2);
    // And kept for its revision: the request after asks only the revision.
    await readers().read(melton, STATISTICS, { category: "all-crime" });
    expect(asked).toEqual({ revision: revisions + 2, figures: 2 });
  }, 30_000);
});
