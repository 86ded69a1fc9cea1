/**
 * Districts on hosts of their own (issue 21): the gateways, the county's host and two
 * districts' hosts, each a network namespace with one cable to a switch, each service started
 * there with `pnpm serve`'s program, over TLS signed by a throwaway county authority, with
 * mutual TLS (every subgraph asks for a client certificate). Skipped, saying why, where
 * namespaces cannot be made (not root, no iproute2).
 */
import { partnerships } from "@csg/schema";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Network, whyNoNamespaces } from "./support/network-namespaces";
import { runCommand } from "./support/commands";
import { TEST_BUNDLES } from "./support/test-bundles";
import { TestAuthority } from "./support/test-certificates";

const why = whyNoNamespaces();
if (why) console.warn(`test/separate-hosts.test.ts skipped: ${why}`);

const SUBNET = "10.201.21";
const HOSTS = ["gateway1", "gateway2", "county", "district-a", "district-b"];
const addressOf = (host: string) => `${SUBNET}.${HOSTS.indexOf(host) + 1}`;
/** Where each subgraph runs: charnwood on district A, melton on district B, harborough (rogue certificate) on the county's host. */
const PLACES = {
  county: { host: "county", port: 4101 },
  national: { host: "county", port: 4102 },
  charnwood: { host: "district-a", port: 4103 },
  melton: { host: "district-b", port: 4104 },
  harborough: { host: "county", port: 4105 },
} as const;
type Placed = keyof typeof PLACES;
const urlOf = (name: Placed) => `https://${addressOf(PLACES[name].host)}:${PLACES[name].port}/graphql`;
const GATEWAY_PORT = 4000;

