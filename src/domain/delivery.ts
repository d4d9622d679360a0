/**
 * Delivery (SPEC §3.3): who gets which notice, when, and once: cooldown, quota, the queue, and the
 * Notification log rows of one run. Decided from the notices, the log and `now`; sending and
 * writing are the app layer's job.
 */
import { dateText } from './dateText';
import type { WorkCalendar } from './calendar';
import { DIGEST_RULE } from './ledger';
import { LEVEL_RANK, RULE_ORDER, RULES, type Notice } from './notice';
import type { MessageKind, NotificationStatus } from './enums';
import type { EmailMode } from './settings';
import { CELL_MAX_CHARS } from './values';
import {
  currentEpisode,
  deliveryKey,
  eachDelivery,
  hoursBetween,
  noticeKey,
  repeatGapDays,
  toldTimes,
  type LogEntry,
} from './told';

/** One recipient's share of a notice; the unit of cooldown and quota. */
export interface Delivery {
  readonly notice: Notice;
  readonly recipient: string;
  readonly role: 'to' | 'cc';
  /** noticeKey|recipient */
  readonly key: string;
}

/** A delivery its episode's repeat schedule holds back, shown in a digest that goes anyway. */
export interface StillOpen {
  readonly delivery: Delivery;
  /** When the episode was first told, as wall-clock text (yyyy-MM-dd HH:mm). */
  readonly since: string;
}

/** One recipient's mail of a run. */
export interface DigestPlan {
  readonly recipient: string;
  /** In compareDeliveries order. */
  readonly deliveries: readonly Delivery[];
  /** Items told before whose next repeat is not due: "still open since …", not a new alert. */
  readonly stillOpen: readonly StillOpen[];
  /** "2/3" when the recipient's digest goes in parts (its notices would not fit one log row). */
  readonly part?: string;
}

export interface DeliveryPlan {
  /** Recipients to mail now (or, in dry-run mode, to log as dry-run), highest level first. */
  readonly digests: readonly DigestPlan[];
  /** Over today's quota: logged as queued, sent by the next run. */
  readonly queued: readonly Delivery[];
  /**
   * Told within cooldownHours, or repeats their episode's schedule (repeatGapDays) holds back:
   * nothing to log, already in the log.
   */
  readonly coolingDown: readonly Delivery[];
  /** Notices nobody could be found for (no owner, head or coordinator): logged as failed. */
  readonly unaddressed: readonly Notice[];
}

export interface PlanOptions {
  readonly now: Date;
  readonly calendar: WorkCalendar;
  readonly cooldownHours: number;
  readonly emailMode: EmailMode;
  /** Emails that may still go out today (MailApp.getRemainingDailyQuota); ignored in dry-run mode. */
  readonly quota: number;
  /** Only deliveries this accepts (between daily scans: the queue and the rules that cannot wait). */
  readonly only?: (delivery: Delivery) => boolean;
}

export function planDeliveries(
  notices: readonly Notice[],
  log: readonly LogEntry[],
  options: PlanOptions,
): DeliveryPlan {
  const { now, calendar } = options;
  const told = toldTimes(log, options.emailMode);

  // Recipients in order of their first delivery; their lists are filled below, already sorted.
  const byRecipient = new Map<string, Delivery[]>();
  const coolingDown: Delivery[] = [];
  const stillOpen = new Map<string, StillOpen[]>();
  const unaddressed: Notice[] = [];
  /** Per notice, its deliveries that go out now (or queue). */
  const outgoing: Delivery[][] = [];
  const consider = (accepted: Delivery[], notice: Notice, key: string, recipient: string, role: 'to' | 'cc') => {
    const delivery: Delivery = { notice, recipient, role, key: `${key}|${recipient}` };
    if (options.only && !options.only(delivery)) return;
    const episode = currentEpisode(told.get(delivery.key) ?? [], now, calendar, options);
    const last = episode[episode.length - 1];
    if (last && hoursBetween(last, now) < options.cooldownHours) {
      coolingDown.push(delivery);
      return;
    }
    if (last && calendar.workingDaysBetween(last, now) < repeatGapDays(episode.length)) {
      coolingDown.push(delivery);
      const since = dateText(episode[0] ?? last, calendar);
      const list = stillOpen.get(recipient);
      if (list) list.push({ delivery, since });
      else stillOpen.set(recipient, [{ delivery, since }]);
      return;
    }
    accepted.push(delivery);
    if (!byRecipient.has(recipient)) byRecipient.set(recipient, []);
  };
  for (const notice of notices) {
    const accepted: Delivery[] = [];
    outgoing.push(accepted);
    if (notice.to.length === 0 && notice.cc.length === 0) {
      const nobody: Delivery = { notice, recipient: '', role: 'to', key: deliveryKey(notice, '') };
      if (!options.only || options.only(nobody)) unaddressed.push(notice);
      continue;
    }
    const key = noticeKey(notice);
    for (const recipient of notice.to) consider(accepted, notice, key, recipient, 'to');
    for (const recipient of notice.cc) consider(accepted, notice, key, recipient, 'cc');
  }
  // Walking the notices in compareDeliveries order fills every list as sorting it would (the sort is stable).
  const inOrder = noticesInOrder(notices);
  const place = new Map<Notice, number>();
  inOrder.forEach((index, i) => {
    place.set(notices[index] as Notice, i);
    for (const delivery of outgoing[index] ?? []) byRecipient.get(delivery.recipient)?.push(delivery);
  });

  const recipients = [...byRecipient].map(([recipient, deliveries]) => ({
    recipient,
    deliveries,
    top: deliveries.reduce((top, d) => Math.max(top, LEVEL_RANK[d.notice.level]), 0),
  }));
  recipients.sort(
    (a, b) => b.top - a.top || b.deliveries.length - a.deliveries.length || compareText(a.recipient, b.recipient),
  );
  const fits = options.emailMode === 'dry-run' ? recipients.length : Math.max(0, options.quota);
  // A notice's place in that order sorts what is still open as compareDeliveries would, without the collator.
  const placeOf = (open: StillOpen) => place.get(open.delivery.notice) ?? 0;
  const openOf = (recipient: string) => [...(stillOpen.get(recipient) ?? [])].sort((a, b) => placeOf(a) - placeOf(b));
  return {
    digests: recipients.slice(0, fits).flatMap(({ recipient, deliveries }) => {
      const parts = byKeyCell(deliveries, (d) => noticeKey(d.notice));
      return parts.map((part, i) => ({
        recipient,
        deliveries: part,
        stillOpen: i === 0 ? openOf(recipient) : [],
        ...(parts.length > 1 ? { part: `${i + 1}/${parts.length}` } : {}),
      }));
    }),
    queued: recipients.slice(fits).flatMap(({ deliveries }) => deliveries),
    coolingDown,
    unaddressed,
  };
}

