/**
 * `npm run bench`: the daily scan of the built bundle in the emulator at 100, 1,000 and 10,000
 * tasks (5 progress rows each), for a typical workbook and for one where everything is late, on
 * day 1, after 6 months and after 2 years of daily scans; beside each, a reminder script of the
 * kind people write by hand, on the same workbook. Reports, as JSON, per case: cells the workbook
 * uses, cells read and written, Apps Script service calls, scan-thread CPU, peak memory, emails
 * against distinct recipients, and the wall time Apps Script would take by the emulator's latency
 * model (emulator/latency.ts), sheet I/O and mail apart.
 *
 * Method:
 * - The workbook is what setup leaves plus data: every sheet of SHEET_ORDER with its header row
 *   (empty where the bench has no rows), the full Settings sheet as setup writes it, the
 *   dashboard as a refresh sizes it (a grid: the scan never reads it), and yesterday's state.
 *   Yesterday's scan runs first, in its own process, on the same rows with the clock one day
 *   back; its Notification log and the Health column it wrote are seeded into the measured
 *   workbook, so the measured scan reads a real log (cooldown, escalation history) and appends to
 *   it, as every daily scan but the first does.
 * - Older workbooks are seeded as two years (or six months) of daily scans would have left them
 *   after retention, rather than by running 730 scans (see `accumulate`): the live Notification
 *   log holds logRetentionDays + 3 days (retention moves a week once it is wholly past the
 *   period, so the log holds 35 to 42 days) of yesterday's rows repeated on the working days the
 *   repeat schedule tells one long episode again (the next working day, then every 2, 2 and 4
 *   working days: repeatGapDays), the same notices each time, so every L2 is in a long episode
 *   that retention keeps; 通知记录 YYYY holds, per archived month, a line per distinct (key,
 *   status) of one day's rows (the same notices all month, recipients tallied in one cell);
 *   归档 YYYY holds, per year, as many archived tasks as the workbook has live, a line each (its
 *   progress and acceptance rows folded into two cells of it) below a line per request; the last
 *   summaryKeepWeeks weekly summaries are kept whole, each the size today's summary has, and
 *   older weeks are a line each of the folded-summaries sheet. Sheets the scan never reads are
 *   seeded as grids of their size with their last row filled (their cells count; their content
 *   would only cost the emulator memory Apps Script does not spend).
 * - The scan measured is "Run checks now" (the daily scan, retention included) with the latency
 *   model moving the clock, so the run's time budget (runBudgetSeconds) and Apps Script's 6-minute
 *   limit apply. `estimatedSeconds` is the model's wall time: sheet I/O (SpreadsheetApp, the
 *   Sheets API, flushes), mail, and the rest (properties, locks).
 * - CPU, over the scan only (the seeding's garbage collected first):
 *   `cpuMs`: process.cpuUsage, all threads, so V8's background compiler and GC threads count;
 *   `mainThreadMs`: the scan's own thread (Linux schedstat), what Apps Script's clock would see of
 *   a script; `serviceMs`: time inside the emulated services' entry points (SpreadsheetApp, the
 *   Sheets API, MailApp, …), which stand in for Google's servers and are part of mainThreadMs;
 *   `scriptMs` = mainThreadMs − serviceMs, our code alone. The 500 ms target is held against
 *   mainThreadMs, emulated services included, so the emulator's work counts against us.
 * - Each case runs 3 times, each in a fresh process so nothing is warm; the report is the run
 *   with the median `mainThreadMs`, with every run's figure in `mainThreadMsRuns`.
 * - The hand-written script (`naiveReminders`): getValues on Tasks and People, one mail per open
 *   task overdue or due within a day to its owner, no digest, no cooldown, no log; run once on the
 *   same seeded workbook with an unlimited quota to count what it would send. Its days of quota
 *   are at Workspace's 1,500 recipients a day, its runs at 6 minutes each.
 * - `node --expose-gc --import tsx bench/scan.ts <size> [typical|worst] [day1|6 months|2 years]`
 *   measures one run (it computes yesterday's state itself); `bench/scan.ts` alone prints the
 *   whole report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuilt, readBundle } from '../cli/session';
import type { LoadedProject } from '../emulator/runtime';
import type { EmuSheet } from '../emulator/spreadsheet';
import { headerText, SHEET_ORDER, sheetDef, sheetTitle, type SheetKey } from '../src/domain/schema';
import { repeatGapDays } from '../src/domain/told';
import { HELPER_COLUMN, HELPER_HEADROOM, HELPER_WIDTH } from '../src/gas/dashboardFormulas';
import { SPARE_COLUMNS } from '../src/gas/workbookSetup';
import { defaultSettings, settingRows } from '../src/domain/settings';
import { t } from '../src/i18n/index';

const SIZES = [100, 1_000, 10_000];
/**
 * The measured scan's clock: a fixed Wednesday morning in Shanghai, so every figure but CPU and
 * memory is the same on every run and machine (the weekday decides which repeats are due and
 * where the archives' years split).
 */
