/**
 * The Notification log as one run's send ledger (SPEC §3.5, domain/ledger): a row per message
 * (digests, the weekly summary, the notices about automation and failed mail). A run reads it
 * under the ledger lease, settles the rows a dead run left 发送中, records what it will send (and
 * what waits) in one write under the lock, then mails outside the lock through gas/ledger. A
 * message waiting from an earlier run (quota, a failure, the time budget, a dead run) keeps its
 * row: the run that sends it marks that row, so retries add no rows. One per workbook and run,
 * so the scan and the summary share the log they read, the run's order and its time budget.
 */
import type { WorkCalendar } from '../domain/calendar';
import type { MessageDraft } from '../domain/delivery';
import {
  entriesOf,
  keyFieldsOnce,
  keysCell,
  messageId,
  parseKeys,
  parseMessageId,
  retriesEnded,
  settledStatus,
  type LedgerRow,
} from '../domain/ledger';
import { logArchiveBatch } from '../domain/logRetention';
import { headerText, sheetDef, type ColumnKey } from '../domain/schema';
import {
  enumLabel,
  type Channel,
  type EnumCode,
  type EnumKey,
  type MessageKind,
  type NotificationStatus,
} from '../domain/enums';
import type { LogEntry } from '../domain/told';
import { parseList } from '../domain/values';
import { removeRows } from '../gas/archiveSheets';
import { flushWrites } from '../gas/document';
import { deliverMail, type LedgerMessage, type LedgerOutcome } from '../gas/ledger';
import type { Mailer } from '../gas/mailer';
import { appendToLogArchive } from '../gas/notificationArchive';
import { fitLogColumns, mendLogHeader, notificationLogSheet } from '../gas/notificationLogSheet';
import { sendProgressStore, type SendProgressStore } from '../gas/sendProgress';
import { Table, type TableRow } from '../gas/table';
import type { Locale } from '../i18n/index';
import { enumOf } from './records';
import type { Workbook } from './workbook';

type LogTable = Table<ColumnKey<'notificationLog'>>;
export type LogRow = TableRow<ColumnKey<'notificationLog'>>;

/** A row as read, with the sheet row it came from. */
interface ReadRow {
  readonly ledger: LedgerRow;
  readonly row: LogRow;
}

export class MailLog {
  /** The log as entries (a message row is an entry per key); rows a dead run left 发送中 read as settled. */
  readonly entries: readonly LogEntry[];
  /** Messages a dead run left in doubt (its send was under way), now shown as unconfirmed. */
  readonly unconfirmed: number;
  readonly label: (status: NotificationStatus) => string;
  private readonly kindLabel: (kind: MessageKind) => string;
  private readonly channelLabel: (channel: Channel) => string;
  private readonly table: LogTable;
  private readonly read: readonly ReadRow[];
  /** Each entry's row, side by side with `entries`. */
  private readonly entryRows: readonly LogRow[];
  private readonly deadline: number;
  private readonly progress: SendProgressStore;
  /** This run's ID: its messages are run#1, run#2, … in the order they go out. */
  private readonly run: string;
  private order = 0;
  private waitingIndex: Map<string, ReadRow[]> | undefined;
  /** Waiting rows this run took over or closed: no longer waiting. */
  private readonly settled = new Set<LogRow>();
  /** Set once a write of the marks failed: the run sends nothing more (the next one settles its rows). */
  private halted = false;

  private constructor(private readonly wb: Workbook) {
    this.table = logTable(wb);
    this.label = labeler('notificationStatus', wb.settings.locale);
    this.kindLabel = labeler('messageKind', wb.settings.locale);
    this.channelLabel = labeler('channel', wb.settings.locale);
    this.progress = sendProgressStore(wb.spreadsheet.getId());
    this.run = Utilities.getUuid().slice(0, 8);
    const rows = readRows(this.table);
    // How far a dead run got, read only when some row is left 发送中 (one property read).
    const dead = rows.some(({ ledger }) => ledger.status === 'sending') ? this.progress.read() : undefined;
    const entries: LogEntry[] = [];
    const entryRows: LogRow[] = [];
    const fieldsOf = keyFieldsOnce();
    let unconfirmed = 0;
    this.read = rows.map((read) => {
      let { ledger } = read;
      if (ledger.status === 'sending') {
        const status = settledStatus(ledger.message, dead);
        if (status === 'unconfirmed') unconfirmed++;
        read.row.set('status', this.label(status));
        ledger = { ...ledger, status };
      }
      // Indexed: tens of thousands of entries, before the optimizer compiles this loop.
      const rowEntries = entriesOf(ledger, fieldsOf);
      for (let i = 0; i < rowEntries.length; i++) {
        entries.push(rowEntries[i] as LogEntry);
        entryRows.push(read.row);
      }
      return { ledger, row: read.row };
    });
    this.entries = entries;
    this.entryRows = entryRows;
    this.unconfirmed = unconfirmed;
    this.deadline = wb.now.getTime() + wb.settings.runBudgetSeconds * 1000;
  }

