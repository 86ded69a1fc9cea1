/**
 * `npx -y pnpm@10 start` is a chain of processes (npm exec, sh, pnpm, sh, tsx, node): a
 * SIGTERM to any of the outer ones ends it without passing the signal on, and the launcher
 * (and so every subgraph) would live on. The launcher therefore watches its ancestors of
 * that chain and stops everything when one of them is gone. Linux only (/proc); elsewhere
 * it watches its own parent.
 */
import { readFileSync } from "node:fs";

interface Ancestor {
  pid: number;
  /** Its start time (clock ticks since boot): a reused pid is another process. */
  started: string;
  command: string;
}

/** A process of the chain names one of these in its command line (`sh -c tsx ...`, `node .../pnpm start`). */
const CHAIN = /\b(npm exec|npx|pnpm|tsx)\b/;

function readAncestor(pid: number): (Ancestor & { parent: number }) | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields follow its last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return { pid, parent: Number(fields[1]), started: fields[19], command: argv.join(" ") };
  } catch {
    return undefined;
  }
}

/** The launcher's ancestors that belong to the start command, nearest first. */
export function startChain(from = process.ppid): Ancestor[] {
  const chain: Ancestor[] = [];
  for (let pid = from; pid > 1; ) {
    const ancestor = readAncestor(pid);
    if (!ancestor) break;
    if (!CHAIN.test(ancestor.command)) break;
    chain.push(ancestor);
    pid = ancestor.parent;
  }
  return chain;
}

/** Calls `gone` once, when a process of the start chain has ended. */
export function watchStartChain(gone: (ancestor: string) => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const chain = startChain();
  const timer = setInterval(() => {
    const ended = chain.find((a) => readAncestor(a.pid)?.started !== a.started);
    if (ended || (chain.length === 0 && process.ppid !== parent)) {
      clearInterval(timer);
      gone(ended ? `${ended.command} (pid ${ended.pid})` : `the parent process (pid ${parent})`);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
