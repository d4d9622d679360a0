/**
 * The collaboration workflow (SPEC §2.1–§2.6, §3.1) as pure rules: what a request, task,
 * progress entry, acceptance or plan change must hold, and what each step changes.
 * Every rejected value becomes a Problem naming the row, the field and what is allowed.
 */
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n/index';
import { dayKeyIn, type WorkCalendar } from './calendar';
import { findDepartment, resolveEmail, type Directory } from './directory';
import { plannedPct } from './health';
import { checkOwner, duplicateIds, type OwnerCheck } from './owner';
import { columnDef, columnLabel, sheetDef, type ColumnKey, type SheetKey } from './schema';
import { enumLabel, ENUMS, parseEnum, type EnumKey, type RequestStatus, type TaskStatus } from './enums';
import { cellText, isBlank, parseDate, parseList, parseTypedPercent } from './values';

export interface Problem {
  readonly sheet: SheetKey;
  /** Sheet row; absent for a sidebar payload. */
  readonly row?: number;
  readonly field: string;
  readonly message: MessageKey;
  readonly params?: MessageParams;
  readonly level: 'error' | 'warning';
}

export interface WorkflowEnv {
  readonly now: Date;
  /** The Settings zone, whose calendar the rules run on. */
  readonly timeZone: string;
  /** The spreadsheet's zone, in which Sheets hands back typed dates (parseDate). */
  readonly sheetTimeZone: string;
  readonly directory: Directory;
  readonly locale: Locale;
}

export type RecordOf<S extends SheetKey> = Partial<Record<ColumnKey<S>, unknown>>;

