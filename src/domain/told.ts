/**
 * What the Notification log says was told (SPEC §3.3, §3.5): each notice key's tellings per
 * recipient, the repeat schedule of an episode, and the L2 episodes an L3 counts from. The rules
 * (notices.ts), the delivery plan (delivery.ts) and retention (logRetention.ts) read the log
 * through these, so they agree on what "told" means.
 */
import type { WorkCalendar } from './calendar';
import type { Notice } from './notice';
import type { NotificationStatus } from './enums';
import type { EmailMode, Settings } from './settings';

/**
 * One notice (item, rule, level) of a Notification log row and the row's recipients and status;
 * `key` is the notice's, so cooldown is per (key, recipient). A row per message (its one recipient
 * and the keys it carries) is read as an entry per key; a row of the per-notice log earlier
 * versions wrote is one entry.
 */
export interface LogEntry {
  readonly time: Date;
  readonly rule: string;
  readonly level: string;
  readonly item: string;
  readonly recipients: readonly string[];
  readonly status: NotificationStatus | undefined;
  readonly key: string;
  /** A message row's failed sends in a row; a per-notice row counts its failures as rows of their own. */
  readonly attempts?: number;
}

export const HOUR_MS = 3_600_000;

/**
 * Whole hours from `from` to `to`, to the nearest hour: the tick runs hourly at a drifting
 * minute, so yesterday's 09:00:05 send must not block today's 09:00:03 one.
 */
export function hoursBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / HOUR_MS);
}

/**
 * Working days a repeat of one episode waits after its n-th telling (SPEC §3.5): the first repeat
 * only cooldownHours, then 2 working days twice, then 4.
 */
export function repeatGapDays(told: number): number {
  return told <= 1 ? 0 : told <= 3 ? 2 : 4;
}

/**
 * The tellings (times a counted log row says it was told) of the episode still running at `now`,
 * oldest first; empty when the last one is older than the schedule allows, so the condition
 * cleared in between. Rows of one run (one per recipient) are one telling; a gap one working day
 * longer than the schedule's is tolerated (a missed scan, a weekend), a longer one starts anew.
 */
export function currentEpisode(
  times: readonly Date[],
  now: Date,
  calendar: WorkCalendar,
  settings: Pick<Settings, 'cooldownHours'>,
): Date[] {
  const cooldownDays = Math.ceil(settings.cooldownHours / 24);
  const allowedGap = (told: number) => Math.max(cooldownDays, repeatGapDays(told)) + 1;
  let episode: Date[] = [];
  const ordered = inTimeOrder(times);
  // Indexed loops over the log's entries and times here and below: asked thousands of times a
  // scan, mostly before the optimizer has compiled them, where for-of allocates at every step.
  for (let i = 0; i < ordered.length; i++) {
    const time = ordered[i] as Date;
    const last = episode[episode.length - 1];
    if (last && hoursBetween(last, time) < 1) continue;
    if (last && calendar.workingDaysBetween(last, time) > allowedGap(episode.length)) episode = [];
    episode.push(time);
  }
  const last = episode[episode.length - 1];
  return last && calendar.workingDaysBetween(last, now) <= allowedGap(episode.length) ? episode : [];
}

/** `times` oldest first: the log is written in time order, so it nearly always is already and is not copied. */
function inTimeOrder(times: readonly Date[]): readonly Date[] {
  for (let i = 1; i < times.length; i++) {
    if ((times[i] as Date).getTime() < (times[i - 1] as Date).getTime())
      return [...times].sort((a, b) => a.getTime() - b.getTime());
  }
  return times;
}

/**
 * Whether an L2 episode that began at `start` escalates to L3 at `now`: escalateAfterHours counts
 * working hours only (SPEC §3.3), so the owner gets working time before the sponsor hears of it.
 */
export function escalationDue(
  start: Date | undefined,
  now: Date,
  settings: Pick<Settings, 'escalateAfterHours'>,
  calendar: WorkCalendar,
): start is Date {
  // Rounded as hoursBetween is: the hourly tick drifts by seconds.
  return start !== undefined && Math.round(calendar.workingHoursBetween(start, now)) >= settings.escalateAfterHours;
}

