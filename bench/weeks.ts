/**
 * Four weeks of daily scans (20 working days, clock advanced a working day at a time, 09:00
 * Shanghai from Monday 2026-06-01) of the built bundle on one workbook whose state evolves between
 * scans (evolve.ts), beside the three scripts of scripts.ts on the same state each day: the mail
 * each sends over the window, not on one day. The product runs with the latency model moving the
 * clock and Workspace's 1,500-recipient quota, as measured one-day runs do; (c), its same-rules
 * twin, in a second workbook that receives the same changes. The run starts on adoption day: the
 * first scan finds an empty Notification log (so nothing is cooling down yet), and over 28 days
 * retention (logRetentionDays 35) moves nothing. The product runs as in production: its hourly
 * tick, run by hand (tick_) at 09:00 (the scan hour: the daily scan, and on Mondays the weekly
 * summary, mailed to the coordinator and the 10 heads: 11 of Monday's mails) and again each hour
 * to 17:00 while mail is left queued (the run budget, runBudgetSeconds, holds about 300 digests
 * at 0.75 s a mail), so the queue goes out as the tick sends it. The other hourly passes (final
 * hours) are left out: with nothing queued they are skipped. Every pass's calls count in the
 * product's figures. The scripts and (c) run once a day at 09:00.
 */
import type { LoadedProject } from '../emulator/runtime';
import { headerText, sheetDef, sheetTitle, type SheetKey } from '../src/domain/schema';
import { evolve, type DayChanges } from './evolve';
import { firstTold, queuedRows, writtenSince } from './logShape';
import { logRows, round1 } from './measure';
import {
  digestReminders,
  naiveReminders,
  reportOf,
  SAME_RULES_SETTINGS,
  sameRulesBundle,
  type ScriptReport,
} from './scripts';
import { addCounts, wallTimeMatrix, type WallTimeMatrix } from './wallTime';
import {
  benchData,
  caseSeed,
  DAY,
  loadBundle,
  seed,
  settingsSheetRows,
  sheetValues,
  taskRow,
  type BenchData,
  type Scenario,
} from './workbook';

export const WEEKS_START = Date.parse('2026-06-01T09:00:00+08:00');
const WORKING_DAYS = 20;
const HOUR = 3_600_000;
/** Passes a day at most: the daily scan at 09:00 and hourly ones to 17:00. */
const CATCH_UP_PASSES = 9;

export interface WeekDay {
  readonly date: string;
  readonly openTasks: number;
  readonly product: {
    readonly emails: number;
    readonly logRowsWritten: number;
    /** Rows still queued after the day's last pass. */
    readonly queued: number;
    readonly passes: number;
  };
  readonly naive: number;
  readonly digest: number;
  readonly sameRules: number;
}

export interface WeeksReport {
  readonly scenario: Scenario;
  readonly tasks: number;
  readonly tasksAtEnd: number;
  readonly workingDays: number;
  readonly state: string;
  readonly product: {
    readonly emails: number;
    readonly distinctRecipients: number;
    /** Live-log rows the 20 scans wrote, against their `emails`. */
    readonly logRowsWritten: number;
    readonly logRowsPerDay: number;
    readonly emailsPerDay: number;
    /** The model's wall time of the 20 scans, summed, and of the longest one. */
    readonly estimatedSeconds: number;
    readonly longestDaySeconds: number;
    readonly daysStoppedAtTimeLimit: number;
    /** Hourly ticks after the daily scan's, sending what its run budget left queued. */
    readonly catchUpPasses: number;
    readonly wallTime: WallTimeMatrix;
    /**
     * Each (notice, recipient) the same-rules digest (which tells everything at every scan) first
     * told in the window, against when the product first told it: on the same day's scans, later,
     * or never.
     */
    readonly firstTellings: {
      readonly compared: number;
      readonly sameDay: number;
      readonly later: number;
      readonly never: number;
    };
  };
  readonly naive: ScriptReport;
  readonly digest: ScriptReport;
  readonly sameRules: ScriptReport;
  readonly days: readonly WeekDay[];
}

