/**
 * Notification log retention (SPEC §3.7, §3.5): the live log keeps logRetentionDays; an older row
 * moves to 通知记录 YYYY once no rule reads it any more. What the rules read is asked of the code
 * that reads it (cooldown, the repeat schedule and told-once: toldTimes and currentEpisode; L3
 * episodes: l2Episodes; the queue: queuedKeys), so a row is never moved while cooldown, an escalation or the queue still needs it.
 *
 * A run moves one week at most (the oldest week wholly past the retention period, in one year),
 * compacted: the rows of one (key, recipients, status) in that week become one line with the first
 * and last time and how many rows it stands for.
 */
import { civilDayIn, dayKeyOf, mondayOf, type WorkCalendar } from './calendar';
import { queuedKeys } from './delivery';
import {
  currentEpisode,
  eachDelivery,
  episodeKey,
  isEpisodeRow,
  l2Episodes,
  TOLD_ONCE_RULES,
  toldTimes,
} from './notices';
import type { LogEntry } from './notices';
import type { NotificationStatus } from './schema';
import type { Settings } from './settings';

const DAY_MS = 86_400_000;

/** One line of 通知记录 YYYY: the rows of one (key, recipients, status) in one week. */
export interface ArchivedNotices {
  readonly first: Date;
  readonly last: Date;
  readonly rows: number;
  readonly key: string;
  readonly recipients: readonly string[];
  readonly status: NotificationStatus | undefined;
}

export interface LogArchiveBatch {
  readonly year: number;
  /** The live rows leaving the log, in log order. */
  readonly moved: readonly LogEntry[];
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
  const told = toldTimes(log, settings.emailMode, now);
  // Cooldown and the repeat schedule: each delivery's tellings of its current episode (its first is
  // the "still open since"); the told-once rules: the latest telling, for good.
  const since = new Map<string, number>();
  for (const [key, times] of told) {
    const episode = currentEpisode(times, now, calendar, settings);
    const latest = Math.max(...times.map((time) => time.getTime()));
    const start = episode[0]?.getTime() ?? Infinity;
    since.set(key, TOLD_ONCE_RULES.has(key.split('|')[0] ?? '') ? Math.min(start, latest) : start);
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
  const bucketOf = (entry: LogEntry) => {
    const day = civilDayIn(entry.time, zone);
    return { monday: mondayOf(day), year: Number(dayKeyOf(day).slice(0, 4)) };
  };
  let oldest: { monday: number; year: number } | undefined;
  for (const entry of log) {
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
  return { year, moved };
}

/** The rows of one (key, recipients, status) as one line, in order of their first row. */
export function compact(rows: readonly LogEntry[]): ArchivedNotices[] {
  const lines = new Map<string, { first: Date; last: Date; rows: number; entry: LogEntry }>();
  for (const entry of rows) {
    const id = `${entry.key}\n${entry.recipients.join(',')}\n${entry.status ?? ''}`;
    const line = lines.get(id);
    if (!line) lines.set(id, { first: entry.time, last: entry.time, rows: 1, entry });
    else {
      line.rows++;
      if (entry.time < line.first) line.first = entry.time;
      if (entry.time > line.last) line.last = entry.time;
    }
  }
  return [...lines.values()].map(({ first, last, rows: count, entry }) => ({
    first,
    last,
    rows: count,
    key: entry.key,
    recipients: entry.recipients,
    status: entry.status,
  }));
}

/** Whether `line` already stands for `entry` (an archive line written by a run that died before removing its rows). */
export function covers(line: ArchivedNotices, entry: LogEntry): boolean {
  return (
    line.key === entry.key &&
    line.status === entry.status &&
    line.recipients.join(',') === entry.recipients.join(',') &&
    line.first <= entry.time &&
    entry.time <= line.last
  );
}
