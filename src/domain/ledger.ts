/**
 * The send ledger's rows (SPEC §3.5, ARCHITECTURE "Send ledger"): one Notification log row per
 * message (channel, its one recipient, the notice keys it carries, status, times). A row a run
 * will send is recorded 发送中 under the run's ID and its place in the run's order, before any of
 * it is sent; how far the run got is kept apart (gas/sendProgress), one small write a send, so a
 * run that dies leaves one message in doubt at most: settledStatus says what each of its rows is.
 * Rows of the per-notice log earlier versions wrote are read as they were (one key, no ID).
 */
import type { WorkCalendar } from './calendar';
import type { LogEntry } from './told';
import type { Channel, NotificationStatus } from './enums';

/** The rule column of a digest's row: it carries the notices its keys name. */
export const DIGEST_RULE = 'digest';

/** A message still failing this many working days after it was recorded is failed for good. */
export const RETRY_WORKING_DAYS = 3;

/** A Notification log row as read; its time is when it last changed status (recorded, sent, failed). */
export interface LedgerRow extends Omit<LogEntry, 'key' | 'attempts'> {
  /** The notice keys the message carries; one for a per-notice row. */
  readonly keys: readonly string[];
  /** run#order for a message row; '' for a per-notice row of an earlier version. */
  readonly message: string;
  /** Email, or the group robot's platform; rows without one are email. */
  readonly channel?: Channel;
  /** When the message was first recorded; its retries carry what it carried then. */
  readonly recordedAt: Date | undefined;
  /** Failed sends in a row (not for quota): the retry back-off counts them. */
  readonly attempts: number;
}

/** The key cell: one key a line (a digest carries many). */
export function keysCell(keys: readonly string[]): string {
  return keys.join('\n');
}

export function parseKeys(cell: string): string[] {
  const keys: string[] = [];
  for (const line of cell.split('\n')) {
    const key = line.trim();
    if (key !== '') keys.push(key);
  }
  return keys;
}

/** A notice key (rule|level|item, and |occurrence for a rule that has one) with its first three fields; '' where it has fewer. */
export interface KeyFields {
  readonly key: string;
  readonly rule: string;
  readonly level: string;
  readonly item: string;
}

export function keyFields(key: string): KeyFields {
  // Cut at the bars rather than split: no array for fields the entry does not keep.
  const first = key.indexOf('|');
  const second = first < 0 ? -1 : key.indexOf('|', first + 1);
  const third = second < 0 ? -1 : key.indexOf('|', second + 1);
  return {
    key,
    rule: first < 0 ? key : key.slice(0, first),
    level: first < 0 ? '' : key.slice(first + 1, second < 0 ? undefined : second),
    item: second < 0 ? '' : key.slice(second + 1, third < 0 ? undefined : third),
  };
}

/**
 * keyFields found once per distinct key, the same strings handed out each time: a log tells each
 * notice on many rows (about ten entries a key at 10,000 tasks), and entries that share their
 * strings are looked up by them without hashing each copy again.
 */
export function keyFieldsOnce(): (key: string) => KeyFields {
  const known = new Map<string, KeyFields>();
  return (key) => {
    let fields = known.get(key);
    if (!fields) known.set(key, (fields = keyFields(key)));
    return fields;
  };
}

/** The row as the rules read it: an entry per key, rule, level and item taken from the key. */
export function entriesOf(row: LedgerRow, fieldsOf: (key: string) => KeyFields = keyFields): LogEntry[] {
  const { time, recipients, status } = row;
  if (row.message === '' && row.keys.length === 1) {
    const { rule, level, item } = row;
    return [{ time, rule, level, item, recipients, status, key: row.keys[0] as string }];
  }
  return row.keys.map((text) => {
    const { key, rule, level, item } = fieldsOf(text);
    return row.message === ''
      ? { time, rule, level, item, recipients, status, key }
      : { time, rule, level, item, recipients, status, key, attempts: row.attempts };
  });
}

/** A message's ID: the run that recorded it and its place in that run's order (from 1). */
export function messageId(run: string, order: number): string {
  return `${run}#${order}`;
}

export function parseMessageId(id: string): { run: string; order: number } | undefined {
  const at = id.lastIndexOf('#');
  const order = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(order) && order > 0 ? { run: id.slice(0, at), order } : undefined;
}

/**
 * How far a run got sending: the message of `order` is under way (`done` false: its send started
 * and may or may not have gone out), or every message before `order` went out and none from it
 * was tried (`done` true). Failed sends are on the sheet before the run goes on.
 */
export interface SendProgress {
  readonly run: string;
  readonly order: number;
  readonly done: boolean;
}

/**
 * What a row left 发送中 is, read by the run that holds the ledger now (so its writer is dead):
 * before the dead run's progress, sent; the one under way, unconfirmed (counted as told, never
 * re-sent); after it, or of a run that recorded no progress (it died before its first send),
 * queued for this run to send. A per-notice row of an earlier version is unconfirmed, as it was.
 */
export function settledStatus(message: string, progress: SendProgress | undefined): NotificationStatus {
  const id = parseMessageId(message);
  if (!id) return 'unconfirmed';
  if (!progress || progress.run !== id.run) return 'queued';
  if (id.order < progress.order) return 'sent';
  return id.order === progress.order && !progress.done ? 'unconfirmed' : 'queued';
}

/** A message waiting to be sent (queued or to retry) that has been failing too long: failed for good. */
export function retriesEnded(row: LedgerRow, now: Date, calendar: WorkCalendar): boolean {
  if (row.message === '' || (row.status !== 'queued' && row.status !== 'retry')) return false;
  const since = row.recordedAt ?? row.time;
  return calendar.workingDaysBetween(since, now) >= RETRY_WORKING_DAYS;
}
