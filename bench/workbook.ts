/**
 * The bench's workbook: what setup leaves plus data (see the method in scan.ts). Tasks are owned
 * by people picked by a seeded generator (prng.ts), so problems spread over owners and
 * departments as they do in a real team rather than lining up with the status cycle; each task's
 * department is its owner's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuilt, readBundle, type Bundle } from '../cli/session';
import type { LoadedProject } from '../emulator/runtime';
import { HELPER_COLUMN, HELPER_HEADROOM, HELPER_WIDTH } from '../src/gas/dashboardFormulas';
import { SPARE_COLUMNS } from '../src/gas/workbookSetup';
import { headerText, SHEET_ORDER, sheetDef, sheetTitle, type SheetKey } from '../src/domain/schema';
import { defaultSettings, settingRows, type Settings } from '../src/domain/settings';
import { t } from '../src/i18n/index';
import { below, mixSeed, seededRandom } from './prng';

/**
 * The measured scan's clock: a fixed Wednesday morning in Shanghai, so every figure but CPU and
 * memory is the same on every run and machine (the weekday decides which repeats are due and
 * where the archives' years split).
 */
export const BENCH_NOW = Date.parse('2026-06-03T09:00:00+08:00');
export const DAY = 86_400_000;
export const PROGRESS_PER_TASK = 5;
export const TASKS_PER_REQUEST = 10;
export const DEPARTMENTS = 10;
export const COORDINATOR = 'pmo@bench.example';
export const SPREADSHEET = { locale: 'zh_CN', timeZone: 'Asia/Shanghai' } as const;
export const DEFAULTS = defaultSettings(SPREADSHEET);
/** Workspace's daily mail recipients. */
export const DAILY_RECIPIENTS = 1_500;
const SEED_BLOCK_ROWS = 2_000;
const REQUEST = 'XQ202407001';

export type Scenario = 'typical' | 'worst';

/** A task as the bench keeps it between days (times in ms); its row is written from this. */
export interface BenchTask {
  readonly id: string;
  readonly name: string;
  readonly dept: string;
  readonly owner: string;
  readonly start: number;
  readonly due: number;
  status: string;
  /** 0–100, as the latest progress save left it. */
  pct: number;
  lastUpdate: number | undefined;
  /** The latest progress entry's summary, as the progress save carried it to the task row. */
  summary: string;
}

/** A Progress row by column key (a type, not an interface, so it is a row record as it stands). */
export type ProgressEntry = {
  readonly task: string;
  readonly summary: string;
  /** A fraction, as the Progress sheet holds it. */
  readonly pct: number;
  readonly updatedAt: Date;
};

/** The bench's data: people (by index: name 员工p, department people[p]), tasks and their progress. */
export interface BenchData {
  /** Each person's department index. */
  readonly people: readonly number[];
  readonly tasks: BenchTask[];
  readonly progress: ProgressEntry[];
}

/** One task's state at the start: status, due offset and progress, in days relative to now. */
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

export const personName = (p: number) => `员工${p}`;
export const deptName = (d: number) => `部门${d}`;

/** The seed of a case's generator: the same case, the same people and owners. */
export const caseSeed = (size: number, scenario: Scenario) => mixSeed(size, scenario === 'worst' ? 2 : 1);

/**
 * `size` tasks (statuses, dues and progress by `shape`), 5 progress rows each, owned by size/20
 * people (at least 20); each person in a department and each task's owner picked by the seeded
 * generator, the task in its owner's department.
 */
export function benchData(size: number, scenario: Scenario, now: number): BenchData {
  const random = seededRandom(caseSeed(size, scenario));
  const people = Array.from({ length: Math.max(20, Math.floor(size / 20)) }, () => below(random, DEPARTMENTS));
  const shapes = Array.from({ length: size }, (_, i) => shape(i, scenario));
  const tasks = shapes.map((task, i): BenchTask => {
    const owner = below(random, people.length);
    return {
      id: `RW202407001-${String(i + 1).padStart(2, '0')}`,
      name: `任务 ${i + 1}`,
      dept: deptName(people[owner] ?? 0),
      owner: personName(owner),
      start: now - 10 * DAY,
      due: now + task.dueInDays * DAY,
      status: task.status,
      pct: task.pct,
      lastUpdate: now - task.lastUpdateDaysAgo * DAY,
      summary: progressSummary(PROGRESS_PER_TASK - 1),
    };
  });
  const progress = tasks.flatMap((task, i) => {
    const { pct, lastUpdateDaysAgo } = shapes[i]!;
    return Array.from({ length: PROGRESS_PER_TASK }, (_, k) => ({
      task: task.id,
      summary: progressSummary(k),
      pct: (pct * (k + 1)) / PROGRESS_PER_TASK / 100,
      updatedAt: new Date(now - (lastUpdateDaysAgo + (PROGRESS_PER_TASK - 1 - k)) * DAY),
    }));
  });
  return { people, tasks, progress };
}

