/**
 * Plan changes (SPEC §2.6, §2.9): a new due date is requested with a reason and decided by every
 * affected department head's sign-off (signOffChange = all-heads) or by a coordinator. Approval
 * moves the task's due date; the baseline keeps the original plan.
 */
import { enumLabel, parseEnum } from '../domain/enums';
import { isBlank } from '../domain/values';
import { hasErrors, type Problem, type RecordOf } from '../domain/workflow';
import { checkPlanChange, planChangeEffect } from '../domain/executionFlow';
import type { TableRow } from '../gas/table';
import { taskIndex, taskSnapshot } from './tasks';
import { changeSigners, openRound } from './signOffs';
import { isCoordinator, recordedAuthor, UserError, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

type ChangeRow = TableRow<keyof RecordOf<'planChanges'> & string>;

export type PlanChangeDraft = Pick<RecordOf<'planChanges'>, 'task' | 'newDue' | 'reason' | 'impact'>;

const DRAFT_FIELDS = ['task', 'newDue', 'reason', 'impact'] as const;

function checkAgainstTask(wb: Workbook, record: RecordOf<'planChanges'>, row?: number) {
  wb.table('tasks', ['id', 'due', 'baseline']);
  const taskRow = taskIndex(wb).get(
    String(record.task ?? '')
      .trim()
      .toUpperCase(),
  );
  const snapshot = taskRow ? taskSnapshot(taskRow, wb) : undefined;
  return { taskRow, snapshot, problems: checkPlanChange(record, snapshot, wb.env(), row) };
}

export function requestPlanChange(wb: Workbook, draft: PlanChangeDraft): ActionResult {
  const table = wb.table('planChanges', ['task', 'newDue', 'status', 'requestedAt']);
  const record: RecordOf<'planChanges'> = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, draft[key]]));
  const { taskRow, snapshot, problems } = checkAgainstTask(wb, record);
  if (hasErrors(problems) || !taskRow || !snapshot) return wb.failure(problems);
  table.append({
    ...record,
    task: snapshot.id,
    oldDue: taskRow.get('due'),
    requestedBy: recordedAuthor(wb),
    requestedAt: wb.now,
    status: enumLabel('changeStatus', 'pending', wb.locale),
  });
  const signers = openChangeRound(wb, snapshot.id, snapshot.dept);
  wb.commit();
  const requested = wb.text('wbChangeRequested', { id: snapshot.id });
  return {
    ok: true,
    message:
      signers.length > 0 ? `${requested}\n${wb.text('wbSignOffOpened', { signers: wb.namesOf(signers) })}` : requested,
  };
}

/** Who signs a plan change of the task: its affected heads under all-heads, nobody (a coordinator decides) otherwise. */
export function changeSignersOf(wb: Workbook, taskId: string, dept: string): string[] {
  return wb.settings.signOffChange === 'all-heads' ? changeSigners(wb, taskId, dept) : [];
}

/** Opens the sign-off round of a change just requested; returns its signers. */
function openChangeRound(wb: Workbook, taskId: string, dept: string): string[] {
  const signers = changeSignersOf(wb, taskId, dept);
  if (signers.length > 0) openRound(wb, 'change', taskId, signers);
  return signers;
}

/**
 * Who may decide the change by its status (a menu, or typing 批准/驳回): nobody while its heads
 * sign it off, otherwise a coordinator. The refusal names who may, in the user's language.
 */
function decisionRefusal(wb: Workbook, taskId: string, dept: string): string | undefined {
  const signers = changeSignersOf(wb, taskId, dept);
  if (signers.length > 0) return wb.text('wbChangeBySignOff', { signers: wb.namesOf(signers) });
  if (isCoordinator(wb)) return undefined;
  return wb.text('wbOnlyCoordinatorDecides', { coordinators: wb.namesOf(wb.settings.coordinators) });
}

/** Approves or rejects the pending plan change on a sheet row. */
export function decidePlanChange(wb: Workbook, rowNumber: number, approve: boolean): ActionResult {
  const table = wb.table('planChanges', ['task', 'newDue', 'status', 'decidedAt']);
  const row = table.records().find((r) => r.rowNumber === rowNumber);
  if (!row) throw new UserError(wb.text('wbNotOnSelectedRow', { sheet: table.sheet.getName() }));
  const status = parseEnum('changeStatus', row.get('status')) ?? 'pending';
  if (status !== 'pending') {
    throw new UserError(wb.text('wbChangeDecided', { status: enumLabel('changeStatus', status, wb.locale) }));
  }
  const refusal = decisionRefusal(
    wb,
    row.text('task'),
    taskIndex(wb).get(row.text('task').toUpperCase())?.text('dept') ?? '',
  );
  if (refusal) throw new UserError(refusal);
  row.set('status', enumLabel('changeStatus', approve ? 'approved' : 'rejected', wb.locale));
  const problems = decide(wb, row);
  if (hasErrors(problems)) return wb.failure(problems);
  wb.commit();
  return { ok: true, message: wb.text('wbReviewedChange', { id: row.text('task'), status: row.text('status') }) };
}

