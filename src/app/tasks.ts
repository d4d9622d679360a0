/**
 * Tasks (SPEC §2.2): split an approved request into tasks with RW IDs, keep IDs, baselines and
 * statuses current for rows typed into the sheet, and check every row (one primary owner,
 * duplicate IDs, dates, dependencies).
 */
import { isRequestId, nextTaskId } from '../domain/ids';
import { enumLabel, normalizeLabel, parseEnum, type RequestStatus } from '../domain/enums';
import { isBlank, parsePercent } from '../domain/values';
import { type Problem, type RecordOf } from '../domain/workflow';
import { checkTask, duplicateIdProblems, SPLITTABLE, type TaskContext } from '../domain/requestFlow';
import { type TaskSnapshot } from '../domain/executionFlow';
import type { TableRow } from '../gas/table';
import { findRequest } from './requests';
import { headsOf, latestRounds, roundState } from '../domain/signOffs';
import { openRound, readSignOffs } from './signOffs';
import { isCoordinator, UserError, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

export type TaskRow = TableRow<keyof RecordOf<'tasks'> & string>;

export function taskSnapshot(row: TaskRow, wb: Workbook): TaskSnapshot {
  const pct = parsePercent(row.get('pct'));
  return {
    id: row.text('id'),
    status: parseEnum('taskStatus', row.get('status')),
    start: wb.readDate(row.get('start')),
    due: wb.readDate(row.get('due')),
    owner: row.text('owner'),
    deliverable: row.text('deliverable'),
    request: row.text('request'),
    dept: row.text('dept'),
    assisting: row.text('assisting'),
    pct: isBlank(row.get('pct')) ? undefined : pct,
  };
}

/** Task rows by upper-case ID (the first row wins when an ID is duplicated). */
export function taskIndex(wb: Workbook): Map<string, TaskRow> {
  return new Map([...taskRows(wb)].map(([id, rows]) => [id, rows[0]!]));
}

/** Every Tasks row holding each upper-case ID, in sheet order: more than one when an ID was copied. */
export function taskRows(wb: Workbook): Map<string, TaskRow[]> {
  const rows = new Map<string, TaskRow[]>();
  for (const row of wb.table('tasks', ['id']).records()) {
    const id = row.text('id').toUpperCase();
    if (id === '') continue;
    const holders = rows.get(id);
    if (holders) holders.push(row);
    else rows.set(id, [row]);
  }
  return rows;
}

function taskContext(wb: Workbook, extraIds: readonly string[] = []): TaskContext {
  const requests = new Map<string, RequestStatus | undefined>();
  for (const row of wb.optionalTable('requests')?.records() ?? []) {
    const id = row.text('id').toUpperCase();
    if (id !== '') requests.set(id, parseEnum('requestStatus', row.get('status')));
  }
  const taskIds = new Set([...taskIndex(wb).keys(), ...extraIds.map((id) => id.toUpperCase())]);
  return { requests, taskIds };
}

/**
 * Rows typed into Tasks get what the add-on computes: an ID once they name an approved request,
 * the baseline from the first due date, 未开始 when the status is blank. Returns every problem.
 *
 * IDs and baselines are protected for coordinators (workbookSetup.ts), and the add-on writes as the
 * user who runs it: for anyone else the two stamps wait, marked on the row, for a coordinator's run
 * (the next tick, which runs as its coordinator owner, or Validate).
 */
export function syncTasks(wb: Workbook): Problem[] {
  const table = wb.table('tasks', ['id', 'request', 'name', 'owner', 'due', 'baseline', 'status']);
  const context = taskContext(wb);
  const env = wb.env();
  const problems: Problem[] = [];
  // IDs and baselines block everyone but coordinators (SPEC §3.6): another's row waits, marked,
  // for a coordinator's Validate.
  const mayStamp = isCoordinator(wb);
  const defer = (rowNumber: number) => {
    if (problems.at(-1)?.message === 'wbStampForCoordinator' && problems.at(-1)?.row === rowNumber) return;
    problems.push({ sheet: 'tasks', row: rowNumber, field: 'id', message: 'wbStampForCoordinator', level: 'warning' });
  };
  const ids = table.records().map((row) => row.text('id'));
  const returned = returnedSplits(wb);
  for (const row of table.records()) {
    const record = table.recordOf(row);
    const rowProblems = checkTask(record, env, context, row.rowNumber);
    problems.push(...rowProblems);
    const comment = returned.get(`${row.text('request').toUpperCase()}|${normalizeLabel(row.text('dept'))}`);
    if (comment) problems.push(returnFlag(row.rowNumber, comment));
    const requestStatus = context.requests.get(row.text('request').toUpperCase());
    if (
      row.text('id') === '' &&
      requestStatus &&
      SPLITTABLE.includes(requestStatus) &&
      isRequestId(row.text('request'))
    ) {
      if (mayStamp) {
        const id = nextTaskId(row.text('request').toUpperCase(), ids);
        ids.push(id);
        row.set('id', id);
      } else defer(row.rowNumber);
    }
    const due = wb.readDate(row.get('due'));
    if (due && isBlank(row.get('baseline'))) {
      if (mayStamp) row.set('baseline', row.get('due'));
      else defer(row.rowNumber);
    }
    if (isBlank(row.get('status')) && row.text('name') !== '')
      row.set('status', enumLabel('taskStatus', 'notStarted', wb.locale));
  }
  problems.push(
    ...duplicateIdProblems(
      'tasks',
      table.records().map((row) => ({ id: row.text('id'), rowNumber: row.rowNumber })),
      wb.locale,
    ),
  );
  return problems;
}

/**
 * SPEC §2.9: while a request's latest split round stands returned, the tasks of each returning
 * head's department are flagged with the comment (a warning on the department cell), keyed
 * REQUEST|department.
 */
function returnedSplits(wb: Workbook): Map<string, { signer: string; comment: string }> {
  const flags = new Map<string, { signer: string; comment: string }>();
  if (!wb.sheet('signOffs')) return flags;
  const directory = wb.directory();
  for (const round of latestRounds(readSignOffs(wb)).values()) {
    if (round[0]?.subject !== 'split' || roundState(round) !== 'returned') continue;
    for (const row of round.filter((r) => r.decision === 'return')) {
      for (const dept of directory.departments.filter((d) => headsOf(directory, [d.name]).includes(row.signer)))
        flags.set(`${row.ref.toUpperCase()}|${normalizeLabel(dept.name)}`, {
          signer: wb.nameOf(row.signer),
          comment: row.comment,
        });
    }
  }
  return flags;
}

function returnFlag(row: number, flag: { signer: string; comment: string }): Problem {
  return { sheet: 'tasks', row, field: 'dept', message: 'wbSplitReturnedFlag', params: flag, level: 'warning' };
}

/** What the sidebar or a script sends to split a request: the tasks' own fields. */
export type TaskDraft = Omit<RecordOf<'tasks'>, 'id' | 'request' | 'baseline' | 'pct' | 'lastUpdate' | 'health'>;

/**
 * Splits an approved request into tasks. Every draft is checked (one primary owner, dates,
 * dependencies, which may name tasks of the same split by their 1-based position as "#2");
 * either all are created or none.
 */
export function splitRequest(wb: Workbook, requestId: string, drafts: readonly TaskDraft[]): ActionResult {
  const table = wb.table('tasks', ['id', 'request', 'name', 'owner', 'due']);
  if (!taskContext(wb).requests.has(requestId.trim().toUpperCase())) {
    throw new UserError(wb.text('wbUnknownRequest', { value: requestId }));
  }
  const existing = table.records().map((row) => row.text('id'));
  const ids: string[] = [];
  for (let i = 0; i < drafts.length; i++) ids.push(nextTaskId(requestId.trim().toUpperCase(), [...existing, ...ids]));
  const context = taskContext(wb, ids);
  const env = wb.env();
  const records = drafts.map((draft, i) => ({
    ...draft,
    id: ids[i],
    request: requestId.trim(),
    dependsOn: String(draft.dependsOn ?? '').replace(/#(\d+)/g, (whole, n: string) => ids[Number(n) - 1] ?? whole),
    status: isBlank(draft.status) ? enumLabel('taskStatus', 'notStarted', wb.locale) : draft.status,
  }));
  const problems = records.map((record) => checkTask(record, env, context).filter((p) => p.level === 'error'));
  if (problems.some((list) => list.length > 0)) return splitFailure(wb, problems);
  for (const record of records) table.append({ ...record, baseline: record.due ?? '' });
  const submitted = submitSplit(wb, requestId, records);
  wb.commit();
  return {
    ok: true,
    message: `${wb.text('wbTasksCreated', { ids: ids.join(wb.text('wbListSeparator')) })}\n${submitted}`,
    id: ids.join(','),
  };
}

/**
 * Submits a request's split (SPEC §2.9): under signOffSplit = all-heads the request waits for the
 * head of every responsible department (待会签), its tasks stay 未开始 and raise no notices; with
 * nobody to sign, or under signOffSplit = coordinator, it is in execution at once. Not yet
 * written; returns what happened, in words.
 */
export function submitSplit(wb: Workbook, requestId: string, added: readonly RecordOf<'tasks'>[] = []): string {
  const request = findRequest(wb, requestId);
  assertSplittable(wb, request);
  const id = request.text('id');
  const depts = splitDepts(wb, id, added);
  if (depts.length === 0) throw new UserError(wb.text('wbSplitNoTasks', { id }));
  const signers = wb.settings.signOffSplit === 'all-heads' ? headsOf(wb.directory(), depts) : [];
  if (signers.length === 0) {
    request.set('status', enumLabel('requestStatus', 'executing', wb.locale));
    return wb.text('wbSplitStarted', { id });
  }
  request.set('status', enumLabel('requestStatus', 'signOff', wb.locale));
  openRound(wb, 'split', id, signers);
  return wb.text('wbSignOffOpened', { signers: wb.namesOf(signers) });
}

/** The responsible departments of a request's live tasks, those on the sheet and those `added` by this operation. */
function splitDepts(wb: Workbook, requestId: string, added: readonly RecordOf<'tasks'>[]): string[] {
  const wanted = requestId.toUpperCase();
  const onSheet = wb
    .table('tasks', ['request', 'dept'])
    .records()
    .filter((row) => row.text('request').toUpperCase() === wanted)
    .filter((row) => parseEnum('taskStatus', row.get('status')) !== 'cancelled')
    .map((row) => row.text('dept'));
  return [...onSheet, ...added.map((record) => String(record.dept ?? '').trim())];
}

/** Only an approved request can be split into tasks. */
export function assertSplittable(wb: Workbook, requestRow: TableRow<string>): void {
  const status = parseEnum('requestStatus', requestRow.get('status'));
  if (status && SPLITTABLE.includes(status)) return;
  const allowed = SPLITTABLE.map((s) => enumLabel('requestStatus', s, wb.locale)).join(wb.text('wbListSeparator'));
  const shown = status ? enumLabel('requestStatus', status, wb.locale) : requestRow.text('status');
  throw new UserError(wb.text('wbRequestWrongStatus', { value: requestRow.text('id'), status: shown, allowed }));
}

/** Problems of the i-th draft keyed "i.field", each message saying which task it is about. */
function splitFailure(wb: Workbook, problems: readonly Problem[][]): ActionResult {
  const errors: Record<string, string> = {};
  const lines: string[] = [];
  problems.forEach((list, i) => {
    for (const p of list) {
      errors[`${i}.${p.field}`] ??= wb.text(p.message, p.params);
      lines.push(`${wb.text('wbTaskNumber', { n: i + 1 })} · ${wb.describe(p)}`);
    }
  });
  return { ok: false, message: lines.join('\n'), errors };
}
