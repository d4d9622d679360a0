/**
 * The key figures of SPEC §3.9, one definition each. The dashboard's monthly table, the weekly
 * summary and the retrospective all call these, so "on time" means one thing everywhere: accepted
 * on or before the baseline due (the due date before any plan change), at the end of that working
 * day. A period is an inclusive span of civil days in the spreadsheet's zone.
 */
import type { CivilDay, WorkCalendar } from './calendar';
import type { SignOffRecord } from './signOffs';
import type { TaskStatus } from './enums';

export interface Period {
  readonly first: CivilDay;
  readonly last: CivilDay;
}

/** A share: `value` is undefined when there is nothing to divide by (shown as "—", never as 0 % or 100 %). */
export interface Ratio {
  readonly count: number;
  readonly of: number;
  readonly value: number | undefined;
}

export function ratio(count: number, of: number): Ratio {
  return { count, of, value: of === 0 ? undefined : count / of };
}

export interface KpiTask {
  readonly id: string;
  readonly status: TaskStatus | undefined;
  readonly due: Date | undefined;
  /** The due date as first agreed; a plan change moves `due`, never this. */
  readonly baseline: Date | undefined;
  /** When it was accepted (latest Pass); undefined while not done. */
  readonly completedAt: Date | undefined;
}

/** 问题解决率: an escalation counts as resolved when its item is closed within this many working days. */
export const RESOLUTION_WORKING_DAYS = 5;

function within(period: Period, instant: Date | undefined, calendar: WorkCalendar): boolean {
  if (!instant) return false;
  const day = calendar.dayOf(instant);
  return day >= period.first && day <= period.last;
}

/** The deadline a task is judged against: the end of its baseline due day (its due without a baseline). */
export function baselineDeadline(task: Pick<KpiTask, 'baseline' | 'due'>, calendar: WorkCalendar): Date | undefined {
  const planned = task.baseline ?? task.due;
  return planned ? calendar.dueInstant(planned) : undefined;
}

/** Accepted on or before the baseline due; undefined while not accepted (or without any due). */
export function isOnTime(task: KpiTask, calendar: WorkCalendar): boolean | undefined {
  const deadline = baselineDeadline(task, calendar);
  if (!task.completedAt || !deadline) return undefined;
  return task.completedAt.getTime() <= deadline.getTime();
}

/** 按期完成率: tasks accepted in the period on or before their baseline due ÷ tasks accepted in the period. */
export function onTimeRate(tasks: readonly KpiTask[], period: Period, calendar: WorkCalendar): Ratio {
  const judged = tasks.filter(
    (task) => within(period, task.completedAt, calendar) && isOnTime(task, calendar) !== undefined,
  );
  return ratio(judged.filter((task) => isOnTime(task, calendar)).length, judged.length);
}

/** Past its baseline due at `now`: accepted after it, or not accepted by `now` once it passed. */
export function isLate(task: KpiTask, now: Date, calendar: WorkCalendar): boolean {
  const deadline = baselineDeadline(task, calendar);
  if (!deadline) return false;
  const finished = task.completedAt ?? now;
  return finished.getTime() > deadline.getTime();
}

/** Tasks the delay and change rates count in a period: not cancelled, baseline due inside it. */
function dueIn(tasks: readonly KpiTask[], period: Period, calendar: WorkCalendar): KpiTask[] {
  return tasks.filter((task) => task.status !== 'cancelled' && within(period, task.baseline ?? task.due, calendar));
}

/** 延期率: tasks due (baseline) in the period that are past that due at `now`, open or done ÷ tasks due in it. */
export function delayRate(tasks: readonly KpiTask[], period: Period, now: Date, calendar: WorkCalendar): Ratio {
  const due = dueIn(tasks, period, calendar);
  return ratio(due.filter((task) => isLate(task, now, calendar)).length, due.length);
}

/** 变更率: approved plan changes of the tasks due (baseline) in the period ÷ those tasks. */
export function changeRate(
  tasks: readonly KpiTask[],
  approvedChanges: readonly { readonly task: string }[],
  period: Period,
  calendar: WorkCalendar,
): Ratio {
  const due = new Set(dueIn(tasks, period, calendar).map((task) => task.id.toUpperCase()));
  const changes = approvedChanges.filter((change) => due.has(change.task.trim().toUpperCase()));
  return ratio(changes.length, due.size);
}

