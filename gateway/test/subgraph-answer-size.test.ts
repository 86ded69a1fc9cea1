/**
 * A subgraph's answer is read only up to the runtime's MAX_ANSWER_BYTES: a district's
 * subgraph on a host of its own that sends an endless answer costs the gateway a bounded read
 * and an error naming the partnership, not its memory.
 */
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { MAX_ANSWER_BYTES } from "@csg/service-runtime";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayContext } from "../src/context";
import { SubgraphSource } from "../src/subgraph-source";

const CHARNWOOD = { data: { _entities: [{ name: "Charnwood Community Safety Partnership" }] } };
/** Bytes the oversized answer would send in all: twice the limit. */
const ENDLESS = 2 * MAX_ANSWER_BYTES;

let server: Server;
let url: string;
/** Whether the oversized answer's connection closed before all of it was written. */
let cutShort: Promise<boolean>;

beforeAll(async () => {
  let closed!: (short: boolean) => void;
  cutShort = new Promise((resolve) => (closed = resolve));
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json" });
      if (request.url === "/small") return response.end(JSON.stringify(CHARNWOOD));
      // An answer that opens as JSON and never closes its string, in chunks, as fast as it is read.
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      response.write('{"data":{"_entities":[{"name":"');
      response.once("close", () => closed(!response.writableFinished));
      const more = () => {
        while (sent < ENDLESS) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", more);
        }
        response.end('"}]}}');
      };
      more();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetchOf = (path: string) =>
  new SubgraphSource("charnwood", "Charnwood Community Safety Partnership", `${url}${path}`, 10_000).process({
    request: { query: "{ _entities { name } }" },
    context: { authorization: undefined, revision: null },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

describe("a subgraph's answer", () => {
  it("is read in full when it is of a normal size", async () => {
    expect((await fetchOf("/small")).data).toEqual(CHARNWOOD.data);
  });

  it(`over ${MAX_ANSWER_BYTES} bytes fails, naming the partnership, and is not read to its end`, async () => {
    const failed = await fetchOf("/endless").then(
      () => undefined,
      (error: { message: string; extensions: Record<string, unknown> }) => error,
    );
    expect(failed?.message).toBe(
      `Charnwood Community Safety Partnership is unavailable: its subgraph "charnwood" sent an answer over ${MAX_ANSWER_BYTES} bytes.`,
    );
    expect(failed?.extensions).toMatchObject({
      code: "SUBGRAPH_UNAVAILABLE",
      reason: "ANSWER_TOO_LARGE",
      subgraph: "charnwood",
    });
    expect(await cutShort).toBe(true);
  });
});
