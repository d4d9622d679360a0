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
  type AcceptanceItem,
  type ActionItem,
  type Delivery,
  type LogEntry,
  type PlanChangeItem,
  type RequestItem,
  type Rule,
  type TaskItem,
} from '../domain/escalation';
import { taskHealth, type TaskHealth } from '../domain/health';
import { enumLabel, headerText, parseEnum, sheetDef, sheetTitle, type ColumnKey, type EnumCode, type EnumKey, type SheetKey } from '../domain/schema';
import { isBlank, parseDate, parseList, parsePercent } from '../domain/values';
import type { Mailer } from '../gas/mailer';
import { Table, type TableRow } from '../gas/table';
import type { Locale } from '../i18n/index';
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
   * The hourly pass between daily scans: health is refreshed, but only what earlier runs queued,
   * final-hours warnings and failed acceptances (which cannot wait for tomorrow's scan) go out.
   */
  readonly hourly?: boolean;
}

export function runScan(wb: Workbook, mailer: Mailer, options: ScanOptions = {}): ScanReport {
  const { settings, now } = wb;
  const calendar = new WorkCalendar(settings);
  const tasks = readTasks(wb, calendar);
  const existingLog = wb.optionalTable('notificationLog');
  const log = existingLog ? readLog(existingLog) : [];

  const notices = findNotices({
    now,
    settings,
    calendar,
    directory: wb.directory(),
    tasks,
    requests: readRequests(wb),
    actions: readActions(wb),
    changes: readChanges(wb),
    acceptances: readAcceptances(wb),
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
  if (!dryRun && plan.digests.length > 0) {
    const linked = new Set(plan.digests.flatMap(({ deliveries }) => deliveries.map((d) => d.notice.sheet)));
    const context = {
      locale: settings.locale,
      spreadsheetUrl: wb.spreadsheet.getUrl(),
      sheetIds: sheetIds(wb, [...linked]),
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
  const table = existingLog ?? createLog(wb);
  const statusLabel = labeler('notificationStatus', settings.locale);
  for (const entry of rows) {
    table.append({
      time: entry.time,
      rule: entry.rule,
      level: entry.level,
      item: entry.item,
      recipients: entry.recipients.join(', '),
      status: statusLabel(entry.status ?? 'failed'),
      key: entry.key,
    });
  }
  wb.commit();
  // A log created by this run is not one of the workbook's tables: it is written here.
  if (!existingLog) table.commit();

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

/** Rules whose notices go out within the hour rather than at the next daily scan. */
const URGENT_RULES: ReadonlySet<Rule> = new Set<Rule>(['finalHours', 'acceptanceFailed']);

function urgentOrQueued(queued: ReadonlySet<string>): (delivery: Delivery) => boolean {
  return (delivery) => queued.has(delivery.key) || URGENT_RULES.has(delivery.notice.rule);
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
  const healthLabel = labeler('health', locale);
  const writesHealth = table.has('health');
  const result: { task: TaskItem; health: TaskHealth }[] = [];
  for (const row of table.rows) {
    if (row.isBlank()) continue;
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
    if (writesHealth) row.set('health', healthLabel(health.health));
    // A row without an ID yet (its request is not approved) gets health but no notices.
    if (id !== '') result.push({ task, health });
  }
  return result;
}

/**
 * The newest accepted Progress entry per task: the log is append-only, so the last accepted row
 * is current. An entry is accepted once it carries its update stamp; a rejected one never does.
 */
function latestProgress(wb: Workbook): Map<string, { pct: number | undefined; at: Date | undefined }> {
  const latest = new Map<string, { pct: number | undefined; at: Date | undefined }>();
  const table = wb.optionalTable('progress');
  if (!table) return latest;
  const timeZone = wb.settings.timeZone;
  const rows = table.rows;
  // Newest first, so each task's older entries are skipped rather than parsed. A blank row has
  // no task, so it is skipped without asking whether the whole row is blank.
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as TableRow<ColumnKey<'progress'>>;
    const updatedAt = row.get('updatedAt');
    // A blank cell reads as '' or spaces; a stamp is a date, or text where users typed one.
    if (typeof updatedAt === 'string' && updatedAt.trim() === '') continue;
    const task = row.text('task').toUpperCase();
    if (task === '' || latest.has(task)) continue;
    latest.set(task, { pct: parsePercent(row.get('pct')), at: parseDate(updatedAt, timeZone) });
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

function readAcceptances(wb: Workbook): AcceptanceItem[] {
  const timeZone = wb.settings.timeZone;
  return (wb.optionalTable('acceptance')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    task: row.text('task'),
    deliverable: row.text('deliverable'),
    result: enumOf('acceptanceResult', row.get('result')),
    reason: row.text('reason'),
    date: parseDate(row.get('date'), timeZone),
    // The add-on copies the standard when it applies a row (see app/acceptance.ts).
    applied: !isBlank(row.get('standard')),
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

/**
 * The Notification log for a workbook that has none: it is what makes sending idempotent, so every
 * scan leaves one. Its header row is written with the run's rows, so nothing is read back.
 */
function createLog(wb: Workbook): Table<ColumnKey<'notificationLog'>> {
  const sheet = wb.spreadsheet.insertSheet(sheetTitle('notificationLog', wb.locale));
  sheet.setFrozenRows(1);
  wb.sheets.added(sheet);
  const headers = sheetDef('notificationLog').columns.map((column) => headerText(column, wb.locale));
  return Table.create(sheet, 'notificationLog', headers);
}

/** enumLabel for one kind and locale, found once per code: thousands of rows share a few labels. */
function labeler<E extends EnumKey>(kind: E, locale: Locale): (code: EnumCode<E>) => string {
  const labels = new Map<EnumCode<E>, string>();
  return (code) => {
    let label = labels.get(code);
    if (label === undefined) labels.set(code, (label = enumLabel(kind, code, locale)));
    return label;
  };
}

const enumCache = new Map<EnumKey, Map<string, string | undefined>>();

/** parseEnum for a whole column: a sheet holds a handful of distinct labels in thousands of rows. */
function enumOf<E extends EnumKey>(kind: E, value: unknown): EnumCode<E> | undefined {
  if (typeof value !== 'string') return undefined;
  let labels = enumCache.get(kind);
  if (!labels) enumCache.set(kind, (labels = new Map()));
  let code = labels.get(value);
  if (code === undefined && !labels.has(value)) labels.set(value, (code = parseEnum(kind, value)));
  return code as EnumCode<E> | undefined;
}

function sheetIds(wb: Workbook, keys: readonly SheetKey[]): Partial<Record<SheetKey, number>> {
  const ids: Partial<Record<SheetKey, number>> = {};
  for (const key of keys) {
    const sheet = wb.sheet(key);
    if (sheet) ids[key] = sheet.getSheetId();
  }
  return ids;
}