const BENCH_NOW = Date.parse('2026-06-03T09:00:00+08:00');
const AGES = { 'day 1': 0, '6 months': 182, '2 years': 730 } as const;
type Age = keyof typeof AGES;
const RUNS = 3;
const PROGRESS_PER_TASK = 5;
const TASKS_PER_REQUEST = 10;
/** Progress entries posted since yesterday's scan, per task: a third of the tasks report each day. */
const POSTED_TODAY = 1 / 3;
const DEPARTMENTS = 10;
const COORDINATOR = 'pmo@bench.example';
const DAY = 86_400_000;
const SPREADSHEET = { locale: 'zh_CN', timeZone: 'Asia/Shanghai' } as const;
const DEFAULTS = defaultSettings(SPREADSHEET);
/** The live log after retention: logRetentionDays, plus half of the week waiting to be wholly past it. */
const LIVE_LOG_DAYS = DEFAULTS.logRetentionDays + 3;
/** Google's limit on a spreadsheet's cells, and Workspace's daily mail recipients. */
const CELL_LIMIT = 10_000_000;
const DAILY_RECIPIENTS = 1_500;
const RUN_LIMIT_SECONDS = 360;
const SEED_BLOCK_ROWS = 2_000;
const DAYS_PER_MONTH = 365.25 / 12;
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
  /** Apps Script stopped the run at its 6-minute limit. */
  readonly stoppedAtTimeLimit: boolean;
  readonly emails: number;
  readonly distinctRecipients: number;
  /** Deliveries left queued for the next tick (quota or the run's time budget). */
  readonly queued: number;
  /** Notification log rows before the scan, and live after it (retention moved the difference). */
  readonly logRowsBefore: number;
  readonly logRowsAfter: number;
  /** The hand-written script on the same workbook. */
  readonly naive?: NaiveReport;
}

export interface NaiveReport {
  readonly emails: number;
  readonly distinctRecipients: number;
  /** Days of a 1,500-recipient quota its one day of mail needs. */
  readonly quotaDays: number;
  readonly estimatedSeconds: Estimate;
  /** 6-minute runs its one day of work needs. */
  readonly runs: number;
}

/**
 * What yesterday's scan left: its Notification log rows and the Health column, as cells (a Date
 * as { date: ISO text }), and the size of the weekly summary generated on it;
 * with the Settings rows setup writes, made there because building them warms Intl, which the
 * measured scan must find cold.
 */
interface History {
  readonly now: number;
  readonly settings: readonly Record<string, unknown>[];
  readonly log: readonly (readonly unknown[])[];
  readonly health: readonly unknown[];
  readonly summaryGrid: readonly [number, number];
}

type Scenario = 'typical' | 'worst';

/** One task's state: status, due offset and progress, in days relative to now. */
interface TaskShape {
  readonly status: string;
  readonly dueInDays: number;
  readonly pct: number;
  readonly lastUpdateDaysAgo: number;
}

/**
 * typical: 30 % done, most on track; about 1 in 10 overdue, lagging or stale; 5 % blocked.
 * worst: nearly everything overdue, lagging or stale, so nearly every rule fires for every task.
 */
