/**
 * Requests (SPEC §2.1): submit with an XQ ID, approve / return / reject with notes, and keep
 * rows typed into the sheet current (ID and submission time once complete, approval time).
 */
import { nextRequestId } from '../domain/ids';
import { enumLabel, parseEnum } from '../domain/enums';
import { isBlank } from '../domain/values';
import { hasErrors, type Problem, type RecordOf } from '../domain/workflow';
import {
  checkRequest,
  CLOSABLE,
  duplicateIdProblems,
  requestComplete,
  reviewRequest,
  type ReviewInput,
} from '../domain/requestFlow';
import type { TableRow } from '../gas/table';
import { isCoordinator, UserError, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

type RequestRow = TableRow<keyof RecordOf<'requests'> & string>;

/** What a requester fills in; everything else is set by the add-on or at approval. */
export type RequestDraft = Pick<
  RecordOf<'requests'>,
  'title' | 'dept' | 'requester' | 'contact' | 'goal' | 'depts' | 'expected' | 'resources' | 'attachments'
>;

const DRAFT_FIELDS = [
  'title',
  'dept',
  'requester',
  'contact',
  'goal',
  'depts',
  'expected',
  'resources',
  'attachments',
] as const;

export function submitRequest(wb: Workbook, draft: RequestDraft): ActionResult {
  const table = wb.table('requests', ['id', 'title', 'status', 'submitted']);
  const record: RecordOf<'requests'> = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, draft[key]]));
  const problems = checkRequest(record, wb.env());
  if (hasErrors(problems)) return wb.failure(problems);
  const id = nextRequestId(
    table.records().map((row) => row.text('id')),
    wb.now,
    wb.timeZone,
  );
  table.append({ ...record, id, status: enumLabel('requestStatus', 'pending', wb.locale), submitted: wb.now });
  wb.commit();
  const warnings = problems.map((p) => wb.describe(p));
  return { ok: true, id, message: [wb.text('wbSubmitted', { id }), ...warnings].join('\n') };
}

export function findRequest(wb: Workbook, requestId: string): RequestRow {
  const wanted = requestId.trim().toUpperCase();
  const row = wb
    .table('requests', ['id', 'status'])
    .records()
    .find((r) => r.text('id').toUpperCase() === wanted);
  if (!row) throw new UserError(wb.text('wbUnknownRequest', { value: requestId }));
  return row;
}

export function reviewRequestById(wb: Workbook, requestId: string, input: ReviewInput): ActionResult {
  const row = findRequest(wb, requestId);
  const table = wb.table('requests', ['id', 'status', 'review', 'lead', 'coordinator', 'approved']);
  const record = table.recordOf(row);
  const { problems, changes } = reviewRequest(record, input, wb.user, wb.env(), row.rowNumber);
  if (hasErrors(problems)) return wb.failure(problems);
  // The coordinator is checked by email and written by name (SPEC §2), as every person cell.
  const named = changes.coordinator ? { ...changes, coordinator: wb.nameOf(String(changes.coordinator)) } : changes;
  for (const [key, value] of Object.entries(named)) row.set(key as keyof RecordOf<'requests'> & string, value);
  wb.commit();
  return {
    ok: true,
    id: row.text('id'),
    message: wb.text('wbReviewed', { id: row.text('id'), status: row.text('status') }),
  };
}

/**
 * Rows typed into Requests: a complete row gets its ID, 待审核 and the submission time (the time
 * it was typed: wb.now is the edit's time when the tick handles an edit onEdit left); an approved
 * one its approval time when a coordinator runs it. Returns every row's problems.
 */
export function syncRequests(wb: Workbook): Problem[] {
  const table = wb.table('requests', ['id', 'title', 'status', 'submitted']);
  const env = wb.env();
  const ids = table.records().map((row) => row.text('id'));
  const problems: Problem[] = [];
  for (const row of table.records()) {
    const record = table.recordOf(row);
    const rowProblems = checkRequest(record, env, row.rowNumber);
    problems.push(...rowProblems);
    if (!wb.acts('requests', row.rowNumber)) continue;
    if (row.text('id') === '' && !hasErrors(rowProblems)) {
      const id = nextRequestId(ids, wb.now, wb.timeZone);
      ids.push(id);
      row.set('id', id);
      if (isBlank(row.get('submitted'))) row.set('submitted', wb.now);
      if (isBlank(row.get('status'))) row.set('status', enumLabel('requestStatus', 'pending', wb.locale));
    }
    // 已立项 without an approval time: typed by a coordinator (the guard refused anyone else's), or
    // adopted, or typed by an editor Apps Script did not name. A coordinator's run stamps it; any
    // other run leaves it as it stands, with a note asking a coordinator to confirm (SPEC §3.6).
    if (parseEnum('requestStatus', row.get('status')) === 'approved' && isBlank(row.get('approved'))) {
      if (isCoordinator(wb)) row.set('approved', wb.now);
      else problems.push(approvalAwaits(wb, row.rowNumber));
    }
  }
  problems.push(
    ...duplicateIdProblems(
      'requests',
      table.records().map((row) => ({ id: row.text('id'), rowNumber: row.rowNumber })),
      wb.locale,
    ),
  );
  return problems;
}

function approvalAwaits(wb: Workbook, row: number): Problem {
  const params = { coordinators: wb.namesOf(wb.settings.coordinators) };
  return { sheet: 'requests', row, field: 'status', message: 'wbApprovalAwaitsCoordinator', params, level: 'warning' };
}

/** When every live task of a request is done, the request is done and its closing time set. */
export function closeIfComplete(wb: Workbook, requestId: string): void {
  const wanted = requestId.trim().toUpperCase();
  if (wanted === '') return;
  const statuses = wb
    .table('tasks', ['request', 'status'])
    .records()
    .filter((row) => row.text('request').toUpperCase() === wanted)
    .map((row) => parseEnum('taskStatus', row.get('status')));
  if (!requestComplete(statuses)) return;
  const row = wb
    .table('requests', ['id', 'status', 'closed'])
    .records()
    .find((r) => r.text('id').toUpperCase() === wanted);
  const status = parseEnum('requestStatus', row?.get('status'));
  if (!row || !status || !CLOSABLE.includes(status)) return;
  row.set('status', enumLabel('requestStatus', 'done', wb.locale));
  row.set('closed', wb.now);
}