export function describeProblem(locale: Locale, problem: Problem): string {
  const column = sheetDef(problem.sheet).columns.find((c) => c.key === problem.field);
  const field = column ? columnLabel(column, locale) : problem.field;
  const message = t(locale, problem.message, problem.params);
  return problem.row === undefined
    ? t(locale, 'wbProblemField', { field, message })
    : t(locale, 'wbProblemAt', { row: problem.row, field, message });
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/** Collects problems for one record of one sheet. */
class Checker<S extends SheetKey> {
  readonly problems: Problem[] = [];

  constructor(
    readonly sheet: S,
    readonly record: RecordOf<S>,
    readonly env: WorkflowEnv,
    readonly row?: number,
  ) {}

  add(field: ColumnKey<S>, message: MessageKey, params?: MessageParams, level: Problem['level'] = 'error'): void {
    this.problems.push({
      sheet: this.sheet,
      field,
      message,
      level,
      ...(this.row === undefined ? {} : { row: this.row }),
      ...(params ? { params } : {}),
    });
  }

  value(field: ColumnKey<S>): unknown {
    return this.record[field];
  }

  text(field: ColumnKey<S>): string {
    return cellText(this.record[field]);
  }

  required(field: ColumnKey<S>): boolean {
    if (isBlank(this.record[field])) {
      this.add(field, 'wbRequired');
      return false;
    }
    return true;
  }

  dept(field: ColumnKey<S>, isRequired: boolean): void {
    if (isRequired ? !this.required(field) : isBlank(this.record[field])) return;
    this.knownDept(field, this.text(field));
  }

  depts(field: ColumnKey<S>): void {
    for (const name of parseList(this.record[field])) this.knownDept(field, name);
  }

  private knownDept(field: ColumnKey<S>, name: string): void {
    if (findDepartment(this.env.directory, name)) return;
    const names = this.env.directory.departments.map((d) => d.name);
    const allowed =
      names.length > 0 ? names.join(t(this.env.locale, 'wbListSeparator')) : t(this.env.locale, 'wbNoDepartments');
    this.add(field, 'wbUnknownDept', { value: name, allowed });
  }

  /** One person (SPEC §3.1); returns the email when the cell is valid. */
  person(
    field: ColumnKey<S>,
    isRequired: boolean,
    multipleMessage: MessageKey = 'wbPersonMultiple',
  ): string | undefined {
    if (isBlank(this.record[field])) {
      if (isRequired) this.add(field, 'wbRequired');
      return undefined;
    }
    const check = checkOwner(this.record[field], this.env.directory);
    if (check.ok) return check.email;
    this.personProblem(field, check, multipleMessage);
    return undefined;
  }

  personProblem(field: ColumnKey<S>, check: Exclude<OwnerCheck, { ok: true }>, multipleMessage: MessageKey): void {
    const sep = t(this.env.locale, 'wbListSeparator');
    switch (check.problem) {
      case 'empty':
        this.add(field, 'wbRequired');
        return;
      case 'multiple':
        this.add(field, multipleMessage, { count: check.parts.length, parts: check.parts.join(sep) });
        return;
      case 'invalidEmail':
        this.add(field, 'wbPersonInvalidEmail', { value: check.text });
        return;
      case 'unknown':
        this.add(field, 'wbPersonUnknown', { value: check.text });
        return;
      case 'ambiguous':
        this.add(field, 'wbPersonAmbiguous', { value: check.text, emails: check.emails.join(sep) });
    }
  }

  date(field: ColumnKey<S>, isRequired: boolean): Date | undefined {
    const raw = this.record[field];
    if (isBlank(raw)) {
      if (isRequired) this.add(field, 'wbRequired');
      return undefined;
    }
    const date = parseDate(raw, this.env.timeZone, this.env.sheetTimeZone);
    if (!date) this.add(field, isAsap(cellText(raw)) ? 'wbAsap' : 'wbNotDate', { value: cellText(raw) });
    return date;
  }

  enumeration<E extends EnumKey>(field: ColumnKey<S>, kind: E) {
    const raw = this.record[field];
    if (isBlank(raw)) return undefined;
    const code = parseEnum(kind, raw);
    if (code === undefined) {
      const allowed = ENUMS[kind]
        .map((v) => (this.env.locale === 'en' ? v.en : v.zh))
        .join(t(this.env.locale, 'wbListSeparator'));
      this.add(field, 'wbBadEnum', { value: cellText(raw), allowed });
    }
    return code;
  }

  formatDate(date: Date): string {
    return dayKeyIn(date, this.env.timeZone);
  }
}

const ASAP_WORDS = [
  '尽快',
  '越快越好',
  '马上',
  '立即',
  '立刻',
  '急',
  'asap',
  'soon',
  'urgent',
  'as soon as possible',
  'tbd',
  '待定',
];

function isAsap(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return ASAP_WORDS.some((word) => lower.includes(word));
}

/** A goal is measurable when it names a number or a date. */
function isVagueGoal(goal: string): boolean {
  return !/[0-9０-９]/.test(goal);
}

// ---------------------------------------------------------------- requests

const TITLE_MAX = 120;

export function checkRequest(record: RecordOf<'requests'>, env: WorkflowEnv, row?: number): Problem[] {
  const c = new Checker('requests', record, env, row);
  if (c.required('title') && c.text('title').length > TITLE_MAX) {
    c.add('title', 'wbTooLong', { max: TITLE_MAX, length: c.text('title').length });
  }
  c.dept('dept', true);
  c.person('requester', true);
  if (c.required('goal') && isVagueGoal(c.text('goal'))) c.add('goal', 'wbVagueGoal', {}, 'warning');
  c.depts('depts');
  const expected = c.date('expected', true);
  // A row that already has an ID but no submission time (adopted from an old list) has no date to compare with.
  const submitted =
    parseDate(record.submitted, env.timeZone, env.sheetTimeZone) ?? (isBlank(record.id) ? env.now : undefined);
  if (expected && submitted && dayKeyIn(expected, env.timeZone) < dayKeyIn(submitted, env.timeZone)) {
    c.add('expected', 'wbBeforeSubmission', { value: c.formatDate(expected), submitted: c.formatDate(submitted) });
  }
  c.dept('lead', false);
  c.person('coordinator', false);
  const status = c.enumeration('status', 'requestStatus');
  if ((status === 'changes' || status === 'rejected') && isBlank(record.review)) c.add('review', 'wbReviewRequired');
  return c.problems;
}

export type ReviewDecision = 'approve' | 'return' | 'reject';

export interface ReviewInput {
  readonly decision: ReviewDecision;
  readonly notes: string;
  /** Lead department, required to approve. */
  readonly lead?: string;
  /** Defaults to the acting user. */
  readonly coordinator?: string;
}

const REVIEWABLE: readonly RequestStatus[] = ['pending', 'changes'];

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

/**
 * Approve, return or reject a request. Returns the problems, or the cells to write:
 * status, review notes, lead, coordinator and the approval time.
 */
export function reviewRequest(
  request: RecordOf<'requests'>,
  input: ReviewInput,
  actor: string,
  env: WorkflowEnv,
  row?: number,
): { problems: Problem[]; changes: RecordOf<'requests'> } {
  const c = new Checker(
    'requests',
    { ...request, review: input.notes, lead: input.lead, coordinator: input.coordinator },
    env,
    row,
  );
  const status = parseEnum('requestStatus', request.status) ?? 'pending';
  if (!REVIEWABLE.includes(status)) {
    const allowed = REVIEWABLE.map((s) => enumLabel('requestStatus', s, env.locale)).join(
      t(env.locale, 'wbListSeparator'),
    );
    c.add('status', 'wbRequestWrongStatus', {
      value: cellText(request.id),
      status: enumLabel('requestStatus', status, env.locale),
      allowed,
    });
    return { problems: c.problems, changes: {} };
  }
  if (input.decision !== 'approve') {
    if (input.notes.trim() === '') c.add('review', 'wbReviewRequired');
    const next: RequestStatus = input.decision === 'return' ? 'changes' : 'rejected';
    return {
      problems: c.problems,
      changes: { status: enumLabel('requestStatus', next, env.locale), review: input.notes.trim() },
    };
  }
  c.dept('lead', true);
  const coordinator = isBlank(input.coordinator) ? actor : c.person('coordinator', false);
  return {
    problems: c.problems,
    changes: {
      status: enumLabel('requestStatus', 'approved', env.locale),
      review: input.notes.trim(),
      lead: cellText(input.lead),
      coordinator: coordinator ?? '',
      approved: env.now,
    },
  };
}

/** A request is done when it has tasks and every one that is not cancelled is done. */
export function requestComplete(taskStatuses: readonly (TaskStatus | undefined)[]): boolean {
  const live = taskStatuses.filter((s) => s !== 'cancelled');
  return live.length > 0 && live.every((s) => s === 'done');
}

// ---------------------------------------------------------------- tasks

export interface TaskContext {
  /** Request ID (upper case) → its status. */
  readonly requests: ReadonlyMap<string, RequestStatus | undefined>;
  /** Every task ID in the workbook (upper case), including those being created. */
  readonly taskIds: ReadonlySet<string>;
}

/** Requests that may receive new tasks. */
export const SPLITTABLE: readonly RequestStatus[] = ['approved'];
/** Requests whose existing tasks stay valid: approved, signed off and under way, then finished. */
const HOLDS_TASKS: readonly RequestStatus[] = ['approved', 'signOff', 'executing', 'done', 'archived'];
/** Requests whose tasks may be done: approved (a split under no sign-off) or in execution. */
export const CLOSABLE: readonly RequestStatus[] = ['approved', 'executing'];

export function checkTask(record: RecordOf<'tasks'>, env: WorkflowEnv, context: TaskContext, row?: number): Problem[] {
  const c = new Checker('tasks', record, env, row);
  if (c.required('request'))
    checkRequestForTasks(c, context, c.text('request'), isBlank(record.id) ? SPLITTABLE : HOLDS_TASKS);
  c.required('name');
  c.dept('dept', true);
  const status = c.enumeration('status', 'taskStatus');
  if (isBlank(record.owner)) {
    if (status !== undefined && status !== 'notStarted') {
      c.add('owner', 'wbOwnerEmpty', { status: enumLabel('taskStatus', status, env.locale) });
    }
  } else c.person('owner', false, 'wbOwnerMultiple');
  const start = c.date('start', false);
  const due = c.date('due', true);
  if (start && due && due.getTime() < start.getTime()) {
    c.add('due', 'wbDueBeforeStart', { due: c.formatDate(due), start: c.formatDate(start) });
  }
  c.required('deliverable');
  const own = c.text('id').toUpperCase();
  for (const id of parseList(record.dependsOn)) {
    const upper = id.toUpperCase();
    if (upper === own) c.add('dependsOn', 'wbSelfDependency');
    else if (!context.taskIds.has(upper)) c.add('dependsOn', 'wbUnknownTask', { value: id });
  }
  return c.problems;
}

function checkRequestForTasks(
  c: Checker<'tasks'>,
  context: TaskContext,
  requestId: string,
  allowed: readonly RequestStatus[],
): void {
  const key = requestId.toUpperCase();
  if (!context.requests.has(key)) {
    c.add('request', 'wbUnknownRequest', { value: requestId });
    return;
  }
  const status = context.requests.get(key) ?? 'pending';
  if (!allowed.includes(status)) {
    const labels = allowed
      .map((s) => enumLabel('requestStatus', s, c.env.locale))
      .join(t(c.env.locale, 'wbListSeparator'));
    c.add('request', 'wbRequestWrongStatus', {
      value: requestId,
      status: enumLabel('requestStatus', status, c.env.locale),
      allowed: labels,
    });
  }
}

/**
 * IDs of `sheet` (Requests or Tasks) that appear on more than one row, as a copied row leaves
 * them: a problem on each of those rows (SPEC §3.1).
 */
export function duplicateIdProblems(
  sheet: 'requests' | 'tasks',
  rows: readonly { readonly id: string; readonly rowNumber: number }[],
  locale: Locale,
): Problem[] {
  const problems: Problem[] = [];
  const field = columnLabel(columnDef(sheet, 'id'), locale);
  for (const [id, numbers] of duplicateIds(rows)) {
    for (const row of numbers) {
      problems.push({
        sheet,
        row,
        field: 'id',
        message: 'wbDuplicateId',
        params: { field, value: id, rows: numbers.join(', ') },
        level: 'error',
      });
    }
  }
  return problems;
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
    if (expected - pct > rules.lagThreshold && (reason === '' || NO_DELAY.includes(reason))) {
      c.add('delayReason', 'wbDelayReasonRequired', { expected, value: pct });
    }
  }
  return c.problems;
}

/** The task cells a valid progress entry changes: %, last update and, when it moves, status. */
export function progressEffect(task: TaskSnapshot, pct: number, at: Date, locale: Locale): RecordOf<'tasks'> {
  const changes: RecordOf<'tasks'> = { pct, lastUpdate: at };
  if (pct >= 100 && (task.status === undefined || task.status === 'notStarted' || task.status === 'inProgress')) {
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

// ---------------------------------------------------------------- communications

export function checkCommunication(record: RecordOf<'communications'>, env: WorkflowEnv, row?: number): Problem[] {
  const c = new Checker('communications', record, env, row);
  c.date('date', true);
  c.required('topic');
  const hasAction = !isBlank(record.actions);
  c.person('actionOwner', hasAction);
  c.date('actionDue', false);
  c.enumeration('actionStatus', 'actionStatus');
  return c.problems;
}