function shape(i: number, scenario: Scenario): TaskShape {
  if (scenario === 'worst') {
    const statuses = ['进行中', '进行中', '进行中', '进行中', '进行中', '进行中', '阻塞', '已完成', '未开始', '待验收'];
    return {
      status: statuses[i % statuses.length] ?? '进行中',
      dueInDays: (i % 30) - 10,
      pct: 50,
      lastUpdateDaysAgo: 1 + (i % 5),
    };
  }
  const cycle = i % 20;
  const status =
    cycle < 6 ? '已完成' : cycle < 16 ? '进行中' : cycle === 16 ? '阻塞' : cycle < 19 ? '未开始' : '待验收';
  const dueInDays = ((i * 7) % 40) - 3;
  const onPlan = Math.min(100, Math.round((100 * 10) / (10 + Math.max(dueInDays, 1))));
  return {
    status,
    dueInDays,
    pct: i % 10 === 3 ? Math.max(0, onPlan - 40) : status === '未开始' ? 0 : onPlan,
    lastUpdateDaysAgo: i % 10 === 7 ? 6 : i % 3,
  };
}

function loadBundle(now: number, options: { latency?: boolean; dailyMailQuota?: number } = {}): LoadedProject {
  return loadBuilt(readBundle(), {
    now: new Date(now),
    activeUser: COORDINATOR,
    dailyMailQuota: options.dailyMailQuota ?? DAILY_RECIPIENTS,
    spreadsheetLocale: SPREADSHEET.locale,
    timeZone: SPREADSHEET.timeZone,
    latency: options.latency ?? false,
  });
}

function writeSheet(project: LoadedProject, key: SheetKey, rows: readonly Record<string, unknown>[]): void {
  const columns = sheetDef(key).columns;
  const sheet = project.emulator.spreadsheet.insertSheet(sheetTitle(key, 'zh-CN'));
  const values = [
    columns.map((c) => headerText(c, 'zh-CN')),
    ...rows.map((row) => columns.map((c) => row[c.key] ?? '')),
  ];
  // A new sheet has 1,000 rows; writing past them is an error, as in Sheets. Setup makes it as wide
  // as its columns and SPARE_COLUMNS.
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  const width = columns.length + SPARE_COLUMNS;
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  // In blocks, so the seeding's own garbage does not set the process's peak memory.
  for (let top = 0; top < values.length; top += SEED_BLOCK_ROWS) {
    const block = values.slice(top, top + SEED_BLOCK_ROWS);
    sheet.getRange(1 + top, 1, block.length, columns.length).setValues(block as string[][]);
  }
  sheet.setFrozenRows(1);
}

/** A sheet the scan never reads, as a grid of its size: its header and last row filled. */
function gridSheet(project: LoadedProject, title: string, rows: number, columns: number): void {
  const sheet = project.emulator.spreadsheet.insertSheet(title);
  const width = Math.max(1, columns);
  const height = Math.max(2, rows);
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  else if (height < sheet.getMaxRows()) sheet.deleteRows(height + 1, sheet.getMaxRows() - height);
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  else if (width < sheet.getMaxColumns()) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  const line = Array.from({ length: width }, (_, i) => `seeded ${i + 1}`);
  sheet.getRange(1, 1, 1, width).setValues([line]);
  sheet.getRange(height, 1, 1, width).setValues([line]);
}

const toJson = (cell: unknown): unknown => (cell instanceof Date ? { date: cell.toISOString() } : cell);
const fromJson = (cell: unknown): unknown =>
  typeof cell === 'object' && cell !== null && 'date' in cell ? new Date(String(cell.date)) : cell;

/** The Settings sheet's rows as setup writes them, with the bench's coordinator. */
function settingsSheetRows(): Record<string, unknown>[] {
  const settings = { ...DEFAULTS, coordinators: [COORDINATOR] };
  return settingRows(settings, 'zh-CN').map(({ label, value, description }) => ({ key: label, value, description }));
}

