/**
 * The Notification log as one run's send ledger (SPEC §3.5): every mail of the run (digests, the
 * weekly summary, the notice that automation stopped) is appended queued and recorded, landed,
 * under the lock; it is mailed after the lock through gas/ledger, which marks it as it goes. One
 * per workbook and run, so the scan and the summary share the log they read and the time budget.
 */
import type { WorkCalendar } from '../domain/calendar';
import { isUnconfirmed } from '../domain/delivery';
import { logArchiveBatch } from '../domain/logRetention';
import type { LogEntry } from '../domain/notices';
import {
  enumLabel,
  headerText,
  sheetDef,
  type ColumnKey,
  type EnumCode,
  type EnumKey,
  type NotificationStatus,
} from '../domain/schema';
import { parseList } from '../domain/values';
import { removeRows } from '../gas/archiveSheets';
import { flushWrites } from '../gas/document';
import { deliverMail, type LedgerMail, type LedgerOutcome } from '../gas/ledger';
import type { Mailer } from '../gas/mailer';
import { appendToLogArchive } from '../gas/notificationArchive';
import { fitLogColumns, notificationLogSheet } from '../gas/notificationLogSheet';
import { Table, type TableRow } from '../gas/table';
import type { Locale } from '../i18n/index';
import { enumOf } from './records';
import { UserError, type Workbook } from './workbook';

type LogTable = Table<ColumnKey<'notificationLog'>>;
export type LogRow = TableRow<ColumnKey<'notificationLog'>>;

/**
 * Each ledger write re-reads the whole log (its rows have no ID, so they are found by their
 * values): ~0.2 ms a row against ~0.75 s a send, so a wave per this many log rows keeps the
 * ledger's writes near an eighth of the mail time; a small log marks every message on its own.
 */
const LOG_ROWS_PER_WAVE_MESSAGE = 500;

export class MailLog {
  /** The log as entries; rows a dead run left sending read as unconfirmed (and are marked so). */
  readonly entries: readonly LogEntry[];
  /** Rows a dead run left sending, now shown as unconfirmed. */
  readonly unconfirmed: number;
  readonly label: (status: NotificationStatus) => string;
  private readonly table: LogTable;
  private readonly rowOf: ReadonlyMap<LogEntry, LogRow>;
  private readonly deadline: number;

  private constructor(private readonly wb: Workbook) {
    this.table = logTable(wb);
    this.label = labeler('notificationStatus', wb.settings.locale);
    const { log, unconfirmed, rowOf } = readLog(this.table, wb.now, this.label);
    this.entries = log;
    this.rowOf = rowOf;
    this.unconfirmed = unconfirmed;
    this.deadline = wb.now.getTime() + wb.settings.runBudgetSeconds * 1000;
  }

  /** The run's ledger: made on first use, then shared by everything the run mails. */
  static of(wb: Workbook): MailLog {
    let log = ledgers.get(wb);
    if (!log) ledgers.set(wb, (log = new MailLog(wb)));
    return log;
  }

  /** The log's time for rows appended now: it keeps whole seconds, and rows are found again by their values. */
  get time(): Date {
    return new Date(Math.floor(this.wb.now.getTime() / 1000) * 1000);
  }

  append(entry: LogEntry): LogRow {
    return this.table.append({
      time: entry.time,
      rule: entry.rule,
      level: entry.level,
      item: entry.item,
      recipients: entry.recipients.join(', '),
      status: this.label(entry.status ?? 'failed'),
      key: entry.key,
    });
  }

  /**
   * Logs one mail that is not a notice (the weekly summary, the automation-stopped mail) to one
   * recipient: queued until sent, or dry-run in dry-run mode (no level; `key` is rule||item).
   */
  appendMail(mail: {
    readonly rule: string;
    readonly item: string;
    readonly key: string;
    readonly recipient: string;
  }): LogRow {
    return this.append({
      time: this.time,
      rule: mail.rule,
      level: '',
      item: mail.item,
      recipients: [mail.recipient],
      status: this.wb.settings.emailMode === 'dry-run' ? 'dry-run' : 'queued',
      key: mail.key,
    });
  }

  /** Writes the workbook's changes and the log's rows and makes them land: before any mail goes out. */
  record(): void {
    this.commit();
    flushWrites();
  }

  /**
   * Keeps the log as wide as its columns, and moves the rows past logRetentionDays that no rule
   * reads any more to 通知记录 YYYY (SPEC §3.7, domain/logRetention.ts): the archive is written and
   * flushed first, then the rows are deleted from the log where they are now (found by their
   * values), so a run that dies in between loses nothing and the next one does not archive them
   * twice. The moved rows stay in `entries`: no rule reads them, by definition.
   */
  retainRecent(calendar: WorkCalendar): void {
    fitLogColumns(this.table.sheet);
    const batch = logArchiveBatch(this.entries, this.wb.now, this.wb.settings, calendar);
    if (!batch) return;
    appendToLogArchive(this.wb.spreadsheet, batch, this.wb.locale);
    flushWrites();
    const rows = new Set<LogRow>();
    for (const entry of batch.moved) {
      const row = this.rowOf.get(entry);
      if (row) rows.add(row);
    }
    removeRows(this.table, rows);
  }

  /** Mails `mails` (after the lock), each marked as it goes, within the run's time budget. */
  deliver(mails: readonly LedgerMail[], mailer: Mailer): LedgerOutcome {
    return deliverMail(mails, mailer, {
      label: this.label,
      commit: () => this.commit(),
      flush: flushWrites,
      senderName: this.wb.text('appName'),
      outOfTime: () => Date.now() >= this.deadline,
      waveSize: Math.ceil(Math.max(1, this.table.rowCount) / LOG_ROWS_PER_WAVE_MESSAGE),
    });
  }

  private commit(): void {
    this.wb.commit();
    this.table.commit();
  }
}

const ledgers = new WeakMap<Workbook, MailLog>();

/** The Notification log as entries, for readers that only look (nothing marked). */
export function readLogEntries(wb: Workbook): LogEntry[] {
  const table = wb.optionalTable('notificationLog');
  return table ? readLog(table, wb.now).log : [];
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
 * The Notification log, made when missing or left without its header (a first scan whose write
 * failed): it is what makes sending idempotent, so every run that mails has one. A header written
 * here goes with the run's rows, so nothing is read back.
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
export function labeler<E extends EnumKey>(kind: E, locale: Locale): (code: EnumCode<E>) => string {
  const labels = new Map<EnumCode<E>, string>();
  return (code) => {
    let label = labels.get(code);
    if (label === undefined) labels.set(code, (label = enumLabel(kind, code, locale)));
    return label;
  };
}