  /** The run's ledger: made on first use, then shared by everything the run mails. */
  static of(wb: Workbook): MailLog {
    let log = ledgers.get(wb);
    if (!log) ledgers.set(wb, (log = new MailLog(wb)));
    return log;
  }

  /** The log's time for rows written now: whole seconds. */
  get time(): Date {
    return new Date(Math.floor(this.wb.now.getTime() / 1000) * 1000);
  }

  /**
   * The row of `recipient`'s message waiting from an earlier run (queued, or to retry) that
   * `accepts`, if any: a run that mails them again marks that row instead of adding one.
   */
  waiting(recipient: string, accepts: (ledger: LedgerRow) => boolean): { ledger: LedgerRow; row: LogRow } | undefined {
    const rows = this.waitingByRecipient().get(recipient) ?? [];
    for (let i = rows.length - 1; i >= 0; i--) {
      const read = rows[i] as ReadRow;
      if (!this.settled.has(read.row) && accepts(read.ledger)) return read;
    }
    return undefined;
  }

  /** Waiting message rows of one recipient each, in log order: hundreds of recipients ask per run. */
  private waitingByRecipient(): ReadonlyMap<string, ReadRow[]> {
    if (!this.waitingIndex) {
      this.waitingIndex = new Map();
      for (const read of this.read) {
        const [recipient] = read.ledger.recipients;
        if (!isWaiting(read.ledger) || read.ledger.recipients.length !== 1 || recipient === undefined) continue;
        const list = this.waitingIndex.get(recipient);
        if (list) list.push(read);
        else this.waitingIndex.set(recipient, [read]);
      }
    }
    return this.waitingIndex;
  }

  /** Messages waiting from earlier runs, as read. */
  get waitingRows(): readonly { ledger: LedgerRow; row: LogRow }[] {
    return this.read.filter(({ ledger, row }) => isWaiting(ledger) && !this.settled.has(row));
  }

  /**
   * Writes a message's row: `into` (a waiting row this message takes over, keeping when it was
   * first recorded) or a new one. A message this run will send is recorded 发送中 under its place
   * in the run's order; any other keeps the draft's status.
   */
  recordMessage(
    draft: MessageDraft,
    options: { readonly send: boolean; readonly into?: LogRow; readonly channel?: Channel },
  ): LogRow {
    const time = this.time;
    const id = options.send || !options.into ? messageId(this.run, ++this.order) : undefined;
    const fields = {
      time,
      rule: this.kindLabel(draft.rule),
      level: draft.level,
      item: draft.items.join(', '),
      recipients: draft.recipient,
      status: this.label(options.send ? 'sending' : draft.status),
      key: keysCell(draft.keys),
      ...(draft.about !== undefined ? { about: draft.about } : {}),
      channel: this.channelLabel(options.channel ?? 'email'),
      ...(id ? { id } : {}),
    };
    if (options.into) {
      this.settled.add(options.into);
      for (const [key, value] of Object.entries(fields)) options.into.set(key as ColumnKey<'notificationLog'>, value);
      return options.into;
    }
    return this.table.append({ ...fields, recordedAt: time, attempts: 0 });
  }

  /**
   * Records one mail that is not a digest (the weekly summary, a notice about automation or failed
   * mail) to one recipient, under `key` (rule||item): to send now, or dry-run in dry-run mode. A
   * message of the same key waiting for them from an earlier run is taken over, not repeated.
   */
  recordMail(mail: {
    readonly rule: MessageKind;
    readonly item: string;
    readonly key: string;
    readonly recipient: string;
  }): LogRow {
    const dryRun = this.wb.settings.emailMode === 'dry-run';
    const into = this.waiting(mail.recipient, (waiting) => waiting.keys.length === 1 && waiting.keys[0] === mail.key);
    return this.recordMessage(
      {
        rule: mail.rule,
        level: '',
        items: [mail.item],
        recipient: mail.recipient,
        keys: [mail.key],
        status: dryRun ? 'dry-run' : 'queued',
      },
      { send: !dryRun, ...(into ? { into: into.row } : {}) },
    );
  }

  /** Marks a waiting row that no longer applies (none of its notices holds) or whose retries ended. */
  close(row: LogRow, status: 'superseded' | 'failed'): void {
    this.settled.add(row);
    row.set('status', this.label(status));
    row.set('time', this.time);
  }

  /** Waiting messages still failing RETRY_WORKING_DAYS after they were recorded (SPEC §3.5). */
  retriesEnded(calendar: WorkCalendar): { ledger: LedgerRow; row: LogRow }[] {
    return this.waitingRows.filter(({ ledger }) => retriesEnded(ledger, this.wb.now, calendar));
  }

  /** Writes the workbook's changes and the log's rows and makes them land: before any mail goes out. */
  record(): void {
    this.commit();
    flushWrites();
  }