/**
 * A set-up workbook of `size` tasks owned (by name) by size/20 people in 10 departments, 5
 * progress rows each, with the Notification log `log` (cells as JSON) and yesterday's Health column.
 */
function seed(
  project: LoadedProject,
  size: number,
  scenario: Scenario,
  now: number,
  history: Pick<History, 'settings' | 'health'> & { readonly markedProgress?: boolean },
  log: readonly (readonly unknown[])[],
): void {
  const people = Math.max(20, Math.floor(size / 20));
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) => ({
    name: `部门${d}`,
    head: `head${d}@bench.example`,
    sponsor: `vp${d}@bench.example`,
  }));
  const shapes = Array.from({ length: size }, (_, i) => shape(i, scenario));
  const tasks = shapes.map((task, i) => ({
    id: `RW202407001-${String(i + 1).padStart(2, '0')}`,
    request: 'XQ202407001',
    name: `任务 ${i + 1}`,
    dept: `部门${i % DEPARTMENTS}`,
    owner: `员工${i % people}`,
    deliverable: '按标准交付',
    start: new Date(now - 10 * DAY),
    due: new Date(now + task.dueInDays * DAY),
    status: task.status,
    // As the progress saves left them: the latest entry's % and time.
    pct: task.pct,
    lastUpdate: new Date(now - task.lastUpdateDaysAgo * DAY),
    health: fromJson(history.health[i] ?? ''),
  }));
  const progress = tasks.flatMap((task, i) => {
    const { pct, lastUpdateDaysAgo } = shapes[i] ?? shape(i, scenario);
    return Array.from({ length: PROGRESS_PER_TASK }, (_, k) => ({
      task: task.id,
      summary: `进度 ${k + 1}`,
      pct: (pct * (k + 1)) / PROGRESS_PER_TASK / 100,
      updatedAt: new Date(now - (lastUpdateDaysAgo + (PROGRESS_PER_TASK - 1 - k)) * DAY),
    }));
  });
  const logColumns = sheetDef('notificationLog').columns;
  const rows: Record<SheetKey, readonly Record<string, unknown>[]> = {
    requests: [
      { id: 'XQ202407001', title: '基准测试', dept: '部门0', requester: COORDINATOR, goal: '基准', status: '已立项' },
    ],
    tasks,
    progress,
    communications: [],
    acceptance: [],
    planChanges: [],
    settings: history.settings,
    departments,
    people: Array.from({ length: people }, (_, p) => ({
      name: `员工${p}`,
      email: `person${p}@bench.example`,
      dept: `部门${p % DEPARTMENTS}`,
    })),
    notificationLog: log.map((line) =>
      Object.fromEntries(logColumns.map((column, c) => [column.key, fromJson(line[c])])),
    ),
    signOffs: [],
    changeHistory: [],
  };
  for (const key of SHEET_ORDER) writeSheet(project, key, rows[key]);
  // As a refresh leaves the dashboard: helper rows to HELPER_HEADROOM below the last task (gas/dashboardSheet.ts).
  gridSheet(project, t('zh-CN', 'dashboardSheet'), size + 1 + HELPER_HEADROOM, HELPER_COLUMN + HELPER_WIDTH - 1);
  // As every daily scan leaves the log: as wide as its columns (notificationLogSheet.fitLogColumns).
  const logSheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))!;
  logSheet.deleteColumns(logColumns.length + 1, logSheet.getMaxColumns() - logColumns.length);
  if (history.markedProgress) markProgress(project, progress, Math.ceil(size * POSTED_TODAY));
}

/**
 * Yesterday's scan's Progress high-water mark (gas/automationRecord.ts): the last row it read,
 * `posted` rows above the end (the entries posted since, taken to be the sheet's last rows).
 */
function markProgress(project: LoadedProject, progress: readonly Record<string, unknown>[], posted: number): void {
  const index = Math.max(0, progress.length - 1 - posted);
  const row = progress[index];
  if (!row) return;
  const fingerprint = JSON.stringify([String(row.task), String(row.summary)]);
  project.emulator.spreadsheet.addDeveloperMetadata(
    'collabDesk.progressMark',
    JSON.stringify({ row: index + 2, fingerprint }),
  );
}

