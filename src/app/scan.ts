/**
 * The scan (SPEC §3.2, §3.3, §3.5): read every table once, compute health and write the Health
 * column in one batch, decide the notices, and record every one in the Notification log before
 * any mail goes out (recordScan, under the document lock when there is one); then the digests
 * are mailed through the send ledger, outside the lock, within the run's time budget (deliver).
 */
import { WorkCalendar } from '../domain/calendar';
import { atCellLimit, CELL_LIMIT } from '../domain/cellBudget';
import { buildDigests } from '../domain/digest';
import { isUnconfirmed, logRows, planDeliveries, queuedKeys, type Delivery } from '../domain/delivery';
import {
  findNotices,
  type ActionItem,
  type LogEntry,
  type PlanChangeItem,
  type Rule,
  type TaskItem,
} from '../domain/notices';
import { taskHealth, type TaskHealth } from '../domain/health';
import {
  enumLabel,
  headerText,
  sheetDef,
  type ColumnKey,
  type EnumCode,
  type EnumKey,
  type NotificationStatus,
  type SheetKey,
} from '../domain/schema';
import { parseDate, parseList, parsePercent } from '../domain/values';
import { logArchiveBatch } from '../domain/logRetention';
import { removeRows } from '../gas/archiveSheets';
import { readProgressMark, writeProgressMark } from '../gas/automationRecord';
import { flushWrites } from '../gas/document';
import { deliverMail, type LedgerMail } from '../gas/ledger';
import type { Mailer } from '../gas/mailer';
import { appendToLogArchive } from '../gas/notificationArchive';
import { fitLogColumns, notificationLogSheet } from '../gas/notificationLogSheet';
import { cellString, Table, type TableRow } from '../gas/table';
import { workbookCells } from '../gas/workbookCells';
import { cellLimitText } from './cellBudget';
import type { Locale } from '../i18n/index';
import {
  enumOf,
  latestAcceptedProgress,
  readAcceptances,
  readActions,
  readRequests,
  readTasks,
  type LatestProgress,
} from './records';
import { UserError, type Workbook } from './workbook';

export interface ScanReport {
  readonly tasks: number;
  /** Notices the current state calls for, before cooldown. */
  readonly notices: number;
  /** Digests mailed (send mode) or logged as dry-run. */
  readonly digests: number;
  readonly sent: number;
  readonly dryRun: number;
  /** Deliveries left for the next tick: over quota, failed to send, or past the time budget. */
  readonly queued: number;
  /** Notices nobody could be found for. */
  readonly failed: number;
  readonly coolingDown: number;
  /** Rows a dead run left sending, now shown as unconfirmed. */
  readonly unconfirmed: number;
}

export interface ScanOptions {
  /**
   * The hourly pass between daily scans: health is refreshed, but only what earlier runs queued,
   * final-hours warnings and failed acceptances (which cannot wait for tomorrow's scan) go out.
   */
  readonly hourly?: boolean;
}

/** A scan whose notices are on the log; `deliver` mails them, after the caller let go of the lock. */
export interface RecordedScan {
  deliver(mailer: Mailer): ScanReport;
}

type LogTable = Table<ColumnKey<'notificationLog'>>;
type LogRow = TableRow<ColumnKey<'notificationLog'>>;

/**
 * Each ledger write re-reads the whole log (its rows have no ID, so they are found by their
 * values): ~0.2 ms a row against ~0.75 s a send, so a wave per this many log rows keeps the
 * ledger's writes near an eighth of the mail time; a small log marks every message on its own.
 */
const LOG_ROWS_PER_WAVE_MESSAGE = 500;

