/**
 * Hosts on a network of their own for a test: Linux network namespaces (one per host), each
 * with one veth "cable" to a bridge in a switch namespace, on addresses that exist only
 * inside them. Nothing is added to this machine's own network namespace. Needs root and
 * iproute2 (CI runs as root); canMakeNamespaces() says whether this machine allows it.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";

function ip(...args: string[]): string {
  return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Why namespaces cannot be made here, or null when they can (tried, then removed). */
export function whyNoNamespaces(): string | null {
  if (process.platform !== "linux") return `network namespaces are Linux's (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return "making network namespaces needs root (CI runs as root)";
  for (const tool of ["curl", "openssl"]) {
    try {
      execFileSync(tool, ["--version"], { stdio: "ignore" });
    } catch {
      // openssl 3 answers `version`, not --version
      try {
        execFileSync(tool, ["version"], { stdio: "ignore" });
      } catch {
        return `the test needs ${tool}, which is not installed`;
      }
    }
  }
  const probe = `csgprobe${process.pid}`;
  try {
    ip("netns", "add", probe);
    ip("netns", "del", probe);
    return null;
  } catch (error) {
    return `\`ip netns add\` failed: ${((error as { stderr?: string }).stderr || (error as Error).message).trim()}`;
  }
}

export interface Host {
  name: string;
  namespace: string;
  address: string;
  /** The switch's end of this host's cable (set down to pull it). */
  switchPort: string;
}

export class Network {
  readonly hosts = new Map<string, Host>();
  private readonly switchNamespace: string;
  private readonly namespaces: string[] = [];
  private readonly processes = new Set<ChildProcess>();

  /** `prefix` short (interface names are at most 15 characters), `subnet` the first three octets. */
  constructor(
    private readonly prefix: string,
    private readonly subnet: string,
  ) {
    this.switchNamespace = `${prefix}-switch`;
  }

  private addNamespace(name: string): void {
    ip("netns", "add", name);
    this.namespaces.push(name);
    ip("-n", name, "link", "set", "lo", "up");
  }

  /**
   * Namespaces a killed run left (named `<word><pid>-...` by a test process that no longer
   * runs): removed, so that a SIGKILL never leaves them for good.
   */
  static removeLeftovers(word: string): void {
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (const line of ip("netns", "list").split("\n")) {
      const match = new RegExp(`^(${word}(\\d+)-\\S+)`).exec(line);
      if (match && !alive(Number(match[2]))) ip("netns", "del", match[1]!);
    }
  }

  /** The switch: a bridge in a namespace of its own. */
  build(hostNames: string[]): void {
    this.addNamespace(this.switchNamespace);
    ip("-n", this.switchNamespace, "link", "add", "br0", "type", "bridge");
    ip("-n", this.switchNamespace, "link", "set", "br0", "up");
    hostNames.forEach((name, i) => {
      const namespace = `${this.prefix}-${name}`;
      const address = `${this.subnet}.${i + 1}`;
      const switchPort = `port${i + 1}`;
      this.addNamespace(namespace);
      // Both ends made straight inside their namespaces.
      ip(
        "link",
        "add",
        "eth0",
        "netns",
        namespace,
        "type",
        "veth",
        "peer",
        "name",
        switchPort,
        "netns",
        this.switchNamespace,
      );
      ip("-n", this.switchNamespace, "link", "set", switchPort, "master", "br0", "up");
      ip("-n", namespace, "addr", "add", `${address}/24`, "dev", "eth0");
      ip("-n", namespace, "link", "set", "eth0", "up");
      this.hosts.set(name, { name, namespace, address, switchPort });
    });
  }

  host(name: string): Host {
    const host = this.hosts.get(name);
    if (!host) throw new Error(`no host ${name}`);
    return host;
  }

  /** Pulls (false) or plugs back (true) a host's cable, at the switch. */
  cable(name: string, connected: boolean): void {
    ip("-n", this.switchNamespace, "link", "set", this.host(name).switchPort, connected ? "up" : "down");
  }

  /** Starts a program on a host; its output is collected in `output`. */
  run(name: string, command: string[], env: Record<string, string> = {}): { process: ChildProcess; output: string[] } {
    const child = spawn("ip", ["netns", "exec", this.host(name).namespace, ...command], {
      env: { ...process.env, NODE_NO_WARNINGS: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const collect = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    this.processes.add(child);
    child.once("exit", () => this.processes.delete(child));
    return { process: child, output };
  }

  /** A command run to its end on a host: its exit code and output. */
  exec(name: string, command: string[], timeoutMs = 60_000): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const { process: child } = this.run(name, command);
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
      child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.once("exit", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  /** Stops every program (SIGKILL after 5 s) and removes every namespace (their cables go with them). */
  async tearDown(): Promise<void> {
    await Promise.all(
      [...this.processes].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill("SIGTERM");
          }),
      ),
    );
    this.removeNamespaces();
  }

  /** Synchronous, for a process that exits before tearDown ran. */
  removeNamespaces(): void {
    for (const child of this.processes) child.kill("SIGKILL");
    for (const namespace of this.namespaces.splice(0).reverse()) {
      try {
        ip("netns", "del", namespace);
      } catch {
        // already gone
      }
    }
  }
}
