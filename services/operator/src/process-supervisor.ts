/**
 * Keeps the system's processes running, every subgraph and the gateway alike: one that dies
 * (not stopped by the launcher) is started again (same port, database and options) after a
 * back-off that doubles with each failure in a row (1 s, 2 s, 4 s ... up to 30 s; back to
 * 1 s once it has run for a minute). Each death and restart is logged; the record of every
 * process goes to the gateway, whose /health shows it (see `changed`).
 */
import type { SupervisedProcess } from "@csg/service-runtime";
import type { RunningService } from "./system";

export interface SupervisorOptions {
  log: (line: string) => void;
  /** Called after every change of the record (a start, a death, a restart due). */
  changed?: () => void;
  /** Start a process that died again (default true); false only records its death. */
  restart?: boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

const STABLE_AFTER_MS = 60_000;

type State = SupervisedProcess & { failuresInARow: number; startedAt: number };

export class ProcessSupervisor {
  private readonly states = new Map<string, State>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** `processes`: the system's running processes by name, which restarts replace. */
  constructor(
    private readonly processes: Map<string, RunningService>,
    private readonly options: SupervisorOptions,
  ) {}

  /** Watches a (new) process. */
  watch(running: RunningService): void {
    const name = running.name;
    const previous = this.states.get(name);
    this.states.set(name, {
      state: "running",
      restarts: previous?.restarts ?? 0,
      lastExit: previous?.lastExit,
      failuresInARow: previous?.failuresInARow ?? 0,
      startedAt: Date.now(),
    });
    running.process.once("exit", (code, signal) => {
      const state = this.states.get(name)!;
      if (this.stopped || running.stopping || this.processes.get(name) !== running) {
        if (this.processes.get(name) === running) state.state = "stopped";
        return this.options.changed?.();
      }
      if (Date.now() - state.startedAt > STABLE_AFTER_MS) state.failuresInARow = 0;
      state.lastExit = { at: new Date().toISOString(), code, signal };
      const how = `exited (${signal ? `signal ${signal}` : `code ${code}`})`;
      if (this.options.restart ?? true) return this.scheduleStart(running, how);
      state.state = "stopped";
      this.options.log(`${running.label} (${name}) ${how}.`);
      this.options.changed?.();
    });
    this.options.changed?.();
  }

  /** Marks a process the launcher is about to stop (before it goes, so /health never shows it running when it is not). */
  stopping(name: string): void {
    const state = this.states.get(name);
    if (!state || state.state === "stopped") return;
    state.state = "stopped";
    this.options.changed?.();
  }

  private scheduleStart(running: RunningService, what: string): void {
    const name = running.name;
    const state = this.states.get(name)!;
    const delay = Math.min(
      this.options.maxDelayMs ?? 30_000,
      (this.options.firstDelayMs ?? 1000) * 2 ** state.failuresInARow,
    );
    state.failuresInARow++;
    state.state = "restarting";
    state.nextStartAt = new Date(Date.now() + delay).toISOString();
    this.options.log(
      `${running.label} (${name}) ${what}; starting it again in ${delay / 1000} s (restart ${state.restarts + 1}).`,
    );
    this.options.changed?.();
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      if (this.stopped || this.processes.get(name) !== running) return;
      try {
        const restarted = await running.startAgain();
        if (this.stopped) return void (await restarted.stop());
        state.restarts++;
        delete state.nextStartAt;
        this.processes.set(name, restarted);
        this.watch(restarted);
        this.options.log(`${running.label} (${name}) is running again (restart ${state.restarts}).`);
      } catch (error) {
        if (this.stopped) return;
        this.scheduleStart(running, `did not start (${(error as Error).message.split("\n")[0]})`);
      }
    }, delay);
    this.timers.add(timer);
  }

  /** What /health shows of one process. */
  readonly processOf = (name: string): SupervisedProcess | undefined => {
    const state = this.states.get(name);
    if (!state) return undefined;
    const { failuresInARow: _failures, startedAt: _started, ...shown } = state;
    return shown;
  };

  /** Every process's record, by name; a shared host's is also each of its subgraphs' (the gateway asks by subgraph). */
  record(): Record<string, SupervisedProcess> {
    return Object.fromEntries(
      [...this.states.keys()].flatMap((name) => {
        const shown = this.processOf(name)!;
        return [name, ...(this.processes.get(name)?.hosts ?? [])].map((n) => [n, shown] as const);
      }),
    );
  }

  /** No more restarts: the system is stopping. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
