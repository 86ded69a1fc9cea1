/**
 * `pnpm bench:subgraph-calls`: what one subgraph call costs the gateway's process, ours
 * (SubgraphSource: undici's request API, the client's signal from the context) against
 * @apollo/gateway's RemoteGraphQLDataSource over Node's fetch (its per-call Request, Headers
 * and Response, its string body streamed), the way a dashboard's entity fetches reach a
 * partnership. Both call one loopback server in this process answering a 2.6 KB JSON answer,
 * eight calls at a time, in turn (A B A B ...). Prints CPU microseconds of this process per
 * call (the server's share is the same on both sides) and wall time per call, medians of the rounds.
 */
import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { createServer } from "node:http";
import { cpus, loadavg } from "node:os";
import { SubgraphSource } from "../src/subgraph-source";

const CALLS = Number(process.env.BENCH_CALLS ?? 6000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const answer = JSON.stringify({
  data: { _entities: Array.from({ length: 40 }, (_, i) => ({ __typename: "Figure", id: `charnwood:${i}`, count: i })) },
});
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(answer);
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/graphql`;

const sides = [
  { name: "ours (SubgraphSource)", source: new SubgraphSource("charnwood", "Charnwood", url) },
  {
    name: "RemoteGraphQLDataSource over fetch",
    source: new RemoteGraphQLDataSource({ url, fetcher: fetch as unknown as RemoteGraphQLDataSource["fetcher"] }),
  },
];
const request = () => ({
  query: "query($representations:[_Any!]!){_entities(representations:$representations){...on Figure{count}}}",
  variables: { representations: [{ __typename: "Figure", id: "charnwood:1" }] },
});

async function run(source: (typeof sides)[number]["source"], calls: number) {
  const signal = new AbortController().signal;
  const options = {
    kind: "incoming operation",
    request: request(),
    context: { signal },
    incomingRequestContext: {},
  } as unknown as Parameters<SubgraphSource["process"]>[0];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i += 8)
    await Promise.all(Array.from({ length: 8 }, () => source.process({ ...options, request: request() })));
  const used = process.cpuUsage(cpu);
  return { cpuMicros: (used.user + used.system) / calls, wallMicros: ((performance.now() - started) * 1000) / calls };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`,
);
for (const side of sides) await run(side.source, 1000); // warm-up
const results = sides.map(() => ({ cpu: [] as number[], wall: [] as number[] }));
for (let round = 0; round < ROUNDS; round++)
  for (const [i, side] of sides.entries()) {
    const { cpuMicros, wallMicros } = await run(side.source, CALLS);
    results[i].cpu.push(cpuMicros);
    results[i].wall.push(wallMicros);
  }
for (const [i, side] of sides.entries())
  console.log(
    `${side.name}: ${median(results[i].cpu).toFixed(0)} µs CPU per call, ${median(results[i].wall).toFixed(0)} µs wall`,
  );
console.log(
  `ours against RemoteGraphQLDataSource: ${(median(results[1].cpu) / median(results[0].cpu)).toFixed(2)}x less CPU per call (load average ${loadavg()[0].toFixed(2)} at the end)`,
);
server.close();
