/**
 * One measured daily scan ("Run checks now", retention included) of the built bundle on a seeded
 * workbook, with the latency model moving the clock: what it read and wrote, its calls, CPU,
 * memory, mail and the model's wall time (see the method in scan.ts).
 */
import { readFileSync } from 'node:fs';
import type { LoadedProject } from '../emulator/runtime';
import type { EmuSheet } from '../emulator/spreadsheet';
import { accumulate, liveLog, type Age, type History } from './history';
import { queuedRows, writtenSince } from './logShape';
import type { ScriptsReport } from './scripts';
import { wallTimeMatrix, type WallTimeMatrix } from './wallTime';
import { benchData, loadBundle, PROGRESS_PER_TASK, seed, sheetValues, type Scenario } from './workbook';

/** Progress entries posted since yesterday's scan, per task: a third of the tasks report each day. */
const POSTED_TODAY = 1 / 3;
const READS = /getValues|getDisplayValues|getFormulas|Values\.batchGet/;
const WRITES = /setValues|setFormulas|Values\.batchUpdate/;

/** The latency model's estimate of a run, seconds: sheet I/O (with flushes), mail, the rest. */
export interface Estimate {
  readonly sheets: number;
  readonly mail: number;
  readonly other: number;
  readonly total: number;
}

export interface RunReport {
  readonly scenario: Scenario;
  readonly age: Age;
  readonly tasks: number;
  readonly progressRows: number;
  /** Every sheet's grid (rows × columns) after the scan, against Google's 10,000,000. */
  readonly cellsUsed: number;
  readonly cellsBySheet: Record<string, number>;
  readonly cellsRead: number;
  readonly cellsWritten: number;
  readonly serviceCalls: number;
  readonly callsByMethod: Record<string, number>;
  /** Cells read or written, by method: what the wall-time matrix is recomputed from. */
  readonly cellsByMethod: Record<string, number>;
  /** CPU ms of the scan over all threads (V8's compiler and GC helpers included). */
  readonly cpuMs: number;
  /** CPU ms of the scan's own thread, emulated services included: what the target is held against. */
  readonly mainThreadMs: number;
  /** Time inside the emulated services (Google's side in Apps Script), part of mainThreadMs. */
  readonly serviceMs: number;
  /** mainThreadMs without serviceMs: our code alone. */
  readonly scriptMs: number;
  /** Every run's mainThreadMs, in run order (the report is the median run's). */
  readonly mainThreadMsRuns?: readonly number[];
  readonly peakRssMB: number;
  /** The process's memory once seeded, before the scan: Node, tsx, the emulator and its workbook. */
  readonly rssBeforeScanMB: number;
  readonly estimatedSeconds: Estimate;
  /** estimatedSeconds.total recomputed at 0.3 / 0.75 / 1.2 s a mail and 100 / 300 ms a Sheets API call. */
  readonly wallTime: WallTimeMatrix;
  /** Apps Script stopped the run at its 6-minute limit. */
  readonly stoppedAtTimeLimit: boolean;
  readonly emails: number;
  readonly distinctRecipients: number;
  /** Log rows the scan left queued for the next tick (quota or the run's time budget). */
  readonly queued: number;
  /** Notification log rows before the scan, and live after it (retention moved the difference). */
  readonly logRowsBefore: number;
  readonly logRowsAfter: number;
  /** Live-log rows this scan wrote: beside `emails`, the log's rows per day against messages per day. */
  readonly logRowsWritten: number;
  /** The three scripts on the same workbook (scripts.ts). */
  readonly scripts?: ScriptsReport;
}

/**
 * Adds the time spent inside the emulated services' entry points (SpreadsheetApp, the Sheets API,
 * MailApp, …) to `spent.ms`: that work stands in for Google's servers, not for the script. Only
 * the outermost call is timed, so a service calling another is not counted twice.
 */
function timeServices(globals: Record<string, unknown>, spent: { ms: number }): void {
  let depth = 0;
  const wrap = (target: Record<string, unknown>, level: number): void => {
    // Frozen objects are enums; plain objects' prototype is Object.prototype, not a service class.
    if (Object.isFrozen(target)) return;
    const prototype: object | null = Object.getPrototypeOf(target);
    const inherited = prototype && prototype !== Object.prototype ? Object.getOwnPropertyNames(prototype) : [];
    const names = new Set([...Object.getOwnPropertyNames(target), ...inherited]);
    for (const name of names) {
      if (name === 'constructor') continue;
      const value = target[name];
      if (typeof value === 'function') {
        target[name] = function timed(this: unknown, ...args: unknown[]): unknown {
          if (depth++ > 0) return (value as (...a: unknown[]) => unknown).apply(this, args);
          // Thread CPU, like mainThreadMs: wall time would count what other threads did meanwhile.
          const start = mainThreadCpuMs();
          try {
            return (value as (...a: unknown[]) => unknown).apply(this, args);
          } finally {
            spent.ms += mainThreadCpuMs() - start;
            depth = 0;
          }
        };
      } else if (level < 3 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        wrap(value as Record<string, unknown>, level + 1);
      }
    }
  };
  for (const [name, service] of Object.entries(globals)) {
    if (name !== 'console' && typeof service === 'object' && service !== null)
      wrap(service as Record<string, unknown>, 1);
  }
}

