/**
 * Notification log retention (SPEC §3.7, §3.5): the live log keeps logRetentionDays; an older row
 * moves to 通知记录 YYYY once no rule reads it any more. What the rules read is asked of the code
 * that reads it (cooldown, the repeat schedule and told-once: toldTimes and currentEpisode; L3
 * episodes: l2Episodes; the queue: queuedKeys), so a row is never moved while cooldown, an escalation or the queue still needs it.
 *
 * A run moves one week at most (the oldest week wholly past the retention period, in one year),
 * compacted into the archive's lines of its month: the rows of one (key, status) in one calendar
 * month are one line with the first and last time and how many rows it stands for, and per
 * recipients list how many of them and the latest one's time.
 */
import { civilDayIn, dayKeyIn, dayKeyOf, mondayOf, type WorkCalendar } from './calendar';
import { queuedKeys } from './delivery';
import { TOLD_ONCE_RULES } from './notice';
import { currentEpisode, eachDelivery, episodeKey, isEpisodeRow, l2Episodes, toldTimes, type LogEntry } from './told';
import type { NotificationStatus } from './enums';
import type { Settings } from './settings';

const DAY_MS = 86_400_000;

/** The rows of one recipients list within an archive line: how many, and the latest one's time. */
export interface RecipientsTally {
  readonly recipients: readonly string[];
  readonly rows: number;
  readonly last: Date;
}

/** One line of 通知记录 YYYY: the rows of one (key, status) in one calendar month, every recipient kept. */
export interface ArchivedNotices {
  /** yyyy-MM, in the workbook's time zone. */
  readonly month: string;
  readonly first: Date;
  readonly last: Date;
  readonly rows: number;
  readonly key: string;
  readonly recipients: readonly RecipientsTally[];
  readonly status: NotificationStatus | undefined;
}

export interface LogArchiveBatch {
  readonly year: number;
  /** The live rows leaving the log, in log order. */
  readonly moved: readonly LogEntry[];
  /** Where the archive's months are counted. */
  readonly timeZone: string;
}

type RetentionSettings = Pick<Settings, 'emailMode' | 'cooldownHours' | 'logRetentionDays' | 'timeZone'>;

/** The log rows some rule still reads at `now`, whatever their age. */
export function logRowsInUse(
  log: readonly LogEntry[],
  now: Date,
  settings: RetentionSettings,
  calendar: WorkCalendar,
): Set<LogEntry> {
  const inUse = new Set<LogEntry>();
  const told = toldTimes(log, settings.emailMode);
  // Cooldown and the repeat schedule: each delivery's tellings of its current episode (its first is
  // the "still open since"); the told-once rules: the latest telling, for good.
  const since = new Map<string, number>();
  for (const [key, times] of told) {
    const episode = currentEpisode(times, now, calendar, settings);
    const latest = Math.max(...times.map((time) => time.getTime()));
    const start = episode[0]?.getTime() ?? Infinity;
    const bar = key.indexOf('|');
    const rule = bar < 0 ? key : key.slice(0, bar);
    since.set(key, TOLD_ONCE_RULES.has(rule) ? Math.min(start, latest) : start);
  }
  // The queue: each delivery whose latest row is left queued.
  const queued = queuedKeys(log, now);
  const latestQueued = new Map<string, LogEntry>();
  eachDelivery(log, (key, entry) => {
    const from = since.get(key);
    if (from !== undefined && entry.time.getTime() >= from && told.get(key)?.includes(entry.time)) inUse.add(entry);
    const previous = latestQueued.get(key);
    if (queued.has(key) && (!previous || previous.time <= entry.time)) latestQueued.set(key, entry);
  });
  for (const entry of latestQueued.values()) inUse.add(entry);
  // An L2 episode still going: every row from its first L2 (L3 counts from there).
  const episodes = l2Episodes(log, now, settings, calendar);
  for (const entry of log) {
    const start = isEpisodeRow(entry, settings.emailMode) ? episodes.get(episodeKey(entry)) : undefined;
    if (start && entry.time >= start) inUse.add(entry);
  }
  return inUse;
}

/**
 * The rows this run moves to the archive (see the module comment), or undefined when none is due:
 * rows older than logRetentionDays that no rule reads, of the oldest week wholly that old.
 */
