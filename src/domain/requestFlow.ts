/**
 * The request flow (SPEC §2.1, §2.2, §3.1): what a request and the tasks of its split must hold,
 * reviewing a request, and which requests hold or may take tasks.
 */
import { t, type Locale } from '../i18n/index';
import { dayKeyIn } from './calendar';
import { duplicateIds } from './owner';
import { columnDef, columnLabel } from './schema';
import { enumLabel, parseEnum, type RequestStatus, type TaskStatus } from './enums';
import { cellText, isBlank, parseDate, parseList } from './values';
import { Checker, isVagueGoal, type Problem, type RecordOf, type WorkflowEnv } from './workflow';
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