describe.skipIf(why !== null)("services on separate hosts, over TLS", () => {
  const network = new Network(`c21p${process.pid}`, SUBNET);
  const removeOnExit = () => network.removeNamespaces();
  const work = mkdtempSync(join(tmpdir(), "csg-separate-hosts-"));
  const serve = join(process.env[TEST_BUNDLES] ?? "", "serve.mjs");
  const gatewayOutput: string[][] = [];
  let charnwoodData = "";

  async function started(host: string, args: string[], readyLine: RegExp): Promise<string[]> {
    const { process: child, output } = network.run(host, [process.execPath, serve, ...args]);
    const deadline = Date.now() + 120_000;
    while (!output.some((line) => readyLine.test(line))) {
      if (child.exitCode !== null)
        throw new Error(`${args[0]} on ${host} exited (${child.exitCode}):\n${output.join("\n")}`);
      if (Date.now() > deadline) throw new Error(`${args[0]} on ${host} not ready within 120 s:\n${output.join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return output;
  }

  /** A GraphQL request from a host (curl there: this process is on none of these networks). */
  async function query(
    host: string,
    text: string,
    variables: object = {},
    token?: string,
  ): Promise<{ data?: any; errors?: any[] }> {
    const url = `http://${addressOf(host)}:${GATEWAY_PORT}/graphql`;
    const headers = [
      "-H",
      "content-type: application/json",
      ...(token ? ["-H", `authorization: Bearer ${token}`] : []),
    ];
    const result = await network.exec(host, [
      "curl",
      "-sS",
      "-m",
      "60",
      ...headers,
      "--data-binary",
      JSON.stringify({ query: text, variables }),
      url,
    ]);
    if (result.code !== 0) throw new Error(`curl on ${host} failed (${result.code}): ${result.stderr}`);
    return JSON.parse(result.stdout);
  }

  beforeAll(async () => {
    process.once("exit", removeOnExit);
    try {
      Network.removeLeftovers("c21p");
      network.build(HOSTS);
      const county = new TestAuthority(work, "county");
      const rogue = new TestAuthority(work, "rogue");
      const serverCertificates = Object.fromEntries(
        (Object.keys(PLACES) as Placed[]).map((name) => [
          name,
          (name === "harborough" ? rogue : county).issue(name, [addressOf(PLACES[name].host)]),
        ]),
      );
      const gatewayClient = county.issue("gateway-client");
      const countyClient = county.issue("county-client");
      // The partnerships not started point at a port nothing listens on: refused at once.
      const addresses = Object.fromEntries(
        partnerships.map((p) => [p.code, `https://${addressOf("county")}:4999/graphql`]),
      );
      for (const name of Object.keys(PLACES) as Placed[]) addresses[name] = urlOf(name);
      const subgraphsFile = join(work, "subgraphs.json");
      writeFileSync(subgraphsFile, JSON.stringify(addresses, null, 2));

      const subgraph = (name: Placed) => {
        const { host, port } = PLACES[name];
        const dataDir = join(work, `data-${name}`);
        if (name === "charnwood") charnwoodData = dataDir;
        const tls = [
          "--tls-cert",
          serverCertificates[name]!.cert,
          "--tls-key",
          serverCertificates[name]!.key,
          "--client-ca",
          county.cert,
        ];
        const client =
          name === "county"
            ? [
                "--subgraphs",
                subgraphsFile,
                "--ca",
                county.cert,
                "--client-cert",
                countyClient.cert,
                "--client-key",
                countyClient.key,
              ]
            : [];
        // A host of its own holds only its own database: created on this first serve (--seed).
        return started(
          host,
          [name, "--data-dir", dataDir, "--seed", "--listen", `${addressOf(host)}:${port}`, ...tls, ...client],
          /ready at https:/,
        );
      };
      await Promise.all((Object.keys(PLACES) as Placed[]).map(subgraph));
      for (const host of ["gateway1", "gateway2"]) {
        const tls = ["--ca", county.cert, "--client-cert", gatewayClient.cert, "--client-key", gatewayClient.key];
        gatewayOutput.push(
          await started(
            host,
            ["gateway", "--listen", `${addressOf(host)}:${GATEWAY_PORT}`, "--subgraphs", subgraphsFile, ...tls],
            /Gateway ready/,
          ),
        );
      }
    } catch (error) {
      await network.tearDown();
      throw error;
    }
  });

  afterAll(async () => {
    await network.tearDown();
    process.off("exit", removeOnExit);
    rmSync(work, { recursive: true, force: true });
  });

  const PRIORITIES = `{ charnwood: partnership(code: "charnwood") { name priorities { title } } melton: partnership(code: "melton") { name crimeStatistics(category: "all-crime") { localLabel count } } }`;

  it("answers through the gateway, each district's subgraph read over TLS on its own host", async () => {
    const { data, errors } = await query("gateway1", PRIORITIES);
    expect(errors).toBeUndefined();
    expect(data.charnwood.name).toBe("Charnwood Community Safety Partnership");
    // Charnwood's first priority as its seed publishes it.
    expect(data.charnwood.priorities[0].title).toBe("Reduce All Crime particularly: Domestic Burglary");
    expect(data.melton.name).toBe("Melton Community Safety Partnership");
    // Melton publishes no plan in the seeds; its recorded crime (Figure 3 of 002_8e9c48eccd29813b.txt) comes from its own host.
    expect(data.melton.crimeStatistics).toContainEqual({ localLabel: "Recorded Crime", count: 2455 });
  });

  it("refuses a subgraph whose certificate the gateway cannot verify, naming it", async () => {
    const { data, errors } = await query(
      "gateway1",
      `{ partnership(code: "harborough") { name priorities { title } } }`,
    );
    // The county names the partnership; its own subgraph, refused, gives nothing.
    expect(data.partnership).toEqual({ name: "Harborough District Community Safety Partnership", priorities: null });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({
      code: "SUBGRAPH_UNAVAILABLE",
      subgraph: "harborough",
      reason: "CERTIFICATE",
    });
    expect(errors![0].message).toMatch(/"harborough" could not be verified/);
    expect(gatewayOutput[0]!.some((line) => /^subgraph "harborough": .*certificate/.test(line))).toBe(true);
    // /health shows it down with OpenSSL's reason, and no subgraph's address (not asked to expose them).
    const health = JSON.parse(
      (
        await network.exec("gateway1", [
          "curl",
          "-sS",
          "-m",
          "30",
          `http://${addressOf("gateway1")}:${GATEWAY_PORT}/health`,
        ])
      ).stdout,
    );
    const byName = new Map(health.subgraphs.map((s: { name: string }) => [s.name, s]));
    expect(byName.get("harborough")).toMatchObject({
      status: "down",
      error: expect.stringMatching(/UNABLE_TO_VERIFY|CERT/),
    });
    expect(byName.get("charnwood")).toMatchObject({ status: "up" });
    expect(JSON.stringify(health)).not.toContain(SUBNET);
  });

  it("mutual TLS: a subgraph refuses a client without a certificate from the county's authority", async () => {
    const ca = join(work, "county-ca.crt");
    const body = JSON.stringify({ query: "{ __typename }" });
    const ask = (extra: string[]) =>
      network.exec("gateway1", [
        "curl",
        "-sS",
        "-m",
        "20",
        "--cacert",
        ca,
        ...extra,
        "-H",
        "content-type: application/json",
        "--data-binary",
        body,
        urlOf("charnwood"),
      ]);
    const without = await ask([]);
    expect(without.code).not.toBe(0);
    expect(without.stdout).toBe("");
    const withRogue = await ask([
      "--cert",
      join(work, "rogue-harborough.crt"),
      "--key",
      join(work, "rogue-harborough.key"),
    ]);
    expect(withRogue.code).not.toBe(0);
    const withCertificate = await ask([
      "--cert",
      join(work, "county-gateway-client.crt"),
      "--key",
      join(work, "county-gateway-client.key"),
    ]);
    expect(JSON.parse(withCertificate.stdout)).toEqual({ data: { __typename: "Query" } });
  });

  it("a district's cable pulled: a partial answer naming it within the timeout; plugged back, it answers again", async () => {
    network.cable("district-b", false);
    try {
      const asked = Date.now();
      const { data, errors } = await query("gateway1", PRIORITIES);
      const seconds = (Date.now() - asked) / 1000;
      // The documented subgraph timeout is 5 s; the request's own deadline 15 s.
      expect(seconds).toBeLessThan(15);
      expect(data.charnwood.priorities[0].title).toBe("Reduce All Crime particularly: Domestic Burglary");
      expect(errors!.map((e) => e.extensions.subgraph)).toEqual(["melton"]);
      expect(errors![0].extensions.code).toBe("SUBGRAPH_UNAVAILABLE");
    } finally {
      network.cable("district-b", true);
    }
    await expect
      .poll(async () => (await query("gateway1", PRIORITIES)).errors, { timeout: 60_000, interval: 1000 })
      .toBeUndefined();
  });

  it("two gateways on two hosts answer alike, and a write through one is seen at once through the other", async () => {
    const FIGURES = `{ partnership(code: "charnwood") { crimeStatistics(category: "all-crime") { id count period { label } } } }`;
    const [one, two] = await Promise.all([query("gateway1", FIGURES), query("gateway2", FIGURES)]);
    expect(one.errors).toBeUndefined();
    expect(two).toEqual(one);
    const figure = one.data.partnership.crimeStatistics[0];
    // The district's token, issued by `pnpm tokens` on its own host's folder (its only database: no county.db).
    const issued = await runCommand("services/operator/src/admin/token-cli.ts", [
      "issue",
      "--partnership",
      "charnwood",
      "--label",
      "Charnwood officer",
      "--data-dir",
      charnwoodData,
    ]);
    expect(issued.stderr).toBe("");
    const token = /^csg_\S+$/m.exec(issued.stdout)![0];
    const write = await query(
      "gateway1",
      `mutation($c: [CrimeStatisticCorrectionInput!]!) { charnwood { correctCrimeStatistics(corrections: $c) { id count } } }`,
      { c: [{ id: figure.id, count: figure.count + 7, note: "Separate hosts test" }] },
      token,
    );
    expect(write.errors).toBeUndefined();
    const seen = await query("gateway2", FIGURES);
    expect(seen.data.partnership.crimeStatistics[0]).toEqual({ ...figure, count: figure.count + 7 });
    // Without the token, the write is refused whichever gateway it comes through.
    const refused = await query(
      "gateway2",
      `mutation($c: [CrimeStatisticCorrectionInput!]!) { charnwood { correctCrimeStatistics(corrections: $c) { id } } }`,
      {
        c: [{ id: figure.id, count: 1, note: "no token" }],
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