/** CPU time of the calling thread, in ms: Linux's schedstat counts it in nanoseconds. */
function mainThreadCpuMs(): number {
  return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function estimate(project: LoadedProject): Estimate {
  const seconds = project.emulator.calls.seconds();
  const sheets = seconds.sheets + seconds.flush;
  const other = seconds.properties + seconds.cache + seconds.lock + seconds.other;
  return {
    sheets: round1(sheets),
    mail: round1(seconds.mail),
    other: round1(other),
    total: round1(sheets + seconds.mail + other),
  };
}

/** The wall-time matrix of the calls counted since the last reset, with what the model priced outside calls. */
export function countedWallTime(project: LoadedProject): WallTimeMatrix {
  const { calls } = project.emulator;
  const seconds = Object.values(calls.seconds()).reduce((sum, s) => sum + s, 0);
  const priced = wallTimeMatrix(calls.snapshot(), calls.cells())['0.75 s/mail']?.['100 ms/API call'] ?? 0;
  return wallTimeMatrix(calls.snapshot(), calls.cells(), Math.max(0, seconds - priced));
}

function cellsMatching(byMethod: Record<string, number>, pattern: RegExp): number {
  return Object.entries(byMethod).reduce((sum, [method, cells]) => (pattern.test(method) ? sum + cells : sum), 0);
}

function cellsUsed(sheets: readonly EmuSheet[]): number {
  return sheets.reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

/** Cells by kind of sheet: a yearly or weekly sheet's title without its year or week. */
function cellsBySheet(sheets: readonly EmuSheet[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const sheet of sheets) {
    const kind = sheet.getName().replace(/ \S*\d\S*$/, ' …');
    kinds[kind] = (kinds[kind] ?? 0) + sheet.getMaxRows() * sheet.getMaxColumns();
  }
  return kinds;
}

/** The Notification log's rows, header left out. */
export function logRows(project: LoadedProject): unknown[][] {
  return sheetValues(project, 'notificationLog').slice(1);
}

export function measure(size: number, scenario: Scenario, age: Age, history: History): RunReport {
  const project = loadBundle(history.now, { latency: true });
  const logGrid = liveLog(history, age);
  seed(project, benchData(size, scenario, history.now), {
    ...history,
    logGrid,
    postedSinceMark: Math.ceil(size * POSTED_TODAY),
  });
  accumulate(project, size, age, history);
  const { calls, mail } = project.emulator;
  const services = { ms: 0 };
  timeServices(project.emulator.globals, services);
  calls.reset();
  // Collect the seeding's garbage first, so the figure is the scan's own work.
  globalThis.gc?.();
  const rssBeforeScan = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  let stoppedAtTimeLimit = false;
  try {
    project.call('runChecksNow_');
  } catch {
    stoppedAtTimeLimit = true;
  }
  const mainThreadMs = mainThreadCpuMs() - mainBefore;
  const used = process.cpuUsage(cpu);
  // Counted before the bench reads the workbook below: those reads are not the scan's.
  const serviceCalls = calls.total();
  const callsByMethod = calls.snapshot();
  const cells = calls.cells();
  const estimatedSeconds = estimate(project);
  const wallTime = countedWallTime(project);
  const after = logRows(project);
  const written = writtenSince(after, Math.floor(history.now / 1000) * 1000);
  return {
    scenario,
    age,
    tasks: size,
    progressRows: size * PROGRESS_PER_TASK,
    cellsUsed: cellsUsed(project.emulator.spreadsheet.getSheets()),
    cellsBySheet: cellsBySheet(project.emulator.spreadsheet.getSheets()),
    cellsRead: cellsMatching(cells, READS),
    cellsWritten: cellsMatching(cells, WRITES),
    serviceCalls,
    callsByMethod,
    cellsByMethod: cells,
    cpuMs: Math.round((used.user + used.system) / 1000),
    mainThreadMs: Math.round(mainThreadMs),
    serviceMs: Math.round(services.ms),
    scriptMs: Math.round(mainThreadMs - services.ms),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeScanMB: Math.round(rssBeforeScan / 1048576),
    estimatedSeconds,
    wallTime,
    stoppedAtTimeLimit,
    emails: mail.outbox.length,
    distinctRecipients: new Set(mail.outbox.flatMap((m) => [...m.to, ...m.cc])).size,
    queued: queuedRows(written),
    logRowsBefore: logGrid.length - 1,
    logRowsAfter: after.length,
    logRowsWritten: written.length,
  };
}