export function recordScan(wb: Workbook, mailer: Mailer, options: ScanOptions = {}): RecordedScan {
  const { settings, now } = wb;
  const calendar = new WorkCalendar(settings);
  // Counted by the daily scan; at the limit the log cannot grow, so nothing is recorded or sent.
  const cells = options.hourly ? undefined : { used: workbookCells(wb.spreadsheet), limit: CELL_LIMIT };
  if (cells && atCellLimit(cells)) throw new UserError(cellLimitText(wb, cells));
  const tasks = tasksWithHealth(wb, calendar);
  const table = logTable(wb);
  const statusLabel = labeler('notificationStatus', settings.locale);
  const { log, unconfirmed, rowOf } = readLog(table, now, statusLabel);
  // The hourly pass leaves retention to the daily scan: one week of old rows a day keeps up.
  if (!options.hourly) archiveOldLogRows(wb, table, log, rowOf, calendar);

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
    ...(cells ? { cells } : {}),
  });
  const dryRun = settings.emailMode === 'dry-run';
  const plan = planDeliveries(notices, log, {
    now,
    cooldownHours: settings.cooldownHours,
    emailMode: settings.emailMode,
    quota: dryRun ? 0 : mailer.remainingQuota(),
    ...(options.hourly ? { only: urgentOrQueued(queuedKeys(log, now)) } : {}),
  });

  // The log keeps whole seconds; its rows are found again by their values when marked.
  const rows = logRows(plan, new Date(Math.floor(now.getTime() / 1000) * 1000), settings.emailMode);
  const append = (entry: LogEntry): LogRow =>
    table.append({
      time: entry.time,
      rule: entry.rule,
      level: entry.level,
      item: entry.item,
      recipients: entry.recipients.join(', '),
      status: statusLabel(entry.status ?? 'failed'),
      key: entry.key,
    });
  const mailRows = new Map(rows.mail.map(({ recipient, entries }) => [recipient, entries.map(append)]));
  for (const entry of rows.other) append(entry);
  // Recorded and landed before any mail goes out; a failed write here fails the run, nothing sent.
  const commit = () => {
    wb.commit();
    table.commit();
  };
  commit();
  flushWrites();
  const waveSize = Math.ceil(Math.max(1, table.rowCount) / LOG_ROWS_PER_WAVE_MESSAGE);

  const base = {
    tasks: tasks.length,
    notices: notices.length,
    coolingDown: plan.coolingDown.length,
    failed: plan.unaddressed.length,
    unconfirmed,
  };
  const overQuota = plan.queued.length;
  return {
    deliver(sender) {
      if (dryRun) return { ...base, digests: plan.digests.length, sent: 0, dryRun: plan.digests.length, queued: 0 };
      if (plan.digests.length === 0) return { ...base, digests: 0, sent: 0, dryRun: 0, queued: overQuota };
      const linked = new Set(plan.digests.flatMap(({ deliveries }) => deliveries.map((d) => d.notice.sheet)));
      const context = {
        locale: settings.locale,
        spreadsheetUrl: wb.source.url(),
        sheetIds: sheetIds(wb, [...linked]),
        cooldownHours: settings.cooldownHours,
      };
      const mails: LedgerMail[] = buildDigests(plan.digests, context).map((digest) => ({
        message: digest,
        rows: mailRows.get(digest.recipient) ?? [],
      }));
      const deadline = now.getTime() + settings.runBudgetSeconds * 1000;
      const outcome = deliverMail(mails, sender, {
        label: statusLabel,
        commit,
        flush: flushWrites,
        senderName: wb.text('appName'),
        outOfTime: () => Date.now() >= deadline,
        waveSize,
      });
      return {
        ...base,
        digests: outcome.sent,
        sent: outcome.sentRows,
        dryRun: 0,
        queued: overQuota + outcome.queuedRows,
      };
    },
  };
}

/** Rules whose notices go out within the hour rather than at the next daily scan. */
const URGENT_RULES: ReadonlySet<Rule> = new Set<Rule>(['finalHours', 'acceptanceFailed']);

function urgentOrQueued(queued: ReadonlySet<string>): (delivery: Delivery) => boolean {
  return (delivery) => queued.has(delivery.key) || URGENT_RULES.has(delivery.notice.rule);
}

/** Deliveries earlier runs left queued and not sent since. */
export function queuedCount(wb: Workbook): number {
  const table = wb.optionalTable('notificationLog');
  return table ? queuedKeys(readLog(table, wb.now).log, wb.now).size : 0;
}

/** Tasks with their health; the Health column of every row is updated in the same pass (written on commit). */
function tasksWithHealth(wb: Workbook, calendar: WorkCalendar): { task: TaskItem; health: TaskHealth }[] {
  const table = wb.optionalTable('tasks');
  if (!table) return [];
  // Only accepted entries count: a rejected one never gets its update stamp.
  const latest = scanProgress(wb);
  const healthLabel = labeler('health', wb.settings.locale);
  const writesHealth = table.has('health');
  const result: { task: TaskItem; health: TaskHealth }[] = [];
  for (const task of readTasks(wb, latest)) {
    const health = taskHealth(task, wb.now, calendar, wb.settings);
    const row = table.rows[task.row - 2]!;
    if (writesHealth) row.set('health', healthLabel(health.health));
    if (latest.has(task.id.toUpperCase())) carryLatestProgress(wb, table, row, task);
    // A row without an ID yet (its request is not approved) gets health but no notices.
    if (task.id !== '') result.push({ task, health });
  }
  return result;
}

/**
 * The latest accepted Progress entry per task, from the rows added since the last scan when its
 * high-water mark still names the same row (SPEC §3.7): every accepted entry above it is already
 * in its task's % and last update (a progress save writes both, all or nothing), which readTasks
 * falls back to. A missing mark, or a row inserted, deleted or changed at it, means a full read.
 * The new mark is the last row read.
 */
