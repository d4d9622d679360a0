/**
 * The scan (SPEC §3.2, §3.3): read every table once, compute health and write the Health
 * column in one batch, decide the notices, send one digest per recipient within the mail quota,
 * and record every notice considered in the Notification log. The caller holds the document lock.
 */
import { WorkCalendar } from '../domain/calendar';
import { buildDigests } from '../domain/digest';
import {
  findNotices,
  logRows,
  planDeliveries,
  queuedKeys,
  type ActionItem,
  type Delivery,
  type LogEntry,
  type PlanChangeItem,
  type RequestItem,
  type TaskItem,
} from '../domain/escalation';
import { taskHealth, type TaskHealth } from '../domain/health';
import { enumLabel, headerText, parseEnum, sheetDef, sheetTitle, type EnumCode, type EnumKey, type SheetKey } from '../domain/schema';
import { isBlank, parseDate, parseList, parsePercent } from '../domain/values';
import type { Mailer } from '../gas/mailer';
import type { Table } from '../gas/table';
import type { Workbook } from './workbook';

export interface ScanReport {
  readonly tasks: number;
  /** Notices the current state calls for, before cooldown. */
  readonly notices: number;
  /** Digests mailed (send mode) or logged as dry-run. */
  readonly digests: number;
  readonly sent: number;
  readonly dryRun: number;
  readonly queued: number;
  readonly failed: number;
  readonly coolingDown: number;
}

export interface ScanOptions {
  /**
   * The hourly pass between daily scans: health is refreshed, but only what earlier runs queued
   * and final-hours warnings (which cannot wait for tomorrow's scan) go out.
   */
  readonly hourly?: boolean;
}

export function runScan(wb: Workbook, mailer: Mailer, options: ScanOptions = {}): ScanReport {
  const { settings, now } = wb;
  const calendar = new WorkCalendar(settings);
  const tasks = readTasks(wb, calendar);
  const log = readLog(logTable(wb));

  const notices = findNotices({
    now,
    settings,
    calendar,
    directory: wb.directory(),
    tasks,
    requests: readRequests(wb),
    actions: readActions(wb),
    changes: readChanges(wb),
    log,
  });
  const dryRun = settings.emailMode === 'dry-run';
  const plan = planDeliveries(notices, log, {
    now,
    cooldownHours: settings.cooldownHours,
    emailMode: settings.emailMode,
    quota: dryRun ? 0 : mailer.remainingQuota(),
    ...(options.hourly ? { only: urgentOrQueued(queuedKeys(log)) } : {}),
  });

  const failed = new Set<string>();
  if (!dryRun) {
    const context = {
      locale: settings.locale,
      spreadsheetUrl: wb.spreadsheet.getUrl(),
      sheetIds: sheetIds(wb, ['tasks', 'requests', 'communications', 'planChanges']),
      cooldownHours: settings.cooldownHours,
    };
    for (const digest of buildDigests(plan.digests, context)) {
      try {
        mailer.send(digest, wb.text('appName'));
      } catch {
        // Logged as failed below; not in cooldown, so the next daily scan tries again.
        failed.add(digest.recipient);
      }
    }
  }

  const rows = logRows(plan, now, settings.emailMode, failed);
  const table = logTable(wb);
  makeRoom(table, rows.length);
  for (const entry of rows) {
    table.append({
      time: entry.time,
      rule: entry.rule,
      level: entry.level,
      item: entry.item,
      recipients: entry.recipients.join(', '),
      status: enumLabel('notificationStatus', entry.status ?? 'failed', settings.locale),
      key: entry.key,
    });
  }
  wb.commit();

  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return {
    tasks: tasks.length,
    notices: notices.length,
    digests: plan.digests.length - failed.size,
    sent: count('sent'),
    dryRun: count('dry-run'),
    queued: count('queued'),
    failed: count('failed'),
    coolingDown: plan.coolingDown.length,
  };
}

function urgentOrQueued(queued: ReadonlySet<string>): (delivery: Delivery) => boolean {
  return (delivery) => queued.has(delivery.key) || delivery.notice.rule === 'finalHours';
}

/** Notices earlier runs queued for lack of quota and not sent since. */
export function queuedCount(wb: Workbook): number {
  const table = wb.optionalTable('notificationLog');
  return table ? queuedKeys(readLog(table)).size : 0;
}

/** Tasks with their health; the Health column of every row is updated in the same pass (written on commit). */
function readTasks(wb: Workbook, calendar: WorkCalendar): { task: TaskItem; health: TaskHealth }[] {
  const table = wb.optionalTable('tasks');
  if (!table) return [];
  const { timeZone, locale } = wb.settings;
  const latest = latestProgress(wb);
  const result: { task: TaskItem; health: TaskHealth }[] = [];
  for (const row of table.records()) {
    const id = row.text('id');
    const progress = latest.get(id.toUpperCase());
    const typedUpdate = parseDate(row.get('lastUpdate'), timeZone);
    const posted = progress?.at;
    const lastUpdate = typedUpdate && posted ? (posted > typedUpdate ? posted : typedUpdate) : (posted ?? typedUpdate);
    const task: TaskItem = {
      row: row.rowNumber,
      id,
      name: row.text('name'),
      request: row.text('request'),
      dept: row.text('dept'),
      owner: row.text('owner'),
      dependsOn: parseList(row.get('dependsOn')),
      status: enumOf('taskStatus', row.get('status')),
      start: parseDate(row.get('start'), timeZone),
      due: parseDate(row.get('due'), timeZone),
      pct: progress?.pct ?? parsePercent(row.get('pct')) ?? 0,
      lastUpdate,
    };
    const health = taskHealth(task, wb.now, calendar, wb.settings);
    if (table.has('health')) row.set('health', enumLabel('health', health.health, locale));
    // A row without an ID yet (its request is not approved) gets health but no notices.
    if (id !== '') result.push({ task, health });
  }
  return result;
}