/**
 * Yesterday's rows on the working days of the live log's span on which one long episode is told
 * again: the repeat schedule (repeatGapDays: the next working day, then 2, 2 and every 4 working
 * days) from the span's first working day (see the method).
 */
function liveLog(history: History, age: Age): (readonly unknown[])[] {
  if (AGES[age] === 0) return [...history.log];
  const workingDaysBack: number[] = [];
  for (let back = LIVE_LOG_DAYS - 1; back >= 0; back--) {
    const day = new Date(history.now - (back + 1) * DAY + 8 * 3_600_000).getUTCDay();
    if (day !== 0 && day !== 6) workingDaysBack.push(back);
  }
  const lines: (readonly unknown[])[] = [];
  for (let index = 0, told = 0; index < workingDaysBack.length; index += Math.max(1, repeatGapDays(told))) {
    told++;
    const back = workingDaysBack[index]!;
    for (const line of history.log) {
      const time = fromJson(line[0]);
      const moved = time instanceof Date ? toJson(new Date(time.getTime() - back * DAY)) : line[0];
      lines.push([moved, ...line.slice(1)]);
    }
  }
  return lines;
}

/** Days of [now − age, now) in each calendar year (Shanghai), newest year first. */
function daysByYear(now: number, age: number): [number, number][] {
  const years = new Map<number, number>();
  for (let back = 1; back <= age; back++) {
    const year = new Date(now - back * DAY + 8 * 3_600_000).getUTCFullYear();
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  return [...years];
}

/**
 * What `age` days of daily scans and archiving leave beside the live sheets (see the method):
 * 通知记录 YYYY, 归档 YYYY and the weekly summaries.
 */
function accumulate(project: LoadedProject, size: number, age: Age, history: History): void {
  const days = AGES[age];
  if (days === 0) return;
  const width = (key: SheetKey) => sheetDef(key).columns.length;
  const archivedDays = Math.max(0, days - LIVE_LOG_DAYS);
  // 通知记录 YYYY holds a line per (key, status) and calendar month, its recipients tallied in one cell.
  const keysPerMonth = new Set(history.log.map((line) => `${String(line[6])}|${String(line[5])}`)).size;
  for (const [year, inYear] of daysByYear(history.now - LIVE_LOG_DAYS * DAY, archivedDays)) {
    gridSheet(
      project,
      t('zh-CN', 'logArchiveSheet', { year }),
      1 + Math.round((inYear / DAYS_PER_MONTH) * keysPerMonth),
      6,
    );
  }
  // A task's line carries its progress and acceptance rows folded into two cells.
  const archiveWidth = 3 + Math.max(width('requests'), width('tasks') + 2);
  for (const [year, inYear] of daysByYear(history.now, days)) {
    const tasks = Math.round((size * inYear) / 365);
    const requests = Math.ceil(tasks / TASKS_PER_REQUEST);
    // Each request archived in a run of its own: its line and a header line each for it and its tasks; a line per task.
    const lines = requests * 3 + tasks;
    gridSheet(project, t('zh-CN', 'archiveSheet', { year }), lines, archiveWidth);
  }
  const weeks = Math.floor(days / 7);
  const [rows, columns] = history.summaryGrid;
  for (let w = 1; w <= Math.min(weeks, DEFAULTS.summaryKeepWeeks); w++) {
    gridSheet(project, t('zh-CN', 'summaryTitle', { week: `bench-W${w}` }), rows, columns);
  }
  // One line (title, period, headline) per folded week.
  if (weeks > DEFAULTS.summaryKeepWeeks)
    gridSheet(project, t('zh-CN', 'foldedSummariesSheet'), 1 + weeks - DEFAULTS.summaryKeepWeeks, 3);
}

/** Yesterday's scan of the same workbook, clock one day back: its log rows and Health column, and a weekly summary's size. */
function yesterday(size: number, scenario: Scenario, now: number): History {
  const project = loadBundle(now - DAY);
  const settings = settingsSheetRows();
  seed(project, size, scenario, now, { settings, health: [] }, []);
  project.call('runChecksNow_');
  const sheetValues = (key: SheetKey) =>
    project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'))?.getDataRange().getValues() ?? [];
  const taskValues = sheetValues('tasks');
  const healthColumn =
    taskValues[0]?.indexOf(
      headerText(
        sheetDef('tasks').columns.find((c) => c.key === 'health')!,
        'zh-CN',
      ),
    ) ?? -1;
  const log = sheetValues('notificationLog')
    .slice(1)
    .map((line) => line.map(toJson));
  const titles = new Set(project.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()));
  const { ui } = project.emulator;
  ui.emuQueueAnswer(ui.ui.Button.NO);
  project.call('weeklySummary_');
  const summary = project.emulator.spreadsheet.getSheets().find((sheet) => !titles.has(sheet.getName()));
  return {
    now,
    settings,
    log,
    health: taskValues.slice(1).map((row) => toJson(row[healthColumn] ?? '')),
    summaryGrid: summary ? [summary.getMaxRows(), summary.getMaxColumns()] : [0, 0],
  };
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

const round1 = (n: number) => Math.round(n * 10) / 10;

function estimate(project: LoadedProject): Estimate {
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

function logValues(project: LoadedProject): unknown[][] {
  return (
    project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))?.getDataRange().getValues() ??
    []
  ).slice(1);
}