function scanProgress(wb: Workbook): LatestProgress {
  const tail = wb.source.tail?.('progress');
  const mark = tail && readProgressMark(wb.spreadsheet);
  const incremental =
    tail && mark && tail.table.rowCount > 0 && progressFingerprint(tail.table, 0) === mark.fingerprint;
  const table = incremental ? tail.table : wb.optionalTable('progress');
  if (!table) return new Map();
  const first = incremental ? tail.first : 2;
  let last = table.rowCount - 1;
  while (last >= 0 && table.cell(last, 'task') === '') last--;
  const next = last < 0 ? undefined : { row: first + last, fingerprint: progressFingerprint(table, last) };
  if (next?.row !== mark?.row || next?.fingerprint !== mark?.fingerprint) writeProgressMark(wb.spreadsheet, next);
  return latestAcceptedProgress(wb, table);
}

/** What identifies a Progress row for the mark: its task and summary, as text. */
function progressFingerprint(table: Table<ColumnKey<'progress'>>, index: number): string {
  return JSON.stringify([cellString(table.cell(index, 'task')), cellString(table.cell(index, 'summary'))]);
}

/**
 * The task row carries the % and time of its latest accepted entry, as a progress save leaves it;
 * an entry edited in place since (onEdit forgot the mark, so this scan read all of Progress) is
 * carried over here. That is what lets the next scan read only the rows below its mark.
 */
function carryLatestProgress(
  wb: Workbook,
  table: Table<ColumnKey<'tasks'>>,
  row: TableRow<ColumnKey<'tasks'>>,
  task: TaskItem,
): void {
  if (table.has('pct') && Math.round(parsePercent(row.get('pct')) ?? -1) !== Math.round(task.pct))
    row.set('pct', task.pct);
  const typed = wb.readDate(row.get('lastUpdate'));
  const seconds = (date: Date | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);
  if (table.has('lastUpdate') && task.lastUpdate && seconds(typed) !== seconds(task.lastUpdate))
    row.set('lastUpdate', task.lastUpdate);
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

/**
 * The Notification log as entries. With `label`, rows a dead run left sending are marked
 * unconfirmed (written with the run's other log rows) and counted.
 */
function readLog(
  table: LogTable,
  now: Date,
  label?: (status: NotificationStatus) => string,
): { log: LogEntry[]; unconfirmed: number; rowOf: Map<LogEntry, LogRow> } {
  const log: LogEntry[] = [];
  const rowOf = new Map<LogEntry, LogRow>();
  let unconfirmed = 0;
  for (const row of table.records()) {
    const time = row.get('time');
    const key = row.text('key');
    if (!(time instanceof Date) || key === '') continue;
    const entry: LogEntry = {
      time,
      rule: row.text('rule'),
      level: row.text('level'),
      item: row.text('item'),
      recipients: parseList(row.get('recipients')),
      status: enumOf('notificationStatus', row.get('status')),
      key,
    };
    let read = entry;
    if (label && isUnconfirmed(entry, now)) {
      row.set('status', label('unconfirmed'));
      unconfirmed++;
      read = { ...entry, status: 'unconfirmed' };
    }
    log.push(read);
    rowOf.set(read, row);
  }
  return { log, unconfirmed, rowOf };
}

/**
 * Keeps the log as wide as its columns, and moves the log rows past logRetentionDays that no rule reads any more to 通知记录 YYYY (SPEC §3.7):
 * the archive is written and flushed first, then the rows are deleted from the log where they are
 * now (found by their values), so a run that dies in between loses nothing and the next one does
 * not archive them twice. The moved rows stay in `log`: no rule reads them, by definition.
 */
function archiveOldLogRows(
  wb: Workbook,
  table: LogTable,
  log: readonly LogEntry[],
  rowOf: ReadonlyMap<LogEntry, LogRow>,
  calendar: WorkCalendar,
): void {
  fitLogColumns(table.sheet);
  const batch = logArchiveBatch(log, wb.now, wb.settings, calendar);
  if (!batch) return;
  appendToLogArchive(wb.spreadsheet, batch.year, batch.moved, wb.locale);
  flushWrites();
  const rows = new Set<LogRow>();
  for (const entry of batch.moved) {
    const row = rowOf.get(entry);
    if (row) rows.add(row);
  }
  removeRows(table, rows);
}

/**
 * The Notification log, made when missing or left without its header (a first scan whose write
 * failed): it is what makes sending idempotent, so every scan has one. A header written here goes
 * with the run's rows, so nothing is read back.
 */
function logTable(wb: Workbook): LogTable {
  const existing = wb.optionalTable('notificationLog');
  if (existing) return existing;
  const headers = sheetDef('notificationLog').columns.map((column) => headerText(column, wb.locale));
  const found = wb.sheet('notificationLog');
  // A log whose headers someone changed cannot say what was sent: nothing goes out until it is fixed.
  const holdsAnything = (wb.source.values('notificationLog') ?? []).some((row) => row.some((cell) => cell !== ''));
  if (found && holdsAnything) throw new UserError(wb.unusableSheets.join('\n'));
  const sheet = notificationLogSheet(wb.spreadsheet, found, wb.locale);
  if (!found) wb.source.added('notificationLog', sheet);
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
