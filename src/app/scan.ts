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
  type Rule,
  type TaskItem,
} from '../domain/escalation';
import { taskHealth, type TaskHealth } from '../domain/health';
import {
  enumLabel,
  headerText,
  sheetDef,
  sheetTitle,
  type ColumnKey,
  type EnumCode,
  type EnumKey,
  type SheetKey,
} from '../domain/schema';
import { parseDate, parseList } from '../domain/values';
import type { Mailer } from '../gas/mailer';
import { Table } from '../gas/table';
import type { Locale } from '../i18n/index';
import { enumOf, readAcceptances, readActions, readLatestAcceptedProgress, readRequests, readTasks } from './records';
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
  const tasks = tasksWithHealth(wb, calendar);
  const existingLog = wb.optionalTable('notificationLog');
  const log = existingLog ? readLog(existingLog) : [];

  const notices = findNotices({
    now,
    settings,
    calendar,
    directory: wb.directory(),
    tasks,
    requests: readRequests(wb),
    actions: actionItems(wb),
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
      spreadsheetUrl: wb.source.url(),
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
function tasksWithHealth(wb: Workbook, calendar: WorkCalendar): { task: TaskItem; health: TaskHealth }[] {
  const table = wb.optionalTable('tasks');
  if (!table) return [];
  // Only accepted entries count: a rejected one never gets its update stamp.
  const latest = readLatestAcceptedProgress(wb);
  const healthLabel = labeler('health', wb.settings.locale);
  const writesHealth = table.has('health');
  const result: { task: TaskItem; health: TaskHealth }[] = [];
  for (const task of readTasks(wb, latest)) {
    const health = taskHealth(task, wb.now, calendar, wb.settings);
    if (writesHealth) table.rows[task.row - 2]!.set('health', healthLabel(health.health));
    // A row without an ID yet (its request is not approved) gets health but no notices.
    if (task.id !== '') result.push({ task, health });
  }
  return result;
}

/** Communication log rows that hold an action item (an item without a readable due date raises no notice). */
function actionItems(wb: Workbook): ActionItem[] {
  return readActions(wb).filter((action) => action.action !== '' || action.due !== undefined);
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

/**
 * The Notification log for a workbook that has none: it is what makes sending idempotent, so every
 * scan leaves one. Its header row is written with the run's rows, so nothing is read back.
 */
function createLog(wb: Workbook): Table<ColumnKey<'notificationLog'>> {
  const sheet = wb.spreadsheet.insertSheet(sheetTitle('notificationLog', wb.locale));
  sheet.setFrozenRows(1);
  wb.source.added('notificationLog', sheet);
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

function sheetIds(wb: Workbook, keys: readonly SheetKey[]): Partial<Record<SheetKey, number>> {
  const ids: Partial<Record<SheetKey, number>> = {};
  for (const key of keys) {
    const id = wb.source.sheetId(key);
    if (id !== undefined) ids[key] = id;
  }
  return ids;
}