export function logArchiveBatch(
  log: readonly LogEntry[],
  now: Date,
  settings: RetentionSettings,
  calendar: WorkCalendar,
): LogArchiveBatch | undefined {
  const cutoff = now.getTime() - settings.logRetentionDays * DAY_MS;
  const zone = settings.timeZone;
  // A week is due once its last day (Sunday) ended before the cutoff's day began.
  const lastDueMonday = mondayOf(civilDayIn(new Date(cutoff), zone)) - 7;
  // Per civil day, found once: the log's tens of thousands of entries fall on a few dozen days.
  const buckets = new Map<number, { monday: number; year: number }>();
  const bucketOf = (entry: LogEntry) => {
    const day = civilDayIn(entry.time, zone);
    let bucket = buckets.get(day);
    if (!bucket) buckets.set(day, (bucket = { monday: mondayOf(day), year: Number(dayKeyOf(day).slice(0, 4)) }));
    return bucket;
  };
  let oldest: { monday: number; year: number } | undefined;
  // Indexed: tens of thousands of entries, walked before the optimizer compiles the loop.
  for (let i = 0; i < log.length; i++) {
    const entry = log[i] as LogEntry;
    if (entry.time.getTime() >= cutoff) continue;
    const bucket = bucketOf(entry);
    if (bucket.monday > lastDueMonday) continue;
    if (!oldest || bucket.monday < oldest.monday || (bucket.monday === oldest.monday && bucket.year < oldest.year))
      oldest = bucket;
  }
  if (!oldest) return undefined;
  const inUse = logRowsInUse(log, now, settings, calendar);
  const { monday, year } = oldest;
  const moved = log.filter((entry) => {
    if (inUse.has(entry)) return false;
    const bucket = bucketOf(entry);
    return bucket.monday === monday && bucket.year === year;
  });
  if (moved.length === 0) return undefined;
  return { year, moved, timeZone: zone };
}

/** The civil month (yyyy-MM) of `time` in `timeZone`: 通知记录 YYYY keeps one line per key and status a month. */
export function monthOf(time: Date, timeZone: string): string {
  return dayKeyIn(time, timeZone).slice(0, 7);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type LineDraft = Mutable<Omit<ArchivedNotices, 'recipients'>> & { recipients: Mutable<RecipientsTally>[] };

function tallyOf(entry: LogEntry): Mutable<RecipientsTally> {
  return { recipients: entry.recipients, rows: 1, last: entry.time };
}

const lineId = (month: string, key: string, status: NotificationStatus | undefined) =>
  `${month}\n${key}\n${status ?? ''}`;

const sameRecipients = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');

/**
 * `lines` (the archive's lines of the months `rows` fall in, in sheet order) with `rows` merged in:
 * a row joins the line of its month, key and status, its recipients' tally counted up (a new tally
 * or line, in order of their first row, when there is none yet). Lines stay in month order.
 */
export function compact(
  lines: readonly ArchivedNotices[],
  rows: readonly LogEntry[],
  timeZone: string,
): ArchivedNotices[] {
  const merged: LineDraft[] = lines.map((line) => ({
    ...line,
    recipients: line.recipients.map((tally) => ({ ...tally })),
  }));
  const byId = new Map(merged.map((line) => [lineId(line.month, line.key, line.status), line]));
  for (const entry of rows) {
    const month = monthOf(entry.time, timeZone);
    const id = lineId(month, entry.key, entry.status);
    const line = byId.get(id);
    if (!line) {
      const added: LineDraft = {
        month,
        first: entry.time,
        last: entry.time,
        rows: 1,
        key: entry.key,
        status: entry.status,
        recipients: [tallyOf(entry)],
      };
      byId.set(id, added);
      merged.push(added);
      continue;
    }
    line.rows++;
    if (entry.time < line.first) line.first = entry.time;
    if (entry.time > line.last) line.last = entry.time;
    const tally = line.recipients.find((each) => sameRecipients(each.recipients, entry.recipients));
    if (!tally) line.recipients.push(tallyOf(entry));
    else {
      tally.rows++;
      if (entry.time > tally.last) tally.last = entry.time;
    }
  }
  // A week that starts in one month and ends in the next may add lines of both: months in order.
  return merged.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/**
 * Whether `line` already stands for the live row `entry` (archived by a run that died before
 * removing its rows). Exact because each (key, recipients, status) leaves the log oldest first:
 * weeks move in order, and within a week the rows a rule still reads are the latest of their
 * delivery (logRowsInUse), so every row of a tally up to its last time is archived and none after.
 */
export function covers(line: ArchivedNotices, entry: LogEntry, timeZone: string): boolean {
  return (
    line.key === entry.key &&
    line.status === entry.status &&
    line.month === monthOf(entry.time, timeZone) &&
    line.recipients.some((tally) => sameRecipients(tally.recipients, entry.recipients) && entry.time <= tally.last)
  );
}

/** Whether some of `lines` covers a live row: each row asks only the line of its month, key and status. */
export function coveredBy(lines: readonly ArchivedNotices[], timeZone: string): (entry: LogEntry) => boolean {
  const byId = new Map(lines.map((line) => [lineId(line.month, line.key, line.status), line]));
  return (entry) => {
    const line = byId.get(lineId(monthOf(entry.time, timeZone), entry.key, entry.status));
    return line !== undefined && covers(line, entry, timeZone);
  };
}