/** The items an L3 may name at `now` (upper-case): an L2 episode of theirs is due to escalate. */
export function escalatingItems(
  log: readonly LogEntry[],
  now: Date,
  settings: Pick<Settings, 'emailMode' | 'cooldownHours' | 'escalateAfterHours'>,
  calendar: WorkCalendar,
): Set<string> {
  const items = new Set<string>();
  for (const [key, start] of l2Episodes(log, now, settings, calendar)) {
    if (escalationDue(start, now, settings, calendar))
      items.add(key.slice(0, key.lastIndexOf('|')).trim().toUpperCase());
  }
  return items;
}

/** An L2 log row that counts towards its episode: told (countedStatuses) at level L2. */
export function isEpisodeRow(entry: LogEntry, mode: EmailMode): boolean {
  return entry.level === 'L2' && entry.status !== undefined && countedStatuses(mode).has(entry.status);
}

/** The episode an L2 notice or log row belongs to: its item and rule. */
export function episodeKey(entry: Pick<LogEntry, 'item' | 'rule'>): string {
  return `${entry.item}|${entry.rule}`;
}

/**
 * Per L2 episode (episodeKey) still going at `now`, when its first L2 was told: what L3 counts
 * from, so the log rows from then on are read (and retention keeps them, however long ago).
 */
export function l2Episodes(
  log: readonly LogEntry[],
  now: Date,
  settings: Pick<Settings, 'emailMode' | 'cooldownHours'>,
  calendar: WorkCalendar,
): ReadonlyMap<string, Date> {
  // The scan asks three times a run (which tasks escalate, the L3 notices, retention): found once.
  return onceForLog(
    episodesFound,
    log,
    `${now.getTime()}|${settings.emailMode}|${settings.cooldownHours}`,
    calendar,
    () => {
      // Gathered by the entry's key first (a string the log already holds), then by episode: tens
      // of thousands of L2 rows, a few thousand keys.
      const byKey = new Map<string, { entry: LogEntry; times: Date[] }>();
      for (let i = 0; i < log.length; i++) {
        const entry = log[i] as LogEntry;
        if (!isEpisodeRow(entry, settings.emailMode)) continue;
        const known = byKey.get(entry.key);
        if (known) known.times.push(entry.time);
        else byKey.set(entry.key, { entry, times: [entry.time] });
      }
      const history = new Map<string, Date[]>();
      for (const { entry, times } of byKey.values()) {
        const key = episodeKey(entry);
        const earlier = history.get(key);
        if (earlier) earlier.push(...times);
        else history.set(key, times);
      }
      const starts = new Map<string, Date>();
      for (const [key, times] of history) {
        const start = currentEpisode(times, now, calendar, settings)[0];
        if (start) starts.set(key, start);
      }
      return starts;
    },
  );
}

const episodesFound = new WeakMap<readonly LogEntry[], Derived<ReadonlyMap<string, Date>>>();

/** A value derived from one log, for the run's `stamp` (now and settings) and calendar. */
interface Derived<T> {
  readonly stamp: string;
  readonly calendar: WorkCalendar | undefined;
  readonly value: T;
}

/** `compute`d once per log, stamp and calendar: the rules and the scan ask for the same derivations. */
function onceForLog<T>(
  cache: WeakMap<readonly LogEntry[], Derived<T>>,
  log: readonly LogEntry[],
  stamp: string,
  calendar: WorkCalendar | undefined,
  compute: () => T,
): T {
  const hit = cache.get(log);
  if (hit && hit.stamp === stamp && hit.calendar === calendar) return hit.value;
  const value = compute();
  cache.set(log, { stamp, calendar, value });
  return value;
}

/**
 * Log statuses that count as "told": sent, and sending or unconfirmed (a run that died may have
 * sent it; never re-sent blindly); in dry-run mode the dry-run rows too, so a dry run mirrors sending.
 */
function countedStatuses(mode: EmailMode): ReadonlySet<NotificationStatus> {
  return mode === 'dry-run' ? COUNTED_IN_DRY_RUN : COUNTED;
}

