/**
 * The execution flow (SPEC §2.3, §2.5, §2.6, §3.6): who may post progress, what a progress entry,
 * an acceptance or a plan change must hold, and what each changes on the task.
 */
import { t, type Locale } from '../i18n/index';
import type { WorkCalendar } from './calendar';
import { findDepartment, resolveEmail, type Directory } from './directory';
import { lowestPctNotLagging, plannedPct } from './health';
import { columnLabel, sheetDef, type ColumnKey, type SheetKey } from './schema';
import { enumLabel, type TaskStatus } from './enums';
import { isBlank, parseDate, parseList, parseTypedPercent } from './values';
import { Checker, type Problem, type RecordOf, type WorkflowEnv } from './workflow';
/**
 * Who may post progress on a task (SPEC §3.6): its owner, its assisting people, its department's
 * head, or a coordinator. `user` is '' when Apps Script does not say who it is: then nobody.
 */
export function mayPostProgress(
  task: Pick<TaskSnapshot, 'owner' | 'assisting' | 'dept'>,
  user: string,
  directory: Directory,
  coordinator: boolean,
): boolean {
  if (user === '') return false;
  if (coordinator) return true;
  const allowed = [task.owner, ...parseList(task.assisting), findDepartment(directory, task.dept)?.head ?? '']
    .map((person) => resolveEmail(directory, person))
    .filter((email) => email !== undefined);
  return allowed.includes(user);
}

// ---------------------------------------------------------------- progress

/** What progress, acceptance and plan changes need to know about a task. */
export interface TaskSnapshot {
  readonly id: string;
  readonly status: TaskStatus | undefined;
  readonly start: Date | undefined;
  readonly due: Date | undefined;
  readonly owner: string;
  readonly deliverable: string;
  readonly request: string;
  readonly dept: string;
  /** 协助部门/协作人 as typed. */
  readonly assisting: string;
  /** % of the newest applied progress entry; undefined before the first one. */
  readonly pct: number | undefined;
}

export interface ProgressRules {
  readonly calendar: WorkCalendar;
  readonly lagThreshold: number;
}

const NO_DELAY = ['无', '没有', '暂无', 'none', 'no', 'n/a', 'na', '-'];
/** Tasks that still take progress: a done or cancelled task's % is final. */
const PROGRESSING: readonly TaskStatus[] = ['notStarted', 'inProgress', 'blocked', 'awaitingAcceptance'];

/**
 * `shownAsPercent` is whether the % cell has a percent format (parseTypedPercent); undefined for
 * a sidebar payload, which is text.
 */
export function checkProgress(
  record: RecordOf<'progress'>,
  task: TaskSnapshot | undefined,
  env: WorkflowEnv,
  rules: ProgressRules,
  row?: number,
  shownAsPercent?: boolean,
): Problem[] {
  const c = new Checker('progress', record, env, row);
  if (c.required('task')) {
    if (!task) c.add('task', 'wbUnknownTask', { value: c.text('task') });
    else if (task.status !== undefined && !PROGRESSING.includes(task.status))
      taskWrongStatus(c, 'task', task, PROGRESSING);
  }
  c.required('summary');
  if (!c.required('pct')) return c.problems;
  const pct = parseTypedPercent(record.pct, shownAsPercent);
  if (pct === 'ambiguous') {
    c.add('pct', 'wbPctAmbiguous', { value: c.text('pct') });
    return c.problems;
  }
  if (pct === undefined || pct < 0 || pct > 100) {
    // A whole number typed into a percent-formatted cell shows 100 times over: say what it shows.
    if (shownAsPercent && pct !== undefined) c.add('pct', 'wbPctShownAsPercent', { shown: pct, value: c.text('pct') });
    else c.add('pct', 'wbPctRange', { value: c.text('pct') });
    return c.problems;
  }
  if (!task) return c.problems;
  if (task.pct !== undefined && pct < task.pct && isBlank(record.note)) {
    const noteColumn = sheetDef('progress').columns.find((col) => col.key === 'note');
    c.add('pct', 'wbPctLower', {
      value: pct,
      previous: task.pct,
      noteField: noteColumn ? columnLabel(noteColumn, env.locale) : 'note',
    });
  }
  if (task.start && task.due) {
    const at = parseDate(record.updatedAt, env.timeZone, env.sheetTimeZone) ?? env.now;
    const expected = plannedPct(task.start, task.due, at, rules.calendar);
    const reason = c.text('delayReason').toLowerCase();
    if (pct < lowestPctNotLagging(expected, rules.lagThreshold) && (reason === '' || NO_DELAY.includes(reason))) {
      c.add('delayReason', 'wbDelayReasonRequired', { expected, value: pct });
    }
  }
  return c.problems;
}

