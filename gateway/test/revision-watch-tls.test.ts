/**
 * The gateway's revision reads go over TLS with its authority and client certificate (the
 * same settings as its subgraph fetches): a subgraph that asks for a client certificate
 * answers them, and one whose certificate is signed by another authority is not believed.
 */
import { useClientTls } from "@csg/service-runtime";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RevisionWatch } from "../src/freshness/revision-watch";

const work = mkdtempSync(join(tmpdir(), "csg-revision-tls-"));
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: work, stdio: "ignore" });
const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

function authority(name: string): void {
  openssl(
    "req",
    "-x509",
    ...ec,
    "-keyout",
    `${name}-ca.key`,
    "-out",
    `${name}-ca.crt`,
    "-days",
    "1",
    "-subj",
    `/CN=${name}`,
  );
}
function issue(ca: string, name: string, extension: string): void {
  openssl("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
  writeFileSync(join(work, `${name}.ext`), `${extension}\n`);
  openssl(
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    `${ca}-ca.crt`,
    "-CAkey",
    `${ca}-ca.key`,
    "-CAcreateserial",
    "-out",
    `${name}.crt`,
    "-days",
    "1",
    "-extfile",
    `${name}.ext`,
  );
}
const file = (name: string) => readFileSync(join(work, name));

/** A subgraph's revision endpoint over mutual TLS: its certificate by `ca`, clients' by the county's authority. */
function subgraph(certificate: string): Promise<{ server: Server; url: string }> {
  const server = createServer(
    {
      cert: file(`${certificate}.crt`),
      key: file(`${certificate}.key`),
      ca: file("county-ca.crt"),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ revision: "r7" })),
  );
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` }),
    ),
  );
}

describe("revision reads over TLS", () => {
  const servers: Server[] = [];
  let trusted = "";
  let rogue = "";
  beforeAll(async () => {
    authority("county");
    authority("rogue");
    issue("county", "subgraph", "subjectAltName=IP:127.0.0.1");
    issue("rogue", "impostor", "subjectAltName=IP:127.0.0.1");
    issue("county", "gateway", "extendedKeyUsage=clientAuth");
    const a = await subgraph("subgraph");
    const b = await subgraph("impostor");
    servers.push(a.server, b.server);
    [trusted, rogue] = [a.url, b.url];
    useClientTls({
      CSG_TLS_CA: join(work, "county-ca.crt"),
      CSG_TLS_CLIENT_CERT: join(work, "gateway.crt"),
      CSG_TLS_CLIENT_KEY: join(work, "gateway.key"),
    });
  });
  afterAll(() => {
    servers.forEach((s) => s.close());
    rmSync(work, { recursive: true, force: true });
  });

  it("reads a subgraph's revision with the gateway's certificate, trusting the county's authority", async () => {
    expect(await new RevisionWatch({ subgraphs: [{ name: "charnwood", url: trusted }] }).observe()).toBe(
      "charnwood=r7",
    );
  });

  it("believes no revision from a subgraph whose certificate another authority signed", async () => {
    expect(
      await new RevisionWatch({
        subgraphs: [
          { name: "charnwood", url: trusted },
          { name: "melton", url: rogue },
        ],
      }).observe(),
    ).toBeNull();
  });
});
