import { readFileSync, readdirSync } from "node:fs";

export interface ProcessMemory {
  pid: number;
  command: string;
  /** Resident: every page the process maps, shared ones (Node's own code, libraries) included in full. */
  rssMiB: number;
  /**
   * Proportional: a shared page counts a share for each process mapping it. The sum over
   * processes is the memory they use together; a sum of RSS counts Node's shared code (about
   * 47 MiB) once per process.
   */
  pssMiB: number;
}

function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function memoryOf(pid: number): ProcessMemory | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0) / 1024;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    return { pid, command, rssMiB: kB("Rss"), pssMiB: kB("Pss") };
  } catch {
    return null;
  }
}

/** The memory of a process and all its descendants (Linux /proc). */
export function processTreeMemory(root: number): ProcessMemory[] {
  const pids = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: ProcessMemory[] = [];
  const visit = (pid: number) => {
    const memory = memoryOf(pid);
    if (memory) tree.push(memory);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}