/** The summary of a task's `k`th progress entry (0-based). */
const progressSummary = (k: number) => `进度 ${k + 1}`;

/** A task's row, by column key, as setup's columns and the progress saves leave it. */
export function taskRow(task: BenchTask, health: unknown = ''): Record<string, unknown> {
  return {
    id: task.id,
    request: REQUEST,
    name: task.name,
    dept: task.dept,
    owner: task.owner,
    deliverable: '按标准交付',
    start: new Date(task.start),
    due: new Date(task.due),
    status: task.status,
    pct: task.pct,
    lastUpdate: task.lastUpdate === undefined ? '' : new Date(task.lastUpdate),
    health,
    progressSummary: task.summary,
  };
}

export interface LoadOptions {
  readonly latency?: boolean;
  readonly dailyMailQuota?: number;
  /** Another build of the bundle (scripts.ts's same-rules digest); the built one by default. */
  readonly bundle?: Bundle;
}

export function loadBundle(now: number, options: LoadOptions = {}): LoadedProject {
  return loadBuilt(options.bundle ?? readBundle(), {
    now: new Date(now),
    activeUser: COORDINATOR,
    dailyMailQuota: options.dailyMailQuota ?? DAILY_RECIPIENTS,
    spreadsheetLocale: SPREADSHEET.locale,
    timeZone: SPREADSHEET.timeZone,
    latency: options.latency ?? false,
  });
}

/**
 * The built bundle with `patch` applied to its Code.js, in a folder of its own beside a copy of
 * the rest. `patch` must change the code: a bundle the patch no longer matches is an error, not
 * a silent unpatched run.
 */
export function patchedBundle(patch: (code: string) => string): Bundle {
  const built = readBundle();
  const folder = mkdtempSync(join(tmpdir(), 'collab-desk-bench-bundle-'));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  const code = readFileSync(join(built.folder, 'Code.js'), 'utf8');
  const patched = patch(code);
  if (patched === code) throw new Error('bench: the bundle patch matched nothing; see scripts.ts');
  writeFileSync(join(folder, 'Code.js'), patched);
  writeFileSync(join(folder, 'sidebar.html'), built.sidebar);
  writeFileSync(join(folder, 'appsscript.json'), JSON.stringify(built.manifest));
  return { ...built, folder };
}

/** A sheet's grid from row 1: `values` (header first), in blocks, so seeding's garbage does not set peak memory. */
export function writeGrid(project: LoadedProject, title: string, values: readonly (readonly unknown[])[]): void {
  const sheet = project.emulator.spreadsheet.insertSheet(title);
  // A loop, not Math.max(...): a 10,000-task log has more rows than a call takes arguments.
  const width = values.reduce((widest, row) => Math.max(widest, row.length), 1);
  // A new sheet has 1,000 rows; writing past them is an error, as in Sheets.
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  for (let top = 0; top < values.length; top += SEED_BLOCK_ROWS) {
    const block = values.slice(top, top + SEED_BLOCK_ROWS);
    sheet.getRange(1 + top, 1, block.length, width).setValues(block as string[][]);
  }
  sheet.setFrozenRows(1);
}

function writeSheet(project: LoadedProject, key: SheetKey, rows: readonly Record<string, unknown>[]): void {
  const columns = sheetDef(key).columns;
  writeGrid(project, sheetTitle(key, 'zh-CN'), [
    columns.map((c) => headerText(c, 'zh-CN')),
    ...rows.map((row) => columns.map((c) => row[c.key] ?? '')),
  ]);
  // Setup makes a sheet as wide as its columns and SPARE_COLUMNS.
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'))!;
  const width = columns.length + SPARE_COLUMNS;
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
}