function measure(size: number, scenario: Scenario, age: Age, history: History): RunReport {
  const project = loadBundle(history.now, { latency: true });
  const log = liveLog(history, age);
  seed(project, size, scenario, history.now, { ...history, markedProgress: true }, log);
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
  const scanTime = Math.floor(history.now / 1000) * 1000;
  const after = logValues(project);
  const written = after.filter((row) => row[0] instanceof Date && row[0].getTime() >= scanTime);
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
    cpuMs: Math.round((used.user + used.system) / 1000),
    mainThreadMs: Math.round(mainThreadMs),
    serviceMs: Math.round(services.ms),
    scriptMs: Math.round(mainThreadMs - services.ms),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeScanMB: Math.round(rssBeforeScan / 1048576),
    estimatedSeconds,
    stoppedAtTimeLimit,
    emails: mail.outbox.length,
    distinctRecipients: new Set(mail.outbox.flatMap((m) => [...m.to, ...m.cc])).size,
    queued: written.filter((row) => row[5] === '排队中').length,
    logRowsBefore: log.length,
    logRowsAfter: after.length,
  };
}

/**
 * The reminder script people write by hand, run through the workbook's globals: every open task
 * overdue or due within a day mails its owner, one mail a row, every time it runs.
 */
function naiveReminders(globals: Record<string, unknown>, now: number): void {
  const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const mailApp = globals.MailApp as GoogleAppsScript.Mail.MailApp;
  const book = app.getActiveSpreadsheet();
  const read = (key: SheetKey) => book.getSheetByName(sheetTitle(key, 'zh-CN'))!.getDataRange().getValues();
  const column = (rows: unknown[][], key: string, sheet: SheetKey) =>
    rows[0]!.indexOf(
      headerText(
        sheetDef(sheet).columns.find((c) => c.key === key)!,
        'zh-CN',
      ),
    );
  const people = read('people');
  const emailOf = new Map(
    people.slice(1).map((row) => [row[column(people, 'name', 'people')], row[column(people, 'email', 'people')]]),
  );
  const tasks = read('tasks');
  const [status, due, owner, name] = ['status', 'due', 'owner', 'name'].map((key) => column(tasks, key, 'tasks'));
  for (const row of tasks.slice(1)) {
    const dueAt = row[due!];
    if (row[status!] === '已完成' || !(dueAt instanceof Date) || dueAt.getTime() > now + DAY) continue;
    const email = emailOf.get(row[owner!]);
    if (typeof email === 'string') mailApp.sendEmail(email, `任务提醒：${String(row[name!])}`, '请尽快更新进度。');
  }
}

