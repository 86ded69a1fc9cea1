/**
 * `pnpm schema:check --url <url> --subgraph <name>`: a district's running subgraph checked
 * against the committed supergraph before the gateways use it. The shared system's Charnwood
 * subgraph passes; a new version that drops a field (served here from its SDL, as a district's
 * next release would) is refused, naming the change; a URL answering no SDL is refused.
 */
import { readSubgraphSdl } from "@csg/operator/supergraph-files";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/commands";
import { sharedSystem } from "./support/shared-system";

const t = sharedSystem();
const CLI = "services/operator/src/schema-check/schema-check-cli.ts";

/** The SDL without one field (its line starting `  <start>`) and the description above it. */
function withoutField(sdl: string, start: string): string {
  const lines = sdl.split("\n");
  const at = lines.findIndex((line) => line.startsWith(`  ${start}`));
  expect(at).toBeGreaterThan(0);
  let from = at;
  if (lines[from - 1]?.trim() === '"""') {
    from -= 1;
    while (lines[from - 1]?.trim() !== '"""') from -= 1;
    from -= 1;
  }
  lines.splice(from, at - from + 1);
  return lines.join("\n");
}

/** A server answering every POST with `answer`. */
function answering(answer: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end(answer));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server }),
    ),
  );
}

describe("a live subgraph checked against the supergraph", () => {
  const servers: Server[] = [];
  let withoutSetPartners = "";
  let withoutPlans = "";
  let noSdl = "";
  beforeAll(async () => {
    const sdl = readSubgraphSdl("charnwood");
    const a = await answering(JSON.stringify({ data: { _service: { sdl: withoutField(sdl, "setPartners(") } } }));
    const b = await answering(JSON.stringify({ data: { _service: { sdl: withoutField(sdl, "plans: [Plan!]") } } }));
    const c = await answering(JSON.stringify({ errors: [{ message: "Cannot query field _service" }] }));
    servers.push(a.server, b.server, c.server);
    [withoutSetPartners, withoutPlans, noSdl] = [a.url, b.url, c.url];
  });
  afterAll(() => servers.forEach((s) => s.close()));

  it("passes a running subgraph serving the committed schema", async () => {
    const url = t.subgraphs.find((s) => s.name === "charnwood")!.url;
    const result = await runCommand(CLI, ["--url", url, "--subgraph", "charnwood"]);
    expect(result.stdout).toContain("composes into the committed supergraph unchanged");
    expect(result.status).toBe(0);
  });

  it("refuses a version with a breaking change, naming it", async () => {
    const result = await runCommand(CLI, ["--url", withoutSetPartners, "--subgraph", "charnwood"]);
    expect(result.stdout).toMatch(
      /breaking\s+Field 'setPartners' was removed from object type 'CharnwoodCspMutations'/,
    );
    expect(result.stdout).toContain("REFUSED: 1 breaking change(s)");
    expect(result.status).toBe(1);
  });

  it("refuses a version that no longer composes (a field the county's subgraph relies on removed)", async () => {
    const result = await runCommand(CLI, ["--url", withoutPlans, "--subgraph", "charnwood"]);
    expect(result.stdout).toContain("does not compose with the others");
    expect(result.stdout).toContain("CharnwoodCsp.plans");
    expect(result.status).toBe(1);
  });

  it("refuses a URL that answers no SDL, a name that is no subgraph, and --url without --subgraph", async () => {
    const none = await runCommand(CLI, ["--url", noSdl, "--subgraph", "charnwood"]);
    expect(none.stderr).toContain("did not answer _service { sdl }: Cannot query field _service");
    expect(none.status).toBe(1);
    expect((await runCommand(CLI, ["--url", noSdl, "--subgraph", "leicestershire"])).stderr).toContain(
      'no subgraph "leicestershire"',
    );
    const missing = await runCommand(CLI, ["--url", noSdl]);
    expect(missing.stderr).toContain("--subgraph is required");
    expect(missing.status).toBe(2);
  });
});