  /**
   * Keeps the log as wide as its columns, and moves the rows past logRetentionDays that no rule
   * reads any more to 通知记录 YYYY (SPEC §3.7, domain/logRetention.ts): a message row moves once
   * every key it carries may move. The archive is written and flushed first, then the rows are
   * deleted from the log where they are now, so a run that dies in between loses nothing and the
   * next one does not archive them twice. The moved rows stay in `entries`: no rule reads them.
   */
  retainRecent(calendar: WorkCalendar): void {
    fitLogColumns(this.table.sheet);
    const batch = logArchiveBatch(this.entries, this.wb.now, this.wb.settings, calendar);
    if (!batch) return;
    const movable = new Set(batch.moved);
    const kept = new Set<LogRow>();
    const rowOf = new Map<LogEntry, LogRow>();
    this.entries.forEach((entry, i) => {
      const row = this.entryRows[i] as LogRow;
      if (movable.has(entry)) rowOf.set(entry, row);
      else kept.add(row);
    });
    const moved = batch.moved.filter((entry) => !kept.has(rowOf.get(entry) as LogRow));
    if (moved.length === 0) return;
    appendToLogArchive(this.wb.spreadsheet, { ...batch, moved }, this.wb.locale);
    flushWrites();
    removeRows(this.table, new Set(moved.map((entry) => rowOf.get(entry) as LogRow)));
  }

  /** Mails `mails` (after the lock, holding the ledger lease), each marked as it goes, within the run's time budget. */
  deliver<M extends LedgerMessage>(mails: readonly M[], mailer: Mailer): LedgerOutcome<M> {
    if (this.halted || mails.length === 0)
      return { sent: [], unsent: mails, ...(this.halted ? { stopped: 'write' } : {}) };
    const outcome = deliverMail(mails, mailer, {
      label: this.label,
      persist: () => this.record(),
      senderName: this.wb.text('appName'),
      outOfTime: () => Date.now() >= this.deadline,
      time: () => new Date(Math.floor(Date.now() / 1000) * 1000),
      progress: this.progress,
      run: this.run,
      orderOf: (mail) => parseMessageId(mail.row.text('id'))?.order ?? 0,
    });
    if (outcome.stopped === 'write') this.halted = true;
    return outcome;
  }

  private commit(): void {
    this.wb.commit();
    this.table.commit();
  }
}

const ledgers = new WeakMap<Workbook, MailLog>();

/** A message row of this version waiting to be sent: queued, or a failed send to retry. */
function isWaiting(ledger: LedgerRow): boolean {
  return ledger.message !== '' && (ledger.status === 'queued' || ledger.status === 'retry');
}

/** The Notification log as entries, for readers that only look (nothing settled or marked). */
export function readLogEntries(wb: Workbook): LogEntry[] {
  const table = wb.optionalTable('notificationLog');
  return table ? readRows(table).flatMap(({ ledger }) => entriesOf(ledger)) : [];
}

function readRows(table: LogTable): ReadRow[] {
  const rows: ReadRow[] = [];
  for (const row of table.records()) {
    const time = row.get('time');
    const keys = parseKeys(row.text('key'));
    if (!(time instanceof Date) || keys.length === 0) continue;
    const recordedAt = row.get('recordedAt');
    rows.push({
      row,
      ledger: {
        time,
        // A message row's kind, by its label in either language; a row of an earlier version holds a notice's rule.
        rule: enumOf('messageKind', row.get('rule')) ?? row.text('rule'),
        level: row.text('level'),
        item: row.text('item'),
        recipients: parseList(row.get('recipients')),
        status: enumOf('notificationStatus', row.get('status')),
        keys,
        message: row.text('id'),
        channel: enumOf('channel', row.get('channel')) ?? 'email',
        recordedAt: recordedAt instanceof Date ? recordedAt : undefined,
        attempts: Number(row.get('attempts')) || 0,
      },
    });
  }
  return rows;
}

/**
 * The Notification log, made when missing and mended when damaged (SPEC §3.5: a damaged log never
 * stops delivery): a log whose first row holds none of its headers (a first scan whose write
 * failed, then someone typed in it) gets a header row inserted above what it holds, kept as rows;
 * a log without some of its columns (one deleted, or a log of an earlier version) gets their
 * headers after its last column. Rows that cannot be read (no time or key) are left as they are.
 */
function logTable(wb: Workbook): LogTable {
  const found = wb.sheet('notificationLog');
  const headers = sheetDef('notificationLog').columns.map((column) => headerText(column, wb.locale));
  if (!found) {
    const sheet = notificationLogSheet(wb.spreadsheet, undefined, wb.locale);
    wb.source.added('notificationLog', sheet);
    return Table.create(sheet, 'notificationLog', headers);
  }
  const grid = wb.source.values('notificationLog') ?? [];
  const holdsAnything = grid.some((row) => row.some((cell) => cell !== ''));
  if (!holdsAnything) {
    notificationLogSheet(wb.spreadsheet, found, wb.locale);
    return Table.create(found, 'notificationLog', headers);
  }
  mendLogHeader(found, grid, wb.locale);
  return wb.table('notificationLog');
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