/** The newest Progress entry per task (rows are append-only, so the last row is current). */
function latestProgress(wb: Workbook): Map<string, { pct: number | undefined; at: Date | undefined }> {
  const latest = new Map<string, { pct: number | undefined; at: Date | undefined }>();
  const timeZone = wb.settings.timeZone;
  const rows = wb.optionalTable('progress')?.records() ?? [];
  // Newest first, so each task's older entries are skipped rather than parsed.
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    const task = row?.text('task').toUpperCase() ?? '';
    if (task === '' || latest.has(task)) continue;
    latest.set(task, { pct: parsePercent(row?.get('pct')), at: parseDate(row?.get('updatedAt'), timeZone) });
  }
  return latest;
}

function readRequests(wb: Workbook): RequestItem[] {
  const timeZone = wb.settings.timeZone;
  return (wb.optionalTable('requests')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    id: row.text('id'),
    title: row.text('title'),
    dept: row.text('dept'),
    requester: row.text('requester'),
    depts: parseList(row.get('depts')),
    lead: row.text('lead'),
    coordinator: row.text('coordinator'),
    status: enumOf('requestStatus', row.get('status')),
    submitted: parseDate(row.get('submitted'), timeZone),
  }));
}

function readActions(wb: Workbook): ActionItem[] {
  const timeZone = wb.settings.timeZone;
  return (wb.optionalTable('communications')?.records() ?? [])
    .filter((row) => !isBlank(row.get('actions')) || !isBlank(row.get('actionDue')))
    .map((row) => ({
      row: row.rowNumber,
      ref: row.text('ref'),
      topic: row.text('topic'),
      action: row.text('actions'),
      owner: row.text('actionOwner'),
      due: parseDate(row.get('actionDue'), timeZone),
      status: enumOf('actionStatus', row.get('actionStatus')),
    }));
}

function readChanges(wb: Workbook): PlanChangeItem[] {
  const timeZone = wb.settings.timeZone;
  return (wb.optionalTable('planChanges')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    task: row.text('task'),
    newDue: parseDate(row.get('newDue'), timeZone),
    status: enumOf('changeStatus', row.get('status')),
    requestedAt: parseDate(row.get('requestedAt'), timeZone),
  }));
}

function readLog(table: Table<string>): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const row of table.records()) {
    const time = row.get('time');
    const key = row.text('key');
    if (!(time instanceof Date) || key === '') continue;
    entries.push({
      time,
      rule: row.text('rule'),
      level: row.text('level'),
      item: row.text('item'),
      recipients: parseList(row.get('recipients')),
      status: enumOf('notificationStatus', row.get('status')),
      key,
    });
  }
  return entries;
}

/** The Notification log, created with its header row when the workbook has none: it is what makes sending idempotent. */
function logTable(wb: Workbook): Table<string> {
  if (!wb.sheet('notificationLog')) {
    const sheet = wb.spreadsheet.insertSheet(sheetTitle('notificationLog', wb.locale));
    const headers = sheetDef('notificationLog').columns.map((column) => headerText(column, wb.locale));
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    sheet.setFrozenRows(1);
    wb.sheets.added(sheet);
  }
  return wb.table('notificationLog');
}

/** Sheets refuses a write below the sheet's last row, so the log grows before rows are appended. */
function makeRoom(table: Table<string>, appending: number): void {
  const lastRow = table.rows.length + 1 + appending;
  const maxRows = table.sheet.getMaxRows();
  if (lastRow > maxRows) table.sheet.insertRowsAfter(maxRows, lastRow - maxRows);
}

const enumCache = new Map<string, string | undefined>();

/** parseEnum for a whole column: a sheet holds a handful of distinct labels in thousands of rows. */
function enumOf<E extends EnumKey>(kind: E, value: unknown): EnumCode<E> | undefined {
  if (typeof value !== 'string') return undefined;
  const key = `${kind}|${value}`;
  if (!enumCache.has(key)) enumCache.set(key, parseEnum(kind, value));
  return enumCache.get(key) as EnumCode<E> | undefined;
}

function sheetIds(wb: Workbook, keys: readonly SheetKey[]): Partial<Record<SheetKey, number>> {
  const ids: Partial<Record<SheetKey, number>> = {};
  for (const key of keys) {
    const sheet = wb.sheet(key);
    if (sheet) ids[key] = sheet.getSheetId();
  }
  return ids;
}