function naive(size: number, scenario: Scenario, age: Age, history: History): NaiveReport {
  const project = loadBundle(history.now, { dailyMailQuota: Number.MAX_SAFE_INTEGER });
  seed(project, size, scenario, history.now, history, liveLog(history, age));
  accumulate(project, size, age, history);
  project.emulator.calls.reset();
  naiveReminders(project.emulator.globals, history.now);
  const estimatedSeconds = estimate(project);
  const { outbox } = project.emulator.mail;
  return {
    emails: outbox.length,
    distinctRecipients: new Set(outbox.flatMap((m) => m.to)).size,
    quotaDays: round1(outbox.length / DAILY_RECIPIENTS),
    estimatedSeconds,
    runs: Math.ceil(estimatedSeconds.total / RUN_LIMIT_SECONDS),
  };
}

const self = fileURLToPath(import.meta.url);

function child(...args: string[]): string {
  return execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

/** Our figures against the hand-written script's: the headline ratios. */
function headline(run: RunReport, hand: NaiveReport) {
  return {
    emailsRatio: run.emails === 0 ? null : round1(hand.emails / run.emails),
    wallTimeRatio:
      run.estimatedSeconds.total === 0 ? null : round1(hand.estimatedSeconds.total / run.estimatedSeconds.total),
  };
}

const asScenario = (text: string | undefined): Scenario => (text === 'worst' ? 'worst' : 'typical');
const asAge = (text: string | undefined): Age => (text !== undefined && text in AGES ? (text as Age) : 'day 1');
const [mode, ...rest] = process.argv.slice(2);
if (mode === 'yesterday') {
  // Internal: `yesterday <size> <scenario> <now ms>` prints yesterday's state as JSON.
  const [size, scenario, now] = rest;
  process.stdout.write(JSON.stringify(yesterday(Number(size), asScenario(scenario), Number(now))));
} else if (mode === 'naive') {
  // Internal: `naive <size> <scenario> <age> <history file>` runs the hand-written script.
  const [size, scenario, age, historyFile] = rest;
  const history = JSON.parse(readFileSync(historyFile!, 'utf8')) as History;
  process.stdout.write(JSON.stringify(naive(Number(size), asScenario(scenario), asAge(age), history)));
} else if (mode) {
  // `<size> [scenario] [age] [history file]`: one measured run.
  const [scenario, age, historyFile] = rest;
  const history = historyFile
    ? (JSON.parse(readFileSync(historyFile, 'utf8')) as History)
    : (JSON.parse(child('yesterday', mode, asScenario(scenario), String(BENCH_NOW))) as History);
  process.stdout.write(JSON.stringify(measure(Number(mode), asScenario(scenario), asAge(age), history)));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'collab-desk-bench-'));
  try {
    const runs = (['typical', 'worst'] as const).flatMap((scenario) =>
      SIZES.flatMap((size) => {
        const historyFile = join(dir, `${scenario}-${size}.json`);
        writeFileSync(historyFile, child('yesterday', String(size), scenario, String(BENCH_NOW)));
        return (Object.keys(AGES) as Age[]).map((age) => {
          const reports = Array.from(
            { length: RUNS },
            () => JSON.parse(child(String(size), scenario, age, historyFile)) as RunReport,
          );
          const median = [...reports].sort((a, b) => a.mainThreadMs - b.mainThreadMs)[Math.floor(RUNS / 2)]!;
          const hand = JSON.parse(child('naive', String(size), scenario, age, historyFile)) as NaiveReport;
          return {
            ...median,
            mainThreadMsRuns: reports.map((r) => r.mainThreadMs),
            naive: hand,
            ...headline(median, hand),
          };
        });
      }),
    );
    const report = {
      bundleBytes: statSync('build/Code.js').size,
      node: process.version,
      cellLimit: CELL_LIMIT,
      runBudgetSeconds: DEFAULTS.runBudgetSeconds,
      runs,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
