/**
 * Shared state of one emulated Apps Script project: a settable clock, a counter of service calls
 * with the estimated time they would have cost on Google's servers, and the execution (run) in
 * progress. Every emulated service method records itself, so benchmarks and tests can see how
 * many round trips a use case would cost; observers of those records (latency, faults, run
 * limits) are how the emulator makes time pass and runs fail the way Apps Script's do.
 */

export class Clock {
  private current: number;

  constructor(start: Date | string = '2024-07-01T01:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(when: Date | string): void {
    this.current = new Date(when).getTime();
  }

  advanceHours(hours: number): void {
    this.current += hours * 3_600_000;
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }
}

/**
 * Sees every recorded call before the call does its work; throwing fails the call. `cells` is
 * the number of cells a value call reads or writes (0 for other calls).
 */
export type CallObserver = (method: string, cells: number) => void;

/** Where a run's service time goes, so a bench can report sheet I/O apart from mail. */
export type TimeSource = 'sheets' | 'mail' | 'urlfetch' | 'properties' | 'cache' | 'lock' | 'flush' | 'other';

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly millis = new Map<TimeSource, number>();
  private readonly cellCounts = new Map<string, number>();
  private readonly observers: CallObserver[] = [];
  private readonly answerObservers: ((method: string) => void)[] = [];

  /** `method` is "Class.method", e.g. "Range.getValues"; `cells` as for CallObserver. */
  record(method: string, cells = 0): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (cells > 0) this.addCells(method, cells);
    for (const observe of this.observers) observe(method, cells);
  }

  /**
   * A recorded call did its work and is about to answer. Only calls whose effect can land before
   * the answer is lost report this (the Sheets API's); an observer throwing here makes a call that
   * took effect fail anyway, as "Service Spreadsheets timed out" does.
   */
  answered(method: string): void {
    for (const observe of this.answerObservers) observe(method);
  }

  /** Observers of answers (see answered), in the order they were added. */
  observeAnswers(observer: (method: string) => void): void {
    this.answerObservers.push(observer);
  }

  /** Observers run in the order they were added, on every later record. */
  observe(observer: CallObserver): void {
    this.observers.push(observer);
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Cells a value call read or wrote, for calls whose size is known only once they answer (a batchGet's). */
  addCells(method: string, cells: number): void {
    this.cellCounts.set(method, (this.cellCounts.get(method) ?? 0) + cells);
  }

  /** Cells read or written, by method. */
  cells(): Record<string, number> {
    return Object.fromEntries([...this.cellCounts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Adds estimated service time (the latency model, a lock wait) to a source. */
  addTime(source: TimeSource, ms: number): void {
    this.millis.set(source, (this.millis.get(source) ?? 0) + ms);
  }

  /** Estimated seconds spent in services, by source; every source present, 0 when unused. */
  seconds(): Record<TimeSource, number> {
    const sources: TimeSource[] = ['sheets', 'mail', 'urlfetch', 'properties', 'cache', 'lock', 'flush', 'other'];
    return Object.fromEntries(sources.map((s) => [s, (this.millis.get(s) ?? 0) / 1000])) as Record<TimeSource, number>;
  }

  /** Clears counts and times; observers stay. */
  reset(): void {
    this.counts.clear();
    this.millis.clear();
    this.cellCounts.clear();
  }
}

/** How Apps Script started the code now running. */
export type RunKind = 'menu' | 'sidebar' | 'simpleOnOpen' | 'simpleOnEdit' | 'timeTrigger' | 'installableTrigger';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface RunContext {
  readonly kind: RunKind;
  /** What the services allow: FULL everywhere unless a simple trigger's mode is enforced. */
  readonly authMode: AuthModeName;
  /**
   * False in an add-on's time-driven trigger, which belongs to the script and its user rather
   * than a document: no active spreadsheet, document lock or document properties.
   */
  readonly hasDocument: boolean;
  /** Who the run is for: the user at the keyboard, or a trigger's owner. */
  readonly user: string;
}

export interface Run extends RunContext {
  readonly startedAt: number;
  /** 30 s for simple triggers, 6 minutes otherwise. */
  readonly limitMs: number;
  /** Set once Apps Script has stopped the run; every later service call throws it again. */
  stopped: Error | null;
}

/**
 * Outside any run (a unit test calling a service directly) the services behave as in a menu
 * run of a bound script: everything allowed, the document present.
 */
const OUTSIDE_A_RUN: RunContext = { kind: 'menu', authMode: 'FULL', hasDocument: true, user: '' };

const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
const RUN_LIMIT_MS = 6 * 60_000;

export class Runs {
  private current: Run | null = null;
  private readonly endings: (() => void)[] = [];

  constructor(private readonly clock: Clock) {}

  /** Called after every run, however it ended (e.g. to let go of the locks it held). */
  onEnd(ending: () => void): void {
    this.endings.push(ending);
  }

  /** The run in progress, or the permissive context outside one. */
  context(): RunContext {
    return this.current ?? OUTSIDE_A_RUN;
  }

  active(): Run | null {
    return this.current;
  }

  /**
   * Runs `body` as one execution. A run inside a run (a trigger fired from a test's handler)
   * keeps the outer one, as the emulator has one thread. A run Apps Script stopped throws its
   * stop error even when the script caught it: the script would not have gone on.
   */
  run<T>(context: RunContext, body: () => T): T {
    if (this.current) return body();
    const run: Run = {
      ...context,
      startedAt: this.clock.now().getTime(),
      limitMs:
        context.kind === 'simpleOnOpen' || context.kind === 'simpleOnEdit' ? SIMPLE_TRIGGER_LIMIT_MS : RUN_LIMIT_MS,
      stopped: null,
    };
    this.current = run;
    try {
      const result = body();
      if (run.stopped) throw run.stopped;
      return result;
    } catch (error) {
      throw run.stopped ?? error;
    } finally {
      this.current = null;
      for (const ending of this.endings) ending();
    }
  }
}

export interface EmulatorContext {
  readonly clock: Clock;
  readonly calls: CallCounter;
  readonly runs: Runs;
}

export function createContext(start?: Date | string): EmulatorContext {
  const clock = new Clock(start);
  return { clock, calls: new CallCounter(), runs: new Runs(clock) };
}

/** Apps Script surfaces service failures as errors named "Exception" ("Exception: <message>"). */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/**
 * What a service refuses in a run whose authorization mode does not cover it, in the real
 * wording, e.g. "You do not have permission to call MailApp.sendEmail. Required permissions:
 * https://www.googleapis.com/auth/script.send_mail".
 */
export function permissionError(method: string, scope: string): Error {
  return gasError(`You do not have permission to call ${method}. Required permissions: ${scope}`);
}

/** Throws the real refusal unless the current run's authorization mode is FULL. */
export function requireFullAuth(ctx: EmulatorContext, method: string, scope: string): void {
  if (ctx.runs.context().authMode !== 'FULL') throw permissionError(method, scope);
}