/** Hours from `from` to `to` that fall on working days (a weekend or holiday adds none; a 调休 Saturday does). */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  let hours = 0;
  for (let day = calendar.dayOf(from); day <= calendar.dayOf(to); day++) {
    if (!calendar.isWorkingDay(day)) continue;
    const start = Math.max(from.getTime(), calendar.at(day, 0).getTime());
    const end = Math.min(to.getTime(), calendar.at(day + 1, 0).getTime());
    if (end > start) hours += (end - start) / 3_600_000;
  }
  return hours;
}

export interface Duration {
  /** Average working hours; undefined when none was measured. */
  readonly averageHours: number | undefined;
  readonly withinTarget: Ratio;
}

function durations(spans: readonly (readonly [Date, Date])[], target: number, calendar: WorkCalendar): Duration {
  const hours = spans.map(([from, to]) => workingHoursBetween(from, to, calendar));
  const total = hours.reduce((sum, h) => sum + h, 0);
  return {
    averageHours: hours.length === 0 ? undefined : Math.round((total / hours.length) * 10) / 10,
    withinTarget: ratio(hours.filter((h) => h <= target).length, hours.length),
  };
}

export interface KpiRequest {
  readonly submitted: Date | undefined;
  /** When it was reviewed: approved, returned or rejected. */
  readonly reviewed: Date | undefined;
}

/**
 * 平均响应时长: requests reviewed in the period, submitted → reviewed in working hours; the share
 * reviewed within `targetHours` (Settings › responseTargetHours).
 */
export function responseTime(
  requests: readonly KpiRequest[],
  period: Period,
  calendar: WorkCalendar,
  targetHours: number,
): Duration {
  const spans = requests
    .filter((r) => r.submitted && r.reviewed && within(period, r.reviewed, calendar))
    .map((r) => [r.submitted!, r.reviewed!] as const);
  return durations(spans, targetHours, calendar);
}

/**
 * 签批及时率: sign-offs decided in the period within `targetHours` working hours of their request
 * (Settings › signOffTargetHours) ÷ those decided.
 */
export function signOffTimeliness(
  signOffs: readonly Pick<SignOffRecord, 'requestedAt' | 'decidedAt'>[],
  period: Period,
  calendar: WorkCalendar,
  targetHours: number,
): Duration {
  const spans = signOffs
    .filter((s) => s.requestedAt && s.decidedAt && within(period, s.decidedAt, calendar))
    .map((s) => [s.requestedAt!, s.decidedAt!] as const);
  return durations(spans, targetHours, calendar);
}

export interface Escalation {
  /** The first L2/L3 notice of the episode. */
  readonly opened: Date;
  /** When its item was closed (the task accepted), if it was. */
  readonly closed: Date | undefined;
}

/** 问题解决率: L2/L3 episodes opened in the period whose item closed within 5 working days of the first notice ÷ those opened. */
export function resolutionRate(escalations: readonly Escalation[], period: Period, calendar: WorkCalendar): Ratio {
  const opened = escalations.filter((e) => within(period, e.opened, calendar));
  const resolved = opened.filter(
    (e) => e.closed && calendar.workingDaysBetween(e.opened, e.closed) <= RESOLUTION_WORKING_DAYS,
  );
  return ratio(resolved.length, opened.length);
}

/** An answer of the 满意度 sheet (SPEC §2.11): when it was given and its overall score, 1–5. */
export interface KpiAnswer {
  readonly time: Date | undefined;
  readonly overall: number;
}

/** Satisfied: an overall score of 4 or 5. */
export const SATISFIED_OVERALL = 4;

/** 满意度 satisfaction: answers given in the period rating overall 4 or 5 ÷ answers given in the period. */
export function satisfactionRate(answers: readonly KpiAnswer[], period: Period, calendar: WorkCalendar): Ratio {
  const given = answers.filter((answer) => within(period, answer.time, calendar));
  return ratio(given.filter((answer) => answer.overall >= SATISFIED_OVERALL).length, given.length);
}

/** The calendar month holding `day`, and the `count` months up to it, oldest first. */
export function monthsUpTo(day: CivilDay, count: number): (Period & { readonly label: string })[] {
  const date = new Date(day * 86_400_000);
  const months = [];
  for (let back = count - 1; back >= 0; back--) {
    const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back, 1) / 86_400_000;
    const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back + 1, 1) / 86_400_000;
    const start = new Date(first * 86_400_000);
    const label = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
    months.push({ first, last: next - 1, label });
  }
  return months;
}
