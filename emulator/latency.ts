/**
 * How long each emulated service call would take on Google's servers, from public measurements
 * where there are some (cited per row) and guesses where there are none (marked "guess"). Every
 * call's estimate is added to `emulator.calls.seconds()` by source; with `latency: true` the
 * estimate also moves the clock, so a run can pass its time limit (SPEC §3.5, §4), and the next
 * service call after the limit stops the run with "Exceeded maximum execution time".
 */
import type { EmulatorContext, TimeSource } from './core';

export interface Latency {
  readonly source: TimeSource;
  /** Fixed cost of one call, ms. */
  readonly perCallMs: number;
  /** Added per cell read or written, ms (value calls only). */
  readonly perCellMs?: number;
}

/**
 * Sources (every constant below names its source, or says "guess"; the bench's wall time is the
 * sum of these per call, so each figure it reports rests on them):
 * - [props] https://ziritione.org/post/apps_script_performance (100 runs: getProperty avg 30 ms,
 *   setProperty avg 62 ms; CacheService get avg 3 ms, put avg 93 ms)
 * - [cache-remove] https://qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512 (remove avg 88-90 ms)
 * - [mail] https://sites.google.com/quickfixters.com/add-onsuniverse/faq ("An email with total
 *   size of 100KB will take about 1.2 seconds to send"): our digests are a few KB, so the model's
 *   0.75 s is a guess below that figure; the bench also reports its wall time at 0.3 s (a guess
 *   for a small mail) and 1.2 s (the source's) a mail (bench/wallTime.ts)
 * - [cells] Kanshi Tanaike's Spreadsheet benchmarks (https://tanaikech.github.io/topics/benchmark):
 *   120,000 × 2 text cells read in 7.4 s by getValues (31 µs a cell) and 6.0 s by the Sheets
 *   API (25 µs a cell)
 * - [flush] https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp
 *   (a 4,000-cell setValues under 50 ms, 610 ms with a flush after it; 400 one-row writes each
 *   flushed took 12 s, about 30 ms a flush)
 * - [call] https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html (1,000 getValue
 *   calls in 3.06 s: about 3 ms per SpreadsheetApp call)
 * - [urlfetch] https://www.pre-practice.net/2020/03/urlfetchappfetchallfetch.html (three
 *   UrlFetchApp.fetch calls one after another took 1.769 s: about 0.6 s each; a robot platform in
 *   China, from Google's servers, may well answer slower: the 0.6 s is a lower guess)
 * Not priced (0 ms, counted only): Utilities, Session, LockService.get*, Ui, builders and enums
 * (in the script, or waiting on the user); and,
 * an omission rather than a finding, DeveloperMetadata and its finder (about 15 calls a daily scan,
 * 0.05 s at [call]'s 3 ms).
 */
const SHEET_CALL: Latency = { source: 'sheets', perCallMs: 3 }; // [call]
const PROPERTY_READ: Latency = { source: 'properties', perCallMs: 30 }; // [props]
const PROPERTY_WRITE: Latency = { source: 'properties', perCallMs: 60 }; // [props] (62 ms, rounded)
const CACHE_READ: Latency = { source: 'cache', perCallMs: 3 }; // [props]
const CACHE_WRITE: Latency = { source: 'cache', perCallMs: 93 }; // [props]
// A write's cost shows at the flush that commits it ([flush]: 560 ms for 4,000 cells, 0.14 ms a
// cell); charging it at the write keeps the model free of pending state.
const RANGE_WRITE: Latency = { source: 'sheets', perCallMs: 3, perCellMs: 0.15 }; // [call] + [flush]
const RANGE_READ: Latency = { source: 'sheets', perCallMs: 3, perCellMs: 0.031 }; // [call] + [cells]
// guess: one HTTP round trip for an advanced-service call, 100 ms (no public measurement found;
// the bench also reports its wall time at 300 ms); cells as [cells] for reads.
const SHEETS_API_CALL: Latency = { source: 'sheets', perCallMs: 100 };
const SHEETS_API_READ: Latency = { source: 'sheets', perCallMs: 100, perCellMs: 0.025 }; // guess + [cells]
// guess: writes through the API cost what Range writes do, per cell ([flush]).
const SHEETS_API_WRITE: Latency = { source: 'sheets', perCallMs: 100, perCellMs: 0.15 };