/** The product's first tellings against the same-rules digest's, by Shanghai day. */
function compareFirstTellings(
  product: ReturnType<typeof firstTold>,
  sameRules: ReturnType<typeof firstTold>,
): WeeksReport['product']['firstTellings'] {
  const dayOf = (ms: number) => Math.floor((ms + 8 * HOUR) / DAY);
  let sameDay = 0;
  let later = 0;
  let never = 0;
  for (const [delivery, at] of sameRules.byKey) {
    const told = product.byKey.get(delivery);
    const parts = delivery.split('|');
    const [item, recipient] = [parts[2] ?? '', parts.at(-1) ?? ''];
    // Told that day under another rule (the same item, the same recipient): not late.
    const otherRule = (product.byItem.get(`${item}|${recipient}`) ?? []).some((time) => dayOf(time) === dayOf(at));
    if (told !== undefined && dayOf(told) <= dayOf(at)) sameDay++;
    else if (otherRule) sameDay++;
    else if (told === undefined) never++;
    else later++;
  }
  return { compared: sameRules.byKey.size, sameDay, later, never };
}

/** The 20 working days' scan times: 09:00 on Monday to Friday. */
function workingDays(): number[] {
  const days: number[] = [];
  for (let at = WEEKS_START; days.length < WORKING_DAYS; at += DAY) {
    const weekday = new Date(at + 8 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(at);
  }
  return days;
}

/** Rows appended to a sheet, each from its record by the sheet's own header. */
function appendRows(project: LoadedProject, key: SheetKey, records: readonly Record<string, unknown>[]): void {
  if (records.length === 0) return;
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'))!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const keyOf = new Map(sheetDef(key).columns.map((c) => [headerText(c, 'zh-CN'), c.key as string]));
  const rows = records.map((record) => header.map((title) => record[keyOf.get(String(title)) ?? ''] ?? ''));
  const top = sheet.getLastRow() + 1;
  const missing = top + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(top, 1, rows.length, header.length).setValues(rows as string[][]);
}

/**
 * One day's changes in a workbook, as the progress saves and acceptances would leave them: the
 * status, % and last-update columns of the tasks that were there (rows never move: nothing sorts
 * them), new tasks and progress entries appended.
 */
function applyChanges(project: LoadedProject, data: BenchData, changes: DayChanges): void {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('tasks', 'zh-CN'))!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const existing = data.tasks.length - changes.arrivals.length;
  for (const key of ['status', 'pct', 'lastUpdate', 'progressSummary'] as const) {
    const column = header.indexOf(
      headerText(
        sheetDef('tasks').columns.find((c) => c.key === key)!,
        'zh-CN',
      ),
    );
    const values = data.tasks.slice(0, existing).map((task) => [taskRow(task)[key]]);
    sheet.getRange(2, column + 1, existing, 1).setValues(values as string[][]);
  }
  appendRows(
    project,
    'tasks',
    changes.arrivals.map((task) => taskRow(task)),
  );
  appendRows(project, 'progress', changes.progress);
}

interface Tally {
  emails: number;
  recipients: Set<string>;
  calls: Record<string, number>;
  cells: Record<string, number>;
}

const tally = (): Tally => ({ emails: 0, recipients: new Set(), calls: {}, cells: {} });

function scriptTotals(t: Tally): ScriptReport {
  return reportOf(t.calls, t.cells, t.emails, t.recipients.size);
}

/** Counts a script's day: its mail, and the calls it made since the project's calls were reset. */
function countScript(project: LoadedProject, recipients: readonly string[], into: Tally): number {
  const { calls } = project.emulator;
  addCounts(into.calls, { ...calls.snapshot(), 'MailApp.sendEmail': recipients.length });
  addCounts(into.cells, calls.cells());
  into.emails += recipients.length;
  for (const recipient of recipients) into.recipients.add(recipient);
  return recipients.length;
}

/** Runs `handler` (the tick, or Run checks now) in a run of its own; its mail and calls go to `into`. Returns its messages, and whether Apps Script stopped it. */
function scan(project: LoadedProject, into: Tally, handler: string): { messages: number; stopped: boolean } {
  const { calls, mail } = project.emulator;
  calls.reset();
  const before = mail.outbox.length;
  let stopped = false;
  try {
    project.call(handler);
  } catch {
    stopped = true;
  }
  const sent = mail.outbox.slice(before);
  addCounts(into.calls, calls.snapshot());
  addCounts(into.cells, calls.cells());
  into.emails += sent.length;
  for (const recipient of sent.flatMap((m) => [...m.to, ...m.cc])) into.recipients.add(recipient);
  return { messages: sent.length, stopped };
}

