/**
 * A service with a certificate serves HTTPS (listen() in http.ts), and a TLS handshake that
 * never completes is dropped within the header timeout, not Node's two minutes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServedHttp, listen } from "../src/index";

const work = mkdtempSync(join(tmpdir(), "csg-tls-listen-"));
let served: ServedHttp;
beforeAll(async () => {
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
      "s.key",
      "-out",
      "s.crt",
      "-days",
      "1",
      "-subj",
      "/CN=unit",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { cwd: work, stdio: "ignore" },
  );
  Object.assign(process.env, {
    CSG_TLS_CERT: join(work, "s.crt"),
    CSG_TLS_KEY: join(work, "s.key"),
    CSG_HEADER_TIMEOUT_MS: "1000",
  });
  served = await listen(0, (_request, response) => response.end("over TLS"), "127.0.0.1");
  for (const name of ["CSG_TLS_CERT", "CSG_TLS_KEY", "CSG_HEADER_TIMEOUT_MS"]) delete process.env[name];
});
afterAll(async () => {
  await served?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("a service with a certificate", () => {
  it("serves HTTPS", async () => {
    expect(served.scheme).toBe("https");
    const text = await new Promise<string>((resolve, reject) => {
      const asked = request(
        { host: "127.0.0.1", port: served.port, path: "/", ca: readFileSync(join(work, "s.crt")) },
        (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
          response.on("end", () => resolve(body));
        },
      );
      asked.on("error", reject);
      asked.end();
    });
    expect(text).toBe("over TLS");
  });

  it("drops a handshake that never completes within the header timeout", async () => {
    const started = Date.now();
    await new Promise<void>((resolve) => {
      // The first bytes of a TLS record, then nothing.
      const socket = connect(served.port, "127.0.0.1", () => socket.write(Buffer.from([0x16, 0x03, 0x01])));
      socket.on("error", () => {});
      socket.on("close", () => resolve());
    });
    // 1 s configured; a generous bound for a loaded machine, far below Node's 120 s.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