export const LATENCY: Readonly<Record<string, Latency>> = {
  'MailApp.sendEmail': { source: 'mail', perCallMs: 750 }, // guess below [mail]'s 1.2 s for 100 KB
  'MailApp.getRemainingDailyQuota': { source: 'mail', perCallMs: 30 }, // guess: like a property read
  'UrlFetchApp.fetch': { source: 'urlfetch', perCallMs: 600 }, // [urlfetch]
  'Properties.getProperty': PROPERTY_READ,
  'Properties.getProperties': PROPERTY_READ,
  'Properties.getKeys': PROPERTY_READ,
  'Properties.setProperty': PROPERTY_WRITE,
  'Properties.setProperties': PROPERTY_WRITE,
  'Properties.deleteProperty': PROPERTY_WRITE,
  'Properties.deleteAllProperties': PROPERTY_WRITE,
  'Cache.get': CACHE_READ,
  'Cache.getAll': CACHE_READ,
  'Cache.put': CACHE_WRITE,
  'Cache.putAll': CACHE_WRITE,
  'Cache.remove': { source: 'cache', perCallMs: 90 }, // [cache-remove]
  'Cache.removeAll': { source: 'cache', perCallMs: 90 }, // [cache-remove]
  'SpreadsheetApp.flush': { source: 'flush', perCallMs: 30 }, // [flush]
  'Range.getValues': RANGE_READ,
  'Range.getDisplayValues': RANGE_READ,
  'Range.getFormulas': RANGE_READ,
  'Range.setValues': RANGE_WRITE,
  'Range.setFormulas': RANGE_WRITE,
  'Sheets.Spreadsheets.get': SHEETS_API_CALL,
  'Sheets.Spreadsheets.batchUpdate': SHEETS_API_CALL,
  'Sheets.Spreadsheets.Values.batchGet': SHEETS_API_READ,
  'Sheets.Spreadsheets.Values.batchUpdate': SHEETS_API_WRITE,
  // guess: taking a free lock is a short round trip; waiting for a held one moves the clock in
  // LockService itself, and that wait is added to the 'lock' source there.
  'Lock.tryLock': { source: 'lock', perCallMs: 10 },
  'Lock.waitLock': { source: 'lock', perCallMs: 10 },
  'Lock.releaseLock': { source: 'lock', perCallMs: 10 },
};

/** SpreadsheetApp's classes: any call on them is one round trip ([call]: SHEET_CALL) unless listed above. */
const SHEET_CLASSES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|DataValidation|ConditionalFormatRule|EmbeddedChart)\b/;

/** What one call costs, ms, and where it goes. Calls that stay in the script (Utilities, enums, builders) cost 0. */
export function latencyOf(method: string, cells: number, table: Readonly<Record<string, Latency>> = LATENCY) {
  const entry = table[method] ?? (SHEET_CLASSES.test(method) ? SHEET_CALL : undefined);
  if (!entry) return { source: 'other' as TimeSource, ms: 0 };
  return { source: entry.source, ms: entry.perCallMs + (entry.perCellMs ?? 0) * cells };
}

export interface LatencyOptions {
  /** Move the clock by each call's estimate (and so enforce the run's time limit). */
  readonly advanceClock: boolean;
  readonly table?: Readonly<Record<string, Latency>>;
}

/**
 * Apps Script's message when it stops a run at its limit, as users report it, e.g.
 * https://github.com/benlcollins/apps_script/issues/1. Not an "Exception": the script cannot
 * catch its way past it.
 */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

export function timeLimitError(): Error {
  return new Error(TIME_LIMIT_MESSAGE);
}

/**
 * The run's limit, checked before anything else a call does: a call of a stopped run, or one
 * made past the limit (only when the clock moves with latency), throws the stop and does nothing.
 */
export function installRunLimit(ctx: EmulatorContext, options: LatencyOptions): void {
  ctx.calls.observe(() => {
    const run = ctx.runs.active();
    if (!run) return;
    if (options.advanceClock && !run.stopped && ctx.clock.now().getTime() > run.startedAt + run.limitMs) {
      run.stopped = timeLimitError();
    }
    if (run.stopped) throw run.stopped;
  });
}

/** Registers the model on the call counter: each call's own cost. */
export function installLatency(ctx: EmulatorContext, options: LatencyOptions): void {
  ctx.calls.observe((method, cells) => {
    const { source, ms } = latencyOf(method, cells, options.table);
    if (ms === 0) return;
    ctx.calls.addTime(source, ms);
    if (options.advanceClock) ctx.clock.advanceMs(ms);
  });
}

/**
 * For calls whose size is known only once they answer (a batchGet's cells): the cells' share
 * of the cost, added after the call. The call itself was already recorded and charged.
 */
export function chargeCells(ctx: EmulatorContext, options: LatencyOptions, method: string, cells: number): void {
  if (cells > 0) ctx.calls.addCells(method, cells);
  const entry = (options.table ?? LATENCY)[method];
  if (!entry?.perCellMs || cells === 0) return;
  const ms = entry.perCellMs * cells;
  ctx.calls.addTime(entry.source, ms);
  if (options.advanceClock) ctx.clock.advanceMs(ms);
}