/** A sheet the scan never reads, as a grid of its size: its header and last row filled. */
export function gridSheet(project: LoadedProject, title: string, rows: number, columns: number): void {
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

export const toJson = (cell: unknown): unknown => (cell instanceof Date ? { date: cell.toISOString() } : cell);
export const fromJson = (cell: unknown): unknown =>
  typeof cell === 'object' && cell !== null && 'date' in cell ? new Date(String(cell.date)) : cell;

/** The Settings sheet's rows as setup writes them, with the bench's coordinator (and `overrides`). */
export function settingsSheetRows(overrides: Partial<Settings> = {}): Record<string, unknown>[] {
  const settings = { ...DEFAULTS, coordinators: [COORDINATOR], ...overrides };
  return settingRows(settings, 'zh-CN').map(({ label, value, description }) => ({ key: label, value, description }));
}

export interface SeedOptions {
  readonly settings: readonly Record<string, unknown>[];
  /** Yesterday's Health column, by task (cells as JSON). */
  readonly health?: readonly unknown[];
  /**
   * The Notification log as a scan of the built bundle left it, header row first (cells as JSON),
   * copied as is: the bench never builds a log row itself. Absent: the header setup writes.
   */
  readonly logGrid?: readonly (readonly unknown[])[];
  /** Progress entries posted since yesterday's scan, above which its high-water mark sits (markProgress). */
  readonly postedSinceMark?: number;
}

/** A set-up workbook holding `data`, 10 departments, the bench's request and the given log. */
export function seed(project: LoadedProject, data: BenchData, options: SeedOptions): void {
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) => ({
    name: deptName(d),
    head: `head${d}@bench.example`,
    sponsor: `vp${d}@bench.example`,
  }));
  const rows: Record<SheetKey, readonly Record<string, unknown>[]> = {
    requests: [
      { id: REQUEST, title: '基准测试', dept: deptName(0), requester: COORDINATOR, goal: '基准', status: '执行中' },
    ],
    tasks: data.tasks.map((task, i) => taskRow(task, fromJson(options.health?.[i] ?? ''))),
    progress: data.progress,
    communications: [],
    acceptance: [],
    planChanges: [],
    templates: [],
    satisfaction: [],
    cases: [],
    suggestions: [],
    settings: options.settings,
    departments,
    people: data.people.map((dept, p) => ({
      name: personName(p),
      email: `person${p}@bench.example`,
      dept: deptName(dept),
    })),
    notificationLog: [],
    signOffs: [],
    changeHistory: [],
  };
  for (const key of SHEET_ORDER) {
    if (key === 'notificationLog' && options.logGrid && options.logGrid.length > 0) {
      writeGrid(
        project,
        sheetTitle(key, 'zh-CN'),
        options.logGrid.map((line) => line.map(fromJson)),
      );
    } else writeSheet(project, key, rows[key]);
  }
  // As every daily scan leaves the log: as wide as its header (notificationLogSheet.fitLogColumns).
  const log = project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN'))!;
  const logWidth = log.getLastColumn();
  if (log.getMaxColumns() > logWidth) log.deleteColumns(logWidth + 1, log.getMaxColumns() - logWidth);
  // As a refresh leaves the dashboard: helper rows to HELPER_HEADROOM below the last task (gas/dashboardSheet.ts).
  gridSheet(
    project,
    t('zh-CN', 'dashboardSheet'),
    data.tasks.length + 1 + HELPER_HEADROOM,
    HELPER_COLUMN + HELPER_WIDTH - 1,
  );
  if (options.postedSinceMark !== undefined) markProgress(project, data.progress, options.postedSinceMark);
}

/**
 * Yesterday's scan's Progress high-water mark (gas/automationRecord.ts): the last row it read,
 * `posted` rows above the end (the entries posted since, taken to be the sheet's last rows).
 */
function markProgress(project: LoadedProject, progress: readonly ProgressEntry[], posted: number): void {
  const index = Math.max(0, progress.length - 1 - posted);
  const row = progress[index];
  if (!row) return;
  const fingerprint = JSON.stringify([String(row.task), String(row.summary)]);
  project.emulator.spreadsheet.addDeveloperMetadata(
    'collabDesk.progressMark',
    JSON.stringify({ row: index + 2, fingerprint }),
  );
}

/** A sheet's values (header first), or none. */
export function sheetValues(project: LoadedProject, key: SheetKey): unknown[][] {
  return project.emulator.spreadsheet.getSheetByName(sheetTitle(key, 'zh-CN'))?.getDataRange().getValues() ?? [];
}

/** A column's index in a header row, by its key (Chinese header, as setup writes it). */
export function columnIndex(header: readonly unknown[], sheet: SheetKey, key: string): number {
  const column = sheetDef(sheet).columns.find((c) => c.key === key);
  return column ? header.indexOf(headerText(column, 'zh-CN')) : -1;
}
