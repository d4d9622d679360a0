/**
 * Task health at `now` (SPEC §3.2), in the spreadsheet's time zone and on working days.
 * Every condition that holds is reported (the rules of §3.3 need them all); the worst one is
 * what the Health cell shows.
 */
import type { WorkCalendar } from './calendar';
import type { Health, TaskStatus } from './schema';
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

export function taskHealth(task: TaskFacts, now: Date, calendar: WorkCalendar, settings: HealthSettings): TaskHealth {
  const dueAt = task.due ? calendar.dueInstant(task.due) : undefined;
  const expectedPct = task.start && task.due ? plannedPct(task.start, task.due, now, calendar) : undefined;
  const conditions = new Set<Condition>();

  if (task.status === 'done' || task.status === 'cancelled') {
    return { health: 'done', conditions, expectedPct, dueAt };
  }
  if (isOpenWork(task.status)) {
    if (task.status === 'blocked') conditions.add('blocked');
    if (dueAt) {
      const hoursLeft = (dueAt.getTime() - now.getTime()) / HOUR_MS;
      if (hoursLeft < 0) conditions.add('overdue');
      else {
        if (hoursLeft <= settings.finalHours) conditions.add('finalHours');
        if (calendar.workingDaysBetween(now, dueAt) <= settings.dueSoonDays) conditions.add('dueSoon');
      }
    }
    if (expectedPct !== undefined && expectedPct - task.pct > settings.lagThreshold) conditions.add('lagging');
    const since = task.lastUpdate ?? task.start;
    if (task.status === 'inProgress' && since && calendar.workingDaysBetween(since, now) >= settings.staleDays) {
      conditions.add('stale');
    }
  }
  const worst = CELL_ORDER.find(([condition]) => conditions.has(condition));
  return { health: worst ? worst[1] : 'onTrack', conditions, expectedPct, dueAt };
}

/**
 * The % a straight-line plan expects by now: working days already finished since start (today
 * counts once its working day has ended) over all working days from start to due.
 */
export function plannedPct(start: Date, due: Date, now: Date, calendar: WorkCalendar): number {
  const first = calendar.dayOf(start);
  const last = calendar.dayOf(due);
  const today = calendar.dayOf(now);
  const total = calendar.workingDaysInSpan(first, last);
  if (total === 0) return now.getTime() > calendar.dueInstant(due).getTime() ? 100 : 0;
  const todayDone = calendar.isWorkingDay(today) && now.getTime() >= calendar.endOfWorkingDay(today).getTime();
  const elapsed = calendar.workingDaysInSpan(first, Math.min(today - 1, last)) + (todayDone && today <= last && today >= first ? 1 : 0);
  return Math.min(100, Math.round((elapsed / total) * 100));
}
