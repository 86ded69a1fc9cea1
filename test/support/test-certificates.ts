/**
 * A throwaway certificate authority for one test run, and certificates it signs (or a rogue
 * authority signs), made with the openssl command as OPERATIONS.md tells a district to.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

function openssl(dir: string, ...args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

export interface Certificate {
  cert: string;
  key: string;
}

export class TestAuthority {
  readonly cert: string;
  private readonly key: string;

  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {
    this.cert = join(dir, `${name}-ca.crt`);
    this.key = join(dir, `${name}-ca.key`);
    // Elliptic-curve keys: made in milliseconds, where RSA keys take a while on a busy machine.
    openssl(
      dir,
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      this.key,
      "-out",
      this.cert,
      "-days",
      "2",
      "-subj",
      `/CN=${name} test authority`,
    );
  }

  /** A certificate for `name`, valid for the IP addresses given (a server's) or none (a client's). */
  issue(name: string, addresses: string[] = []): Certificate {
    const key = join(this.dir, `${this.name}-${name}.key`);
    const csr = join(this.dir, `${this.name}-${name}.csr`);
    const cert = join(this.dir, `${this.name}-${name}.crt`);
    const extensions = join(this.dir, `${this.name}-${name}.ext`);
    openssl(
      this.dir,
      "req",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      key,
      "-out",
      csr,
      "-subj",
      `/CN=${name}`,
    );
    writeFileSync(
      extensions,
      addresses.length
        ? `subjectAltName=${addresses.map((a) => `IP:${a}`).join(",")}\n`
        : "extendedKeyUsage=clientAuth\n",
    );
    openssl(
      this.dir,
      "x509",
      "-req",
      "-in",
      csr,
      "-CA",
      this.cert,
      "-CAkey",
      this.key,
      "-CAcreateserial",
      "-out",
      cert,
      "-days",
      "2",
      "-extfile",
      extensions,
    );
    return { cert, key };
  }
}