/**
 * The pending change of a task settled by its sign-off round: approved when every head agreed,
 * rejected on a Return. Returns the problems that kept it from applying.
 */
export function settleChange(wb: Workbook, taskId: string, approve: boolean): Problem[] {
  const wanted = taskId.trim().toUpperCase();
  const row = wb
    .table('planChanges', ['task', 'status', 'decidedAt'])
    .records()
    .filter((r) => r.text('task').toUpperCase() === wanted && isBlank(r.get('decidedAt')))
    .at(-1);
  if (!row) return [];
  row.set('status', enumLabel('changeStatus', approve ? 'approved' : 'rejected', wb.locale));
  return decide(wb, row);
}

/** Applies a decided change once: decidedAt marks it as applied. */
function decide(wb: Workbook, row: ChangeRow): Problem[] {
  const record = wb.table('planChanges').recordOf(row);
  const { taskRow, problems } = checkAgainstTask(wb, record, row.rowNumber);
  const newDue = wb.readDate(record.newDue);
  if (hasErrors(problems) || !taskRow || !newDue) return problems;
  if (parseEnum('changeStatus', record.status) === 'approved') {
    const task = Object.fromEntries(
      wb.table('tasks').def.columns.map((c) => [c.key, taskRow.get(c.key)]),
    ) as RecordOf<'tasks'>;
    for (const [key, value] of Object.entries(planChangeEffect(task, newDue))) taskRow.set(key as never, value);
  }
  row.set('decidedAt', wb.now);
  if (isBlank(row.get('decidedBy'))) row.set('decidedBy', recordedAuthor(wb));
  return problems;
}

/**
 * Rows typed into Plan changes: a new one is stamped (old due, requester, time, 待批) once
 * valid; one whose status a coordinator set to 批准/驳回 is applied once.
 */
export function syncPlanChanges(wb: Workbook): Problem[] {
  const table = wb.table('planChanges', ['task', 'newDue', 'status', 'requestedAt', 'decidedAt']);
  const problems: Problem[] = [];
  for (const row of table.records()) {
    if (!isBlank(row.get('decidedAt')) || !wb.acts('planChanges', row.rowNumber)) continue;
    const record = table.recordOf(row);
    const status = parseEnum('changeStatus', record.status);
    const dept = taskIndex(wb).get(row.text('task').toUpperCase())?.text('dept') ?? '';
    const typedDecision = status === 'approved' || status === 'rejected';
    const refusal = typedDecision ? decisionRefusal(wb, row.text('task'), dept) : undefined;
    if (typedDecision && !refusal) {
      problems.push(...decide(wb, row));
      continue;
    }
    if (refusal) {
      // A decision this run may not apply: the guard already restored one typed by someone who may
      // not decide it, so this one is adopted or by an editor Apps Script did not name. It stays as
      // it stands, unapplied, with a note saying who may (SPEC §3.6: never reverted as a stranger's).
      problems.push(refused(row.rowNumber, refusal, 'warning'));
    }
    const { taskRow, problems: rowProblems } = checkAgainstTask(wb, record, row.rowNumber);
    problems.push(...rowProblems);
    if (hasErrors(rowProblems) || !taskRow || !isBlank(row.get('requestedAt'))) continue;
    row.set('oldDue', taskRow.get('due'));
    row.set('requestedAt', wb.now);
    if (isBlank(row.get('requestedBy'))) row.set('requestedBy', recordedAuthor(wb));
    if (isBlank(row.get('status'))) row.set('status', enumLabel('changeStatus', 'pending', wb.locale));
    openChangeRound(wb, taskRow.text('id'), taskRow.text('dept'));
  }
  return problems;
}

/** A typed decision not applied, on the status cell: the message already names who may. */
function refused(row: number, message: string, level: Problem['level']): Problem {
  return { sheet: 'planChanges', row, field: 'status', message: 'wbRefused', params: { message }, level };
}