const COUNTED: ReadonlySet<NotificationStatus> = new Set<NotificationStatus>(['sent', 'sending', 'unconfirmed']);
const COUNTED_IN_DRY_RUN: ReadonlySet<NotificationStatus> = new Set<NotificationStatus>([...COUNTED, 'dry-run']);

/** The Notification log key of a notice: rule|level|item, and |occurrence for a rule that has one. */
export function noticeKey(notice: Pick<Notice, 'rule' | 'level' | 'item' | 'occurrence'>): string {
  const key = `${notice.rule}|${notice.level}|${notice.item}`;
  return notice.occurrence ? `${key}|${notice.occurrence}` : key;
}

export function deliveryKey(notice: Pick<Notice, 'rule' | 'level' | 'item' | 'occurrence'>, recipient: string): string {
  return `${noticeKey(notice)}|${recipient}`;
}

/** Every (log row, recipient) pair as delivery keys. */
export function eachDelivery(log: readonly LogEntry[], visit: (key: string, entry: LogEntry) => void): void {
  const { keys, entries } = deliveriesOf(log);
  for (let i = 0; i < keys.length; i++) visit(keys[i] as string, entries[i] as LogEntry);
}

/** A log's (delivery key, entry) pairs, in log order, side by side. */
interface Deliveries {
  readonly keys: readonly string[];
  readonly entries: readonly LogEntry[];
}

/**
 * The log's delivery keys, built once per log: told times, the queue and retention each walk them
 * in one run, and tens of thousands of keys built three times over were a tenth of a scan's garbage.
 */
function deliveriesOf(log: readonly LogEntry[]): Deliveries {
  const known = deliveriesFound.get(log);
  if (known) return known;
  const keys: string[] = [];
  const entries: LogEntry[] = [];
  // Each distinct (key, recipient) is built once: a notice is told to the same person on many rows.
  const built = new Map<string, Map<string, string>>();
  for (let i = 0; i < log.length; i++) {
    const entry = log[i] as LogEntry;
    let byRecipient = built.get(entry.key);
    if (!byRecipient) built.set(entry.key, (byRecipient = new Map()));
    for (let r = 0; r < entry.recipients.length; r++) {
      const recipient = entry.recipients[r] as string;
      let key = byRecipient.get(recipient);
      if (key === undefined) byRecipient.set(recipient, (key = `${entry.key}|${recipient}`));
      keys.push(key);
      entries.push(entry);
    }
  }
  const found = { keys, entries };
  deliveriesFound.set(log, found);
  return found;
}

const deliveriesFound = new WeakMap<readonly LogEntry[], Deliveries>();

/**
 * When each delivery key was told (countedStatuses), in log order. A queued row is not: the log is
 * read under the ledger lease (gas/ledgerLease), which its writer held until it let go of the
 * ledger, so a queued row is left over for whoever holds it now.
 */
export function toldTimes(log: readonly LogEntry[], mode: EmailMode): ReadonlyMap<string, readonly Date[]> {
  // Asked by the notices, the delivery plan and retention in one run: found once.
  return onceForLog(toldFound, log, mode, undefined, () => {
    const counted = countedStatuses(mode);
    const times = new Map<string, Date[]>();
    // Found by key, then recipient: a delivery key is built and hashed once per distinct pair, not per row.
    const byKey = new Map<string, Map<string, Date[]>>();
    for (let i = 0; i < log.length; i++) {
      const entry = log[i] as LogEntry;
      if (!entry.status || !counted.has(entry.status)) continue;
      let byRecipient = byKey.get(entry.key);
      if (!byRecipient) byKey.set(entry.key, (byRecipient = new Map()));
      for (let r = 0; r < entry.recipients.length; r++) {
        const recipient = entry.recipients[r] as string;
        let list = byRecipient.get(recipient);
        if (!list) {
          const key = `${entry.key}|${recipient}`;
          list = times.get(key);
          if (!list) times.set(key, (list = []));
          byRecipient.set(recipient, list);
        }
        list.push(entry.time);
      }
    }
    return times;
  });
}

const toldFound = new WeakMap<readonly LogEntry[], Derived<ReadonlyMap<string, readonly Date[]>>>();
