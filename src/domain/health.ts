/**
 * Task health at `now` (SPEC §3.2), in the spreadsheet's time zone and on working days.
 * Every condition that holds is reported (the rules of §3.3 need them all); the worst one is
 * what the Health cell shows.
 */
import type { CivilDay, WorkCalendar } from './calendar';
import type { Health, TaskStatus } from './enums';
import type { Settings } from './settings';

/** What health needs of a task row, already parsed (dates as instants, pct 0–100). */
export interface TaskFacts {
  /** undefined when the cell is blank or unreadable: treated as not started. */
  readonly status: TaskStatus | undefined;
  readonly start: Date | undefined;
  readonly due: Date | undefined;
  /** 0–100, from the latest progress entry. */
  readonly pct: number;
  readonly lastUpdate: Date | undefined;
}

export type Condition = 'overdue' | 'blocked' | 'finalHours' | 'lagging' | 'stale' | 'dueSoon';

export interface TaskHealth {
  readonly health: Health;
  readonly conditions: ReadonlySet<Condition>;
  /** Straight-line plan % at now (0–100); undefined without start and due. */
  readonly expectedPct: number | undefined;
  /** The instant the task is due: a date without a time is due at the end of that working day. */
  readonly dueAt: Date | undefined;
}

export type HealthSettings = Pick<Settings, 'dueSoonDays' | 'staleDays' | 'lagThreshold' | 'finalHours'>;

/** Statuses in which the owner still has work to deliver. */
export function isOpenWork(status: TaskStatus | undefined): boolean {
  return status === undefined || status === 'notStarted' || status === 'inProgress' || status === 'blocked';
}

/** Worst first: the first condition present decides the Health cell. Final hours shows as due soon. */
const CELL_ORDER: readonly [Condition, Health][] = [
  ['overdue', 'overdue'],
  ['blocked', 'blocked'],
  ['lagging', 'lagging'],
  ['stale', 'stale'],
  ['finalHours', 'dueSoon'],
  ['dueSoon', 'dueSoon'],
];

const HOUR_MS = 3_600_000;

/** Conditions as bits, in the order they are found. */
const BLOCKED = 1;
const OVERDUE = 2;
const FINAL_HOURS = 4;
const DUE_SOON = 8;
const LAGGING = 16;
const STALE = 32;
const BITS: readonly [Condition, number][] = [
  ['blocked', BLOCKED],
  ['overdue', OVERDUE],
  ['finalHours', FINAL_HOURS],
  ['dueSoon', DUE_SOON],
  ['lagging', LAGGING],
  ['stale', STALE],
];

/** One shared read-only set and Health cell per combination: thousands of tasks share a few dozen. */
const combinations = new Map<number, { readonly conditions: ReadonlySet<Condition>; readonly health: Health }>();

function combination(bits: number): { readonly conditions: ReadonlySet<Condition>; readonly health: Health } {
  return combinations.get(bits) ?? newCombination(bits);
}

/** Kept out of combination, which runs per task: the optimizer then compiles only the look-up. */
function newCombination(bits: number): { readonly conditions: ReadonlySet<Condition>; readonly health: Health } {
  const conditions = new Set(BITS.filter(([, bit]) => (bits & bit) !== 0).map(([condition]) => condition));
  const worst = CELL_ORDER.find(([condition]) => conditions.has(condition));
  const found = { conditions, health: worst ? worst[1] : 'onTrack' } as const;
  combinations.set(bits, found);
  return found;
}

/**
 * Below this % a task is behind plan by more than the lag threshold: its health is 滞后 and a
 * progress entry at it must give a delay reason (SPEC §2.2, §2.3). The sidebar marks the delay
 * reason required from the same bound, sent on the card (app/taskOffers.ts).
 */
export function lowestPctNotLagging(expectedPct: number, lagThreshold: number): number {
  return expectedPct - lagThreshold;
}

export function taskHealth(task: TaskFacts, now: Date, calendar: WorkCalendar, settings: HealthSettings): TaskHealth {
  // Instants are read once as ms and days: a scan does this for every task.
  const typedDueMs = task.due?.getTime();
  const dueMs = typedDueMs === undefined ? undefined : calendar.dueMs(typedDueMs);
  const dueAt = dueMs === undefined ? undefined : dueMs === typedDueMs ? task.due : new Date(dueMs);
  const startMs = task.start?.getTime();
  const nowMs = now.getTime();
  const today = calendar.dayAt(nowMs);
  const expectedPct =
    startMs !== undefined && typedDueMs !== undefined && dueMs !== undefined
      ? plannedPctOn(calendar.dayAt(startMs), calendar.dayAt(typedDueMs), dueMs, nowMs, today, calendar)
      : undefined;

  if (task.status === 'done' || task.status === 'cancelled') {
    return { health: 'done', conditions: combination(0).conditions, expectedPct, dueAt };
  }
  let bits = 0;
  if (isOpenWork(task.status)) {
    if (task.status === 'blocked') bits |= BLOCKED;
    if (dueMs !== undefined) {
      const hoursLeft = (dueMs - nowMs) / HOUR_MS;
      if (hoursLeft < 0) bits |= OVERDUE;
      else {
        if (hoursLeft <= settings.finalHours) bits |= FINAL_HOURS;
        if (calendar.workingDaysBetween(today, calendar.dayAt(dueMs)) <= settings.dueSoonDays) bits |= DUE_SOON;
      }
    }
    if (expectedPct !== undefined && task.pct < lowestPctNotLagging(expectedPct, settings.lagThreshold))
      bits |= LAGGING;
    const sinceMs = task.lastUpdate ? task.lastUpdate.getTime() : startMs;
    if (
      task.status === 'inProgress' &&
      sinceMs !== undefined &&
      calendar.workingDaysBetween(calendar.dayAt(sinceMs), today) >= settings.staleDays
    )
      bits |= STALE;
  }
  const { conditions, health } = combination(bits);
  return { health, conditions, expectedPct, dueAt };
}

/**
 * The % a straight-line plan expects by now: working days already finished since start (today
 * counts once its working day has ended) over all working days from start to due.
 */
export function plannedPct(start: Date, due: Date, now: Date, calendar: WorkCalendar): number {
  const nowMs = now.getTime();
  return plannedPctOn(
    calendar.dayOf(start),
    calendar.dayOf(due),
    calendar.dueInstant(due).getTime(),
    nowMs,
    calendar.dayAt(nowMs),
    calendar,
  );
}

/** plannedPct from the days of start and due, the instant due (ms), and now as ms and day. */
function plannedPctOn(
  first: CivilDay,
  last: CivilDay,
  dueMs: number,
  nowMs: number,
  today: CivilDay,
  calendar: WorkCalendar,
): number {
  const total = calendar.workingDaysInSpan(first, last);
  if (total === 0) return nowMs > dueMs ? 100 : 0;
  const todayDone = today <= last && today >= first && calendar.workingDayEnded(nowMs);
  const elapsed = calendar.workingDaysInSpan(first, Math.min(today - 1, last)) + (todayDone ? 1 : 0);
  return Math.min(100, Math.round((elapsed / total) * 100));
}
