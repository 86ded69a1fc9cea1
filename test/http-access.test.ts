/**
 * How the endpoint can be reached: queries by GET as ordinary clients send them, CORS for the
 * origins an operator lists (none by default), POSTs that are not JSON refused (CSRF), and a
 * service listening on the address it is given.
 */
import { type RunningGateway, startGateway } from "@csg/gateway";
import { readSupergraph } from "@csg/operator/supergraph-files";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "./support/commands";
import { sharedSystem } from "./support/shared-system";

const t = sharedSystem();
const DASHBOARD = "https://dashboards.example.org";
let withCors: RunningGateway;
beforeAll(async () => {
  // A second gateway over the shared subgraphs, as an operator would start it with --cors-origins.
  const subgraphs = t.subgraphs.map((s) => ({ ...s, port: Number(new URL(s.url).port) }));
  withCors = await startGateway({ port: 0, supergraphSdl: readSupergraph(), subgraphs, corsOrigins: [DASHBOARD] });
});
afterAll(() => withCors?.stop());

const query = `{ partnership(code: "charnwood") { name } }`;

describe("the gateway over HTTP", () => {
  it("answers a query sent by GET, as urql sends it, with no special header", async () => {
    const response = await fetch(`${t.gatewayUrl}?query=${encodeURIComponent(query)}`, {
      headers: { accept: "application/graphql-response+json, application/json" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { partnership: { name: "Charnwood Community Safety Partnership" } },
    });
  });

  it("runs no mutation sent by GET", async () => {
    const mutation = `mutation { charnwood { setPartners(partners: []) { name } } }`;
    const response = await fetch(`${t.gatewayUrl}?query=${encodeURIComponent(mutation)}`);
    expect(response.status).toBe(405);
  });

  it("refuses a POST that is not JSON, as a form on another site would send it", async () => {
    const response = await fetch(t.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("gives no CORS headers by default, and a listed origin its own", async () => {
    const plain = await fetch(`${t.gatewayUrl}?query=${encodeURIComponent(query)}`, { headers: { origin: DASHBOARD } });
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await fetch(withCors.url, {
      method: "OPTIONS",
      headers: { origin: DASHBOARD, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");

    const answered = await fetch(withCors.url, {
      method: "POST",
      headers: { origin: DASHBOARD, "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    expect(answered.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    const other = await fetch(withCors.url, {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("a service's listen address", () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "csg-host-"));
  afterAll(() => {
    child?.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is the one given with --host (here 127.0.0.2), and no other", async () => {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "services/csp/src/main.ts",
        "--partnership=melton",
        `--port=${port}`,
        "--host",
        "127.0.0.2",
        "--data-dir",
        dataDir,
      ],
      {
        cwd: repositoryRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (chunk: Buffer) => {
        output += chunk;
        if (output.includes("ready at")) resolve();
      });
      child!.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const ask = (host: string) =>
      fetch(`http://${host}:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    expect((await ask("127.0.0.2")).status).toBe(200);
    await expect(ask("127.0.0.1")).rejects.toThrow();
  });
});
