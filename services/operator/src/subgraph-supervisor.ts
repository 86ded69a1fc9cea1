/**
 * Keeps the subgraph processes running: one that dies (not stopped by the launcher) is
 * started again on its port and database after a back-off that doubles with each failure in
 * a row (1 s, 2 s, 4 s ... up to 30 s; back to 1 s once it has run for a minute). Each
 * death and restart is logged, and /health shows each process's state and restarts.
 */
import type { SubgraphProcess } from "@csg/gateway";
import type { RunningService } from "./system";

export interface SupervisorOptions {
  log: (line: string) => void;
  /** Starts a subgraph again (startService with the system's options). */
  start: (service: RunningService["service"]) => Promise<RunningService>;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

const STABLE_AFTER_MS = 60_000;

export class SubgraphSupervisor {
  private readonly states = new Map<string, SubgraphProcess & { failuresInARow: number; startedAt: number }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly services: Map<string, RunningService>,
    private readonly options: SupervisorOptions,
  ) {}

  /** Watches a (new) process of a subgraph. */
  watch(running: RunningService): void {
    const name = running.service.name;
    const previous = this.states.get(name);
    this.states.set(name, { state: "running", restarts: previous?.restarts ?? 0, lastExit: previous?.lastExit, failuresInARow: previous?.failuresInARow ?? 0, startedAt: Date.now() });
    running.process.once("exit", (code, signal) => {
      if (this.stopped || running.stopping || this.services.get(name) !== running) {
        if (this.services.get(name) === running) this.states.get(name)!.state = "stopped";
        return;
      }
      const state = this.states.get(name)!;
      if (Date.now() - state.startedAt > STABLE_AFTER_MS) state.failuresInARow = 0;
      state.lastExit = { at: new Date().toISOString(), code, signal };
      this.scheduleStart(running, `exited (${signal ? `signal ${signal}` : `code ${code}`})`);
    });
  }

  private scheduleStart(running: RunningService, what: string): void {
    const name = running.service.name;
    const state = this.states.get(name)!;
    const delay = Math.min(this.options.maxDelayMs ?? 30_000, (this.options.firstDelayMs ?? 1000) * 2 ** state.failuresInARow);
    state.failuresInARow++;
    state.state = "restarting";
    state.nextStartAt = new Date(Date.now() + delay).toISOString();
    this.options.log(`${running.service.label} (${name}) ${what}; starting it again in ${delay / 1000} s (restart ${state.restarts + 1}).`);
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      if (this.stopped || this.services.get(name) !== running) return;
      try {
        const restarted = await this.options.start(running.service);
        if (this.stopped) return void (await restarted.stop());
        state.restarts++;
        delete state.nextStartAt;
        this.services.set(name, restarted);
        this.watch(restarted);
        this.options.log(`${running.service.label} (${name}) is running again (restart ${state.restarts}).`);
      } catch (error) {
        this.scheduleStart(running, `did not start (${(error as Error).message.split("\n")[0]})`);
      }
    }, delay);
    this.timers.add(timer);
  }

  /** What /health shows of a subgraph's process. */
  readonly processOf = (name: string): SubgraphProcess | undefined => {
    const state = this.states.get(name);
    if (!state) return undefined;
    const { failuresInARow: _failures, startedAt: _started, ...shown } = state;
    return shown;
  };

  /** No more restarts: the system is stopping. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