export function fourWeeks(size: number, scenario: Scenario): WeeksReport {
  const days = workingDays();
  const data = benchData(size, scenario, days[0]!);
  const product = loadBundle(days[0]!, { latency: true });
  seed(product, data, { settings: settingsSheetRows() });
  const same = loadBundle(days[0]!, { bundle: sameRulesBundle(), dailyMailQuota: Number.MAX_SAFE_INTEGER });
  seed(same, data, { settings: settingsSheetRows(SAME_RULES_SETTINGS) });
  const totals = { product: tally(), naive: tally(), digest: tally(), sameRules: tally() };
  let estimated = 0;
  let longest = 0;
  let stoppedDays = 0;
  let logRowsWritten = 0;
  let catchUpPasses = 0;
  const figures: WeekDay[] = [];
  days.forEach((now, day) => {
    if (day > 0) {
      const changes = evolve(data, scenario, caseSeed(size, scenario), day, now, (now - days[day - 1]!) / DAY);
      applyChanges(product, data, changes);
      applyChanges(same, data, changes);
    }
    product.emulator.clock.set(new Date(now));
    same.emulator.clock.set(new Date(now));

    let productEmails = 0;
    let passes = 0;
    // The tick at the scan hour (the daily scan), then hourly while mail is left queued.
    do {
      product.emulator.clock.set(new Date(now + passes * HOUR));
      const { messages, stopped } = scan(product, totals.product, 'tick_');
      const seconds = Object.values(product.emulator.calls.seconds()).reduce((sum, s) => sum + s, 0);
      estimated += seconds;
      longest = Math.max(longest, seconds);
      if (stopped) stoppedDays++;
      productEmails += messages;
      passes++;
    } while (passes < CATCH_UP_PASSES && queuedRows(writtenSince(logRows(product), now)) > 0);
    catchUpPasses += passes - 1;
    const written = writtenSince(logRows(product), now);
    logRowsWritten += written.length;

    const scriptOutbox = (run: typeof naiveReminders) => {
      product.emulator.calls.reset();
      const outbox = { recipients: [] as string[] };
      run(product.emulator.globals, now, outbox);
      return outbox.recipients;
    };
    const naive = countScript(product, scriptOutbox(naiveReminders), totals.naive);
    const digest = countScript(product, scriptOutbox(digestReminders), totals.digest);
    const sameRules = scan(same, totals.sameRules, 'runChecksNow_').messages;
    figures.push({
      date: new Date(now + 8 * 3_600_000).toISOString().slice(0, 10),
      openTasks: data.tasks.filter((task) => task.status !== '已完成').length,
      product: { emails: productEmails, logRowsWritten: written.length, queued: queuedRows(written), passes },
      naive,
      digest,
      sameRules,
    });
  });
  const p = totals.product;
  const firstTellings = compareFirstTellings(
    firstTold(sheetValues(product, 'notificationLog')),
    firstTold(sheetValues(same, 'notificationLog')),
  );
  return {
    scenario,
    tasks: size,
    tasksAtEnd: data.tasks.length,
    workingDays: days.length,
    state:
      'evolving (bench/evolve.ts): progress, starts, blocks, acceptances; each accepted task replaced by a new one',
    product: {
      emails: p.emails,
      distinctRecipients: p.recipients.size,
      logRowsWritten,
      logRowsPerDay: round1(logRowsWritten / days.length),
      emailsPerDay: round1(p.emails / days.length),
      estimatedSeconds: round1(estimated),
      longestDaySeconds: round1(longest),
      daysStoppedAtTimeLimit: stoppedDays,
      catchUpPasses,
      wallTime: wallTimeMatrix(p.calls, p.cells),
      firstTellings,
    },
    naive: scriptTotals(totals.naive),
    digest: scriptTotals(totals.digest),
    sameRules: scriptTotals(totals.sameRules),
    days: figures,
  };
}