/**
 * The task cells a valid progress entry changes: %, last update and, when it moves, status. Posting
 * progress on a blocked task unblocks it (SPEC §4: the owner unblocks by posting progress).
 */
export function progressEffect(task: TaskSnapshot, pct: number, at: Date, locale: Locale): RecordOf<'tasks'> {
  const changes: RecordOf<'tasks'> = { pct, lastUpdate: at };
  const moving = task.status === undefined || task.status === 'notStarted' || task.status === 'inProgress';
  if (task.status === 'blocked') {
    changes.status = enumLabel('taskStatus', pct >= 100 ? 'awaitingAcceptance' : 'inProgress', locale);
  } else if (pct >= 100 && moving) {
    changes.status = enumLabel('taskStatus', 'awaitingAcceptance', locale);
  } else if (pct > 0 && (task.status === undefined || task.status === 'notStarted')) {
    changes.status = enumLabel('taskStatus', 'inProgress', locale);
  }
  return changes;
}

// ---------------------------------------------------------------- acceptance

const ACCEPTABLE: readonly TaskStatus[] = ['notStarted', 'inProgress', 'blocked', 'awaitingAcceptance'];

export function checkAcceptance(
  record: RecordOf<'acceptance'>,
  task: TaskSnapshot | undefined,
  env: WorkflowEnv,
  row?: number,
): Problem[] {
  const c = new Checker('acceptance', record, env, row);
  if (c.required('task')) {
    if (!task) c.add('task', 'wbUnknownTask', { value: c.text('task') });
    else if (task.status !== undefined && !ACCEPTABLE.includes(task.status))
      taskWrongStatus(c, 'task', task, ACCEPTABLE);
  }
  if (!c.required('result')) return c.problems;
  const result = c.enumeration('result', 'acceptanceResult');
  if (result === 'fail' && isBlank(record.reason)) c.add('reason', 'wbReasonOnFail');
  c.person('acceptedBy', false);
  c.date('date', false);
  return c.problems;
}

function taskWrongStatus<S extends SheetKey>(
  c: Checker<S>,
  field: ColumnKey<S>,
  task: TaskSnapshot,
  allowed: readonly TaskStatus[],
): void {
  const sep = t(c.env.locale, 'wbListSeparator');
  c.add(field, 'wbTaskWrongStatus', {
    value: task.id,
    status: task.status ? enumLabel('taskStatus', task.status, c.env.locale) : '',
    allowed: allowed.map((s) => enumLabel('taskStatus', s, c.env.locale)).join(sep),
  });
}

/** Pass → task done at 100 %; Fail → task back in progress. */
export function acceptanceEffect(passed: boolean, locale: Locale): RecordOf<'tasks'> {
  return passed
    ? { status: enumLabel('taskStatus', 'done', locale), pct: 100 }
    : { status: enumLabel('taskStatus', 'inProgress', locale) };
}

// ---------------------------------------------------------------- plan changes

const CHANGEABLE: readonly TaskStatus[] = ['notStarted', 'inProgress', 'blocked', 'awaitingAcceptance'];

export function checkPlanChange(
  record: RecordOf<'planChanges'>,
  task: TaskSnapshot | undefined,
  env: WorkflowEnv,
  row?: number,
): Problem[] {
  const c = new Checker('planChanges', record, env, row);
  if (c.required('task')) {
    if (!task) c.add('task', 'wbUnknownTask', { value: c.text('task') });
    else if (task.status !== undefined && !CHANGEABLE.includes(task.status))
      taskWrongStatus(c, 'task', task, CHANGEABLE);
  }
  const newDue = c.date('newDue', true);
  if (newDue && task?.start && newDue.getTime() < task.start.getTime()) {
    c.add('newDue', 'wbDueBeforeStart', { due: c.formatDate(newDue), start: c.formatDate(task.start) });
  }
  c.required('reason');
  c.enumeration('status', 'changeStatus');
  c.person('decidedBy', false);
  return c.problems;
}

/**
 * Approving a plan change moves the task's due date; the baseline keeps the first due date
 * ever set, so delay is measured against the original plan.
 */
export function planChangeEffect(task: RecordOf<'tasks'>, newDue: Date): RecordOf<'tasks'> {
  return isBlank(task.baseline) ? { due: newDue, baseline: task.due } : { due: newDue };
}