/**
 * Indexes of `notices` in compareDeliveries order, ties in notice order. Each notice is placed by
 * one number, its items ranked by the collator once: comparing items with the collator for every
 * delivery was most of a large run's sorting.
 */
function noticesInOrder(notices: readonly Notice[]): number[] {
  const itemRank = collationRanks(notices.map((notice) => notice.item));
  const position = new Float64Array(notices.length);
  notices.forEach((notice, index) => {
    const severity = 3 - LEVEL_RANK[notice.level];
    position[index] =
      (severity * RULES.length + RULE_ORDER[notice.rule]) * (itemRank.size + 1) + (itemRank.get(notice.item) ?? 0);
  });
  return notices.map((_, index) => index).sort((a, b) => (position[a] ?? 0) - (position[b] ?? 0));
}

/** Each distinct text's place in compareText order; texts that compare equal share one. */
function collationRanks(texts: readonly string[]): Map<string, number> {
  const distinct = [...new Set(texts)];
  // IDs alone (the usual case) sort by code unit as the collator sorts them, at a fraction of its cost.
  const plain = distinct.every((text) => PLAIN_ID.test(text));
  const sorted = plain ? distinct.sort() : distinct.sort(compareText);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    const text = sorted[i] as string;
    if (i > 0 && (plain || compareText(sorted[i - 1] as string, text) !== 0)) rank++;
    ranks.set(text, rank);
  }
  return ranks;
}

/**
 * Text of digits, capital letters and hyphens: the collator ranks hyphen < digits < letters, each
 * group in code order, and tells any two such texts apart, so their order is code-unit order.
 */
const PLAIN_ID = /^[0-9A-Z-]*$/;

/** Highest level first, then the rule order of RULES, then item. */
export function compareDeliveries(a: Delivery, b: Delivery): number {
  return (
    LEVEL_RANK[b.notice.level] - LEVEL_RANK[a.notice.level] ||
    RULE_ORDER[a.notice.rule] - RULE_ORDER[b.notice.rule] ||
    compareText(a.notice.item, b.notice.item)
  );
}

let collator: Intl.Collator | undefined;

/** a.localeCompare(b), with the collator it stands for built once rather than per comparison. */
function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** A Notification log row about to be written: one message (or, with no recipient, the notices nobody could be told). */
export interface MessageDraft {
  /** DIGEST_RULE, or the kind of a mail that is not a digest (the weekly summary, …). */
  readonly rule: MessageKind;
  /** The highest level the message carries; '' for a mail without one. */
  readonly level: string;
  readonly items: readonly string[];
  /** '' for the notices nobody could be found for. */
  readonly recipient: string;
  readonly keys: readonly string[];
  readonly status: NotificationStatus;
  /** What the message is about, as a person reads it (the digest's subject); absent where none is worded. */
  readonly about?: string;
}

/**
 * The Notification log rows of one run, recorded before any mail goes out: a row per digest, in
 * plan order (queued until sent; dry-run in dry-run mode), a queued row per recipient over quota
 * (sent by a later run), and one failed row for the notices nobody could be found for. Deliveries
 * cooling down are not written: they were logged when told.
 */
