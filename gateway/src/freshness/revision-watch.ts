import { clientHttpsAgent, localRevisions, revisionUrl } from "@csg/service-runtime";
import { Agent, get } from "node:http";
import { get as getHttps } from "node:https";

/** A subgraph's database on this machine, and whether its service is running (as its launcher knows). */
export interface LocalDatabase {
  file: string;
  /** False while the service is stopped: then it is asked over HTTP (and found down), not read as unchanged. */
  running?: () => boolean;
}

/** Every subgraph's revision at one moment, as one comparable string; null when one did not answer. */
export type RevisionVector = string | null;

export interface RevisionWatchOptions {
  /** The subgraphs whose data an answer may depend on (all of them: the county reads every partnership). */
  subgraphs: { name: string; url: string }[];
  /** SQLite files of subgraphs this machine runs, by subgraph name: read directly (see local-revision.ts). */
  localDatabases?: Map<string, LocalDatabase>;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2000;
const agent = new Agent({ keepAlive: true });

function askRevision(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Over TLS with the gateway's authority and certificate (service-tls.ts), as its fetches.
    const send = url.startsWith("https:")
      ? (o: object, r: Parameters<typeof get>[2]) => getHttps(url, { ...o, agent: clientHttpsAgent() }, r)
      : (o: object, r: Parameters<typeof get>[2]) => get(url, { ...o, agent }, r);
    const request = send({ timeout: timeoutMs }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        if (response.statusCode !== 200) return reject(new Error(`HTTP ${response.statusCode} from ${url}`));
        try {
          resolve(String((JSON.parse(text) as { revision: unknown }).revision));
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on("timeout", () => request.destroy(new Error(`no revision from ${url} within ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}

/**
 * Asks every subgraph its revision, for requests that need to know the data is unchanged.
 * A caller gets the answer of a round that STARTED after it asked, so a write committed
 * before a request arrived is always seen by it (no window, whatever process wrote). Rounds
 * are shared: callers arriving while a round is in flight all wait for the next one, so
 * under load one round (one tiny GET per subgraph) serves many requests.
 */
export class RevisionWatch {
  private inFlight: Promise<RevisionVector> | null = null;
  private queued: Promise<RevisionVector> | null = null;
  /** Callers waiting for this turn's read of the files on this machine. */
  private waiting: ((revision: RevisionVector) => void)[] = [];
  /** The last vector read from the files, and its parts: an unchanged read returns the same string. */
  private lastRead: { parts: string[]; vector: string } | null = null;
  private readonly sources: { name: string; url: string; local: (() => string | null) | null }[];
  private readonly allLocal: boolean;

  constructor(private readonly options: RevisionWatchOptions) {
    const databases = [...(options.localDatabases?.values() ?? [])];
    const reads = localRevisions(databases.map((d) => d.file));
    this.sources = [...options.subgraphs]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => {
        const database = options.localDatabases?.get(s.name);
        const read = database ? reads.get(database.file)! : null;
        const local = read && database ? () => (database.running?.() === false ? null : read()) : null;
        return { name: s.name, url: revisionUrl(s.url), local };
      });
    // The launcher starts the gateway once every subgraph answers: their files exist by then.
    this.allLocal = this.sources.every((s) => s.local);
  }

  /** The revisions as of a moment after this call. */
  observe(): Promise<RevisionVector> {
    return new Promise((resolve) => this.whenObserved(resolve));
  }

  /**
   * Calls `then` with the revisions as of a moment after this call. Where every file is on
   * this machine, in this turn's check phase, once for every request that asked before then,
   * and after the poll phase that took in the kernel's news of every write committed before
   * those requests were sent (see localRevisions). No promise on that path: a cached answer
   * waits for nothing else.
   */
  whenObserved(then: (revision: RevisionVector) => void): void {
    if (!this.allLocal) {
      void this.remoteRound().then(then);
      return;
    }
    this.waiting.push(then);
    if (this.waiting.length === 1) setImmediate(this.readFiles);
  }

  private readonly readFiles = () => {
    const waiting = this.waiting;
    this.waiting = [];
    const parts = this.sources.map((s) => s.local!());
    // A service stopped: ask every subgraph over HTTP instead (and find it down).
    if (parts.some((r) => r === null)) {
      void this.remoteRound().then((revision) => {
        for (const then of waiting) then(revision);
      });
      return;
    }
    const last = this.lastRead;
    if (!last || parts.some((part, i) => part !== last.parts[i])) {
      const vector = this.sources.map((s, i) => `${s.name}=${parts[i]}`).join(" ");
      this.lastRead = { parts: parts as string[], vector };
    }
    const vector = this.lastRead!.vector;
    for (const then of waiting) then(vector);
  };

  /** The next round of asking that starts after this call. */
  private remoteRound(): Promise<RevisionVector> {
    if (!this.inFlight) return this.start();
    this.queued ??= this.inFlight.then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<RevisionVector> {
    const round = this.round().finally(() => {
      if (this.inFlight === round) this.inFlight = null;
    });
    this.inFlight = round;
    return round;
  }

  private async round(): Promise<RevisionVector> {
    const timeout = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const revisions = await Promise.all(this.sources.map((s) => s.local?.() ?? askRevision(s.url, timeout)));
      return this.sources.map((s, i) => `${s.name}=${revisions[i]}`).join(" ");
    } catch {
      return null; // a subgraph is down or answers no revision: nothing can be shown unchanged
    }
  }
}
