/**
 * A split planned from a template, and a template drawn back from a finished split (SPEC §2.14).
 * Dates are working days of the Settings calendar (work days, holidays and 调休 make-up days), the
 * same WorkCalendar the scan measures health with, so a planned task is never due on a day off.
 */
import type { CivilDay, WorkCalendar } from './calendar';
import { findDepartment, resolveEmail, type Directory } from './directory';
import { normalizeLabel } from './enums';
import type { Template } from './templates';

export interface PlannedTask {
  readonly name: string;
  readonly dept: string;
  /** The proposed owner's email (the department's head, else its liaison); '' when it has neither. */
  readonly owner: string;
  readonly start: CivilDay;
  readonly due: CivilDay;
  readonly deliverable: string;
  /** Positions (0-based) in the plan of the tasks this one depends on. */
  readonly dependsOn: readonly number[];
}

/** The first working day on or after `day`. */
export function firstWorkingDayFrom(calendar: WorkCalendar, day: CivilDay): CivilDay {
  let found = day;
  while (!calendar.isWorkingDay(found)) found++;
  return found;
}

/** The working day `n` working days after the working day `day`. */
function workingDaysAfter(calendar: WorkCalendar, day: CivilDay, n: number): CivilDay {
  let found = day;
  for (let left = n; left > 0;) {
    found++;
    if (calendar.isWorkingDay(found)) left--;
  }
  return found;
}

/**
 * The template's tasks dated from `startDay` (a day off starts the split on the next working
 * day): a task starts `offset` working days after it and is due on the last of its `duration`
 * working days.
 */
export function planSplit(
  template: Template,
  startDay: CivilDay,
  calendar: WorkCalendar,
  directory: Directory,
): PlannedTask[] {
  const first = firstWorkingDayFrom(calendar, startDay);
  const position = new Map(template.tasks.map((task, i) => [normalizeLabel(task.name), i]));
  return template.tasks.map((task) => {
    const start = workingDaysAfter(calendar, first, task.offset);
    return {
      name: task.name,
      dept: task.dept,
      owner: proposedOwner(directory, task.dept),
      start,
      due: workingDaysAfter(calendar, start, task.duration - 1),
      deliverable: task.deliverable,
      dependsOn: task.dependsOn.flatMap((name) => {
        const at = position.get(normalizeLabel(name));
        return at === undefined ? [] : [at];
      }),
    };
  });
}

/**
 * Whom the split proposes as a task's owner, for the coordinator to confirm or change: the
 * department's head, who answers for it; its liaison (接口人) when no head is listed.
 */
export function proposedOwner(directory: Directory, dept: string): string {
  const found = findDepartment(directory, dept);
  if (!found) return '';
  for (const person of [found.head, found.liaison]) {
    const email = person.trim() === '' ? undefined : resolveEmail(directory, person);
    if (email) return email;
  }
  return '';
}

/** A task of a finished split, as "Save as template" reads it. */
export interface FinishedTask {
  readonly name: string;
  readonly dept: string;
  /** Its first day; a task without one is taken to start on its due day. */
  readonly start: CivilDay | undefined;
  readonly due: CivilDay;
  readonly deliverable: string;
  /** Names of tasks of the same split it depended on. */
  readonly dependsOn: readonly string[];
}

export interface TemplateDraftRow {
  readonly task: string;
  readonly dept: string;
  readonly offset: number;
  readonly duration: number;
  readonly deliverable: string;
  readonly dependsOn: readonly string[];
}

/**
 * Template rows drawn back from a finished split: offsets count working days from the split's
 * first working day, durations the working days from each task's start to its due, at least one.
 * Planning the result from the same first day gives back the same dates (on working days).
 */
export function templateFromTasks(tasks: readonly FinishedTask[], calendar: WorkCalendar): TemplateDraftRow[] {
  const dated = tasks.map((task) => ({
    task,
    start: firstWorkingDayFrom(calendar, Math.min(task.start ?? task.due, task.due)),
  }));
  const origin = Math.min(...dated.map((d) => d.start));
  return dated
    .map(({ task, start }, order) => ({
      order,
      row: {
        task: task.name,
        dept: task.dept,
        offset: calendar.workingDaysInSpan(origin, start - 1),
        duration: Math.max(1, calendar.workingDaysInSpan(start, task.due)),
        deliverable: task.deliverable,
        dependsOn: task.dependsOn,
      },
    }))
    .sort((a, b) => a.row.offset - b.row.offset || a.order - b.order)
    .map(({ row }) => row);
}