export function messageDrafts(plan: DeliveryPlan, mode: EmailMode): { mail: MessageDraft[]; other: MessageDraft[] } {
  // A notice goes to several recipients: its key is built once.
  const keys = new Map<Notice, string>();
  const keyOf = (notice: Notice) => {
    let key = keys.get(notice);
    if (key === undefined) keys.set(notice, (key = noticeKey(notice)));
    return key;
  };
  const draft = (recipient: string, notices: readonly Notice[], status: NotificationStatus): MessageDraft => ({
    rule: DIGEST_RULE,
    level: notices.reduce(
      (top, n) => (LEVEL_RANK[n.level] > LEVEL_RANK[top] ? n.level : top),
      notices[0]?.level ?? 'L1',
    ),
    items: [...new Set(notices.map((notice) => notice.item))],
    recipient,
    keys: notices.map(keyOf),
    status,
  });
  const pending: NotificationStatus = mode === 'dry-run' ? 'dry-run' : 'queued';
  const mail = plan.digests.map(({ recipient, deliveries }) =>
    draft(
      recipient,
      deliveries.map((d) => d.notice),
      pending,
    ),
  );
  const queued = new Map<string, Notice[]>();
  for (const d of plan.queued) {
    const notices = queued.get(d.recipient);
    if (notices) notices.push(d.notice);
    else queued.set(d.recipient, [d.notice]);
  }
  const other = [...queued].flatMap(([recipient, notices]) =>
    byKeyCell(notices, keyOf).map((part) => draft(recipient, part, 'queued')),
  );
  for (const part of byKeyCell(plan.unaddressed, keyOf)) other.push(draft('', part, 'failed'));
  return { mail, other };
}

/**
 * `items` in runs whose keys, one a line, fit one cell (CELL_MAX_CHARS): a message's keys are one
 * cell of its log row, so a digest carrying more (thousands of notices to one coordinator) goes as
 * several messages, each with its row.
 */
function byKeyCell<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  let length = 0;
  for (const item of items) {
    const size = keyOf(item).length + 1;
    if (part.length > 0 && length + size > CELL_MAX_CHARS) {
      parts.push(part);
      part = [];
      length = 0;
    }
    part.push(item);
    length += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Deliveries whose latest log row is queued and left over (not a running run's): what the next tick must send. */
export function queuedKeys(log: readonly LogEntry[], now: Date): Set<string> {
  return new Set(leftOverQueued(log, now).keys());
}

/**
 * Deliveries still to be sent by whoever holds them: the latest log row is queued (by any run) or
 * a failed send awaiting its retry, due or not. A new row for one of them would mail it beside the
 * run that holds it, or before its back-off is over.
 */
export function pendingKeys(log: readonly LogEntry[]): Set<string> {
  const { latest } = deliveryHistory(log);
  const pending = new Set<string>();
  for (const [key, entry] of latest) if (entry.status === 'queued' || entry.status === 'retry') pending.add(key);
  return pending;
}

/**
 * Hours a delivery waits after its n-th failed send in a row before the hourly pass retries it:
 * 1, 2, 4, 8, then every 16 (and the daily scan, which sends whatever is not told, once a day).
 */
export function retryAfterHours(failures: number): number {
  return Math.min(16, 2 ** Math.max(0, failures - 1));
}

/**
 * queuedKeys with each delivery's latest log row: queued and left over, or a failed send whose
 * back-off (retryAfterHours, by the failures in a row since the last other row) has passed.
 */
export function leftOverQueued(log: readonly LogEntry[], now: Date): Map<string, LogEntry> {
  const { latest, failures, settled } = deliveryHistory(log);
  for (const [key, entry] of latest) {
    if (entry.status === 'queued') continue;
    if (entry.status === 'retry') {
      const since = settled.get(key);
      const inARow = entry.attempts ?? (failures.get(key) ?? []).filter((time) => !since || time > since).length;
      if (hoursBetween(entry.time, now) >= retryAfterHours(inARow)) continue;
    }
    latest.delete(key);
  }
  return latest;
}

/** Per delivery, in one pass over the log: its latest row, its failed sends, and its latest other row's time. */
function deliveryHistory(log: readonly LogEntry[]): {
  latest: Map<string, LogEntry>;
  failures: Map<string, Date[]>;
  settled: Map<string, Date>;
} {
  const latest = new Map<string, LogEntry>();
  const failures = new Map<string, Date[]>();
  const settled = new Map<string, Date>();
  eachDelivery(log, (key, entry) => {
    const previous = latest.get(key);
    if (!previous || previous.time <= entry.time) latest.set(key, entry);
    if (entry.status === 'retry') {
      const times = failures.get(key);
      if (times) times.push(entry.time);
      else failures.set(key, [entry.time]);
    } else {
      const last = settled.get(key);
      if (!last || last < entry.time) settled.set(key, entry.time);
    }
  });
  return { latest, failures, settled };
}
