import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  serverTls,
  clientTls,
  isCertificateFailure,
  isCertificateRefused,
  subgraphAddresses,
  topology,
} from "../src/index";

const work = mkdtempSync(join(tmpdir(), "csg-subgraph-addresses-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const file = (text: string) => {
  const path = join(work, `subgraphs-${n++}.json`);
  writeFileSync(path, text);
  return path;
};
const known = ["county", "national", "charnwood", "melton"];

describe("where each subgraph lives, from a file", () => {
  it("maps names to http or https URLs, and the topology takes them over CSG_SUBGRAPH_URL_<NAME> and the default", () => {
    const path = file(JSON.stringify({ charnwood: "https://csp.charnwood.example:4103/graphql" }));
    expect(subgraphAddresses(path, known)).toEqual(
      new Map([["charnwood", "https://csp.charnwood.example:4103/graphql"]]),
    );
    const layout = topology(0, {
      CSG_SUBGRAPHS_FILE: path,
      CSG_SUBGRAPH_URL_CHARNWOOD: "http://elsewhere/graphql",
      CSG_SUBGRAPH_URL_MELTON: "http://melton.example/graphql",
    });
    const url = (name: string) => layout.all.find((s) => s.name === name)!.url;
    expect(url("charnwood")).toBe("https://csp.charnwood.example:4103/graphql");
    expect(url("melton")).toBe("http://melton.example/graphql");
    expect(url("county")).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
  });

  it("refuses a bad file naming the file and the entry", () => {
    expect(() => subgraphAddresses(join(work, "missing.json"), known)).toThrow(
      /cannot read .*missing\.json \(ENOENT\)/,
    );
    expect(() => subgraphAddresses(file("{ not json"), known)).toThrow(/is not JSON/);
    expect(() => subgraphAddresses(file("[]"), known)).toThrow(/one JSON object/);
    expect(() => subgraphAddresses(file('{"leicestershire": "http://x/graphql"}'), known)).toThrow(
      /names "leicestershire", which is no subgraph/,
    );
    expect(() => subgraphAddresses(file('{"melton": 4104}'), known)).toThrow(/"melton": 4104 is not a URL/);
    expect(() => subgraphAddresses(file('{"melton": "file:///etc/passwd"}'), known)).toThrow(
      /"melton": file: is not http: or https:/,
    );
    expect(() => subgraphAddresses(file('{"melton": "https://user:secret@melton.example/graphql"}'), known)).toThrow(
      /carries no credentials/,
    );
    expect(() => subgraphAddresses(file(`{"melton": "${"x".repeat(70_000)}"}`), known)).toThrow(/over 65536 bytes/);
  });
});

describe("TLS settings from the environment", () => {
  const pem = join(work, "self.crt");
  const key = join(work, "self.key");
  const junk = file("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      pem,
      "-days",
      "1",
      "-subj",
      "/CN=unit",
    ],
    { stdio: "ignore" },
  );
  it("serves plain HTTP without a certificate, HTTPS with both, asking client certificates only with a client authority", () => {
    expect(serverTls({})).toBeUndefined();
    expect(serverTls({ CSG_TLS_CERT: pem, CSG_TLS_KEY: key })).toMatchObject({
      requestCert: false,
      rejectUnauthorized: false,
    });
    expect(serverTls({ CSG_TLS_CERT: pem, CSG_TLS_KEY: key, CSG_CLIENT_CA: pem })).toMatchObject({
      requestCert: true,
      rejectUnauthorized: true,
    });
    expect(Object.keys(clientTls({ CSG_TLS_CA: pem, CSG_TLS_CLIENT_CERT: pem, CSG_TLS_CLIENT_KEY: key }))).toEqual([
      "ca",
      "cert",
      "key",
    ]);
  });
  it("refuses files that are no certificate, or a key of another certificate, naming the files", () => {
    expect(() => serverTls({ CSG_TLS_CERT: junk, CSG_TLS_KEY: key })).toThrow(
      /TLS files \(CSG_TLS_CERT=.*, CSG_TLS_KEY=.*self\.key\) are not PEM certificates/,
    );
    expect(() => serverTls({ CSG_TLS_CERT: pem, CSG_TLS_KEY: pem })).toThrow(
      /are not PEM certificates with their matching keys/,
    );
  });
  it("refuses half a configuration and files it cannot read, naming them", () => {
    expect(() => serverTls({ CSG_TLS_CERT: pem })).toThrow(/CSG_TLS_KEY is missing/);
    expect(() => serverTls({ CSG_CLIENT_CA: pem })).toThrow(/CSG_CLIENT_CA .* needs CSG_TLS_CERT/);
    expect(() => serverTls({ CSG_TLS_CERT: join(work, "nope.crt"), CSG_TLS_KEY: pem })).toThrow(
      /CSG_TLS_CERT: cannot read .*nope\.crt \(ENOENT\)/,
    );
    expect(() => clientTls({ CSG_TLS_CLIENT_CERT: pem })).toThrow(/CSG_TLS_CLIENT_KEY is missing/);
    expect(clientTls({})).toEqual({});
  });
  it("tells a certificate that failed verification from other failures", () => {
    for (const code of [
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "CERT_HAS_EXPIRED",
      "ERR_TLS_CERT_ALTNAME_INVALID",
    ]) {
      expect(isCertificateFailure(code), code).toBe(true);
    }
    for (const code of [
      "ECONNREFUSED",
      "ETIMEDOUT",
      "UND_ERR_SOCKET",
      "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
      undefined,
    ]) {
      expect(isCertificateFailure(code), String(code)).toBe(false);
    }
    // The subgraph refusing this side's certificate is another matter (the gateway's --client-cert).
    for (const code of ["ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"])
      expect(isCertificateRefused(code), code).toBe(true);
    expect(isCertificateRefused("UNABLE_TO_VERIFY_LEAF_SIGNATURE")).toBe(false);
  });
});
