/**
 * Yesterday's state and older workbooks (see the method in scan.ts): yesterday's scan of the built
 * bundle runs on the same rows with the clock one day back, and what it wrote (its Notification
 * log, header included, and the Health column) is copied into the measured workbook; older
 * workbooks repeat those rows over the live log's span and add the sheets retention, archiving and
 * the weekly summaries leave, as grids of their size.
 */
import type { LoadedProject } from '../emulator/runtime';
import { repeatGapDays } from '../src/domain/told';
import { sheetDef, type SheetKey } from '../src/domain/schema';
import { t } from '../src/i18n/index';
import { archiveLinesPerDay, shiftLogTimes } from './logShape';
import {
  benchData,
  columnIndex,
  DAY,
  DEFAULTS,
  gridSheet,
  loadBundle,
  seed,
  settingsSheetRows,
  sheetValues,
  TASKS_PER_REQUEST,
  toJson,
  type Scenario,
} from './workbook';

export const AGES = { 'day 1': 0, '6 months': 182, '2 years': 730 } as const;
export type Age = keyof typeof AGES;
/** The live log after retention: logRetentionDays, plus half of the week waiting to be wholly past it. */
const LIVE_LOG_DAYS = DEFAULTS.logRetentionDays + 3;
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * What yesterday's scan left: its Notification log as the bundle wrote it (header first, a Date as
 * { date: ISO text }) and the Health column, and the size of the weekly summary generated on it;
 * with the Settings rows setup writes, made there because building them warms Intl, which the
 * measured scan must find cold.
 */
export interface History {
  readonly now: number;
  readonly settings: readonly Record<string, unknown>[];
  readonly logGrid: readonly (readonly unknown[])[];
  readonly health: readonly unknown[];
  readonly summaryGrid: readonly [number, number];
}

/** Yesterday's scan of the same workbook, clock one day back: its log and Health column, and a weekly summary's size. */
export function yesterday(size: number, scenario: Scenario, now: number): History {
  const project = loadBundle(now - DAY);
  const settings = settingsSheetRows();
  seed(project, benchData(size, scenario, now), { settings });
  project.call('runChecksNow_');
  const taskValues = sheetValues(project, 'tasks');
  const healthColumn = columnIndex(taskValues[0] ?? [], 'tasks', 'health');
  const logGrid = sheetValues(project, 'notificationLog').map((line) => line.map(toJson));
  const titles = new Set(project.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()));
  const { ui } = project.emulator;
  ui.emuQueueAnswer(ui.ui.Button.NO);
  project.call('weeklySummary_');
  const summary = project.emulator.spreadsheet.getSheets().find((sheet) => !titles.has(sheet.getName()));
  return {
    now,
    settings,
    logGrid,
    health: taskValues.slice(1).map((row) => toJson(row[healthColumn] ?? '')),
    summaryGrid: summary ? [summary.getMaxRows(), summary.getMaxColumns()] : [0, 0],
  };
}

/**
 * The live log (header first): yesterday's rows, and in older workbooks the same rows again on the
 * working days of the live log's span on which one long episode is told again: the repeat schedule
 * (repeatGapDays: the next working day, then 2, 2 and every 4 working days) from the span's first
 * working day, so every L2 is in a long episode that retention keeps.
 */
export function liveLog(history: History, age: Age): (readonly unknown[])[] {
  const [header = [], ...rows] = history.logGrid;
  if (AGES[age] === 0) return [header, ...rows];
  const workingDaysBack: number[] = [];
  for (let back = LIVE_LOG_DAYS - 1; back >= 0; back--) {
    const day = new Date(history.now - (back + 1) * DAY + 8 * 3_600_000).getUTCDay();
    if (day !== 0 && day !== 6) workingDaysBack.push(back);
  }
  const lines: (readonly unknown[])[] = [header];
  for (let index = 0, told = 0; index < workingDaysBack.length; index += Math.max(1, repeatGapDays(told))) {
    told++;
    lines.push(...shiftLogTimes(history.logGrid, -workingDaysBack[index]! * DAY));
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
export function accumulate(project: LoadedProject, size: number, age: Age, history: History): void {
  const days = AGES[age];
  if (days === 0) return;
  const width = (key: SheetKey) => sheetDef(key).columns.length;
  const archivedDays = Math.max(0, days - LIVE_LOG_DAYS);
  // 通知记录 YYYY holds a line per (key, status) and calendar month, its recipients tallied in one cell.
  const linesPerMonth = archiveLinesPerDay(history.logGrid);
  for (const [year, inYear] of daysByYear(history.now - LIVE_LOG_DAYS * DAY, archivedDays)) {
    gridSheet(
      project,
      t('zh-CN', 'logArchiveSheet', { year }),
      1 + Math.round((inYear / DAYS_PER_MONTH) * linesPerMonth),
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
