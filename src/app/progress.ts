/**
 * Progress (SPEC §2.3, §3.6): an append-only log whose newest entry per task is current. A valid
 * entry by someone who may post it (mayPostProgress) gets its owner, time and author, and moves
 * the task's %, last update and status. An entry typed by someone else, or by a user Apps Script
 * does not name, stays as typed and unapplied, with a note saying who may: a coordinator's
 * Validate, or the owner's next edit, applies it then.
 */
import { WorkCalendar } from '../domain/calendar';
import { sheetTitle } from '../domain/schema';
import { parseEnum } from '../domain/enums';
import { isBlank, parseTypedPercent, typedPercentCell } from '../domain/values';
import { hasErrors, type Problem, type RecordOf } from '../domain/workflow';
import { checkProgress, mayPostProgress, progressEffect, type TaskSnapshot } from '../domain/executionFlow';
import { percentShown } from '../gas/percentFormats';
import { asCell, cellString, type TableRow } from '../gas/table';
import { taskRows, taskSnapshot } from './tasks';
import { isCoordinator, recordedAuthor, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

type ProgressRow = TableRow<keyof RecordOf<'progress'> & string>;

export type ProgressDraft = Pick<
  RecordOf<'progress'>,
  'task' | 'summary' | 'pct' | 'planned' | 'actual' | 'delayReason' | 'mitigation' | 'reviewer' | 'note'
>;

const DRAFT_FIELDS = [
  'task',
  'summary',
  'pct',
  'planned',
  'actual',
  'delayReason',
  'mitigation',
  'reviewer',
  'note',
] as const;

/**
 * Checks an entry against its task and, when valid, returns the cells to append and applies it
 * to the task row (not yet written). Problems otherwise.
 */
function applyEntry(
  wb: Workbook,
  record: RecordOf<'progress'>,
  row?: number,
  shownAsPercent?: boolean,
): { problems: Problem[]; computed?: RecordOf<'progress'> } {
  const id = String(record.task ?? '').trim();
  const holders = taskRows(wb).get(id.toUpperCase()) ?? [];
  if (holders.length > 1) return { problems: [duplicatedTask(wb, id, holders, row)] };
  const [taskRow] = holders;
  const snapshot = taskRow ? taskSnapshot(taskRow, wb) : undefined;
  const calendar = new WorkCalendar(wb.settings);
  const rules = { calendar, lagThreshold: wb.settings.lagThreshold };
  // At the sidebar, who may post is told before what the entry lacks (SPEC §4): an outsider would
  // fix fields in vain. A row typed into the sheet keeps each cell's own note, refusal included.
  const refusal = snapshot ? progressRefusal(wb, snapshot, row === undefined ? 'sidebar' : 'sheet') : undefined;
  if (refusal && row === undefined) return { problems: [refusal] };
  const problems = checkProgress(record, snapshot, wb.env(), rules, row, shownAsPercent);
  if (hasErrors(problems) || !taskRow || !snapshot) return { problems };
  if (refusal) return { problems: [...problems, { ...refusal, row }] };
  // checkProgress refused every % that does not read as a number.
  const pct = parseTypedPercent(record.pct, shownAsPercent) as number;
  for (const [key, value] of Object.entries(progressEffect(snapshot, pct, wb.now, wb.locale))) {
    taskRow.set(key as never, value);
  }
  // What an L3 quotes of the entry, carried beside its % (SPEC §3.7): the scan reads it here.
  taskRow.set('progressSummary', cellString(asCell(record.summary)));
  taskRow.set('delayReason', cellString(asCell(record.delayReason)));
  return {
    problems,
    computed: { task: snapshot.id, owner: snapshot.owner, updatedAt: wb.now, updatedBy: recordedAuthor(wb), pct },
  };
}

/** Why the active user may not post progress on the task now, if they may not (also what blocking it asks, app/block.ts). */
export function progressRefusal(
  wb: Workbook,
  task: TaskSnapshot,
  /** Where the entry comes from: a row typed into the sheet is told it was kept as typed. */
  from: 'sheet' | 'sidebar' = 'sheet',
): Problem | undefined {
  const refusal = (message: string): Problem => ({
    sheet: 'progress',
    field: 'task',
    message: 'wbRefused',
    params: { message },
    level: 'error',
  });
  const request = wb
    .optionalTable('requests')
    ?.records()
    .find((r) => r.text('id').toUpperCase() === task.request.toUpperCase());
  // Work starts only through sign-off (SPEC §3.6): a split waiting for its heads, or never
  // submitted, has not started, and its tasks stay 未开始.
  const status = request ? parseEnum('requestStatus', request.get('status')) : undefined;
  if (status === 'signOff') return refusal(wb.text('wbSplitAwaitingSignOff', { id: task.id, request: task.request }));
  if (request && status !== 'executing') {
    return refusal(wb.text('wbProgressBeforeExecution', { id: task.id, request: task.request }));
  }
  if (mayPostProgress(task, wb.user, wb.directory(), isCoordinator(wb))) return undefined;
  const params = { id: task.id, owner: wb.nameOf(task.owner), user: recordedAuthor(wb) };
  if (from === 'sidebar')
    return refusal(wb.text(wb.user === '' ? 'sidebarProgressUnknownUser' : 'sidebarProgressNotAllowed', params));
  return refusal(wb.text(wb.user === '' ? 'wbProgressUnknownUser' : 'wbProgressNotAllowed', params));
}

/** Progress for an ID that several Tasks rows hold would move one of them at random: refused, naming the rows. */
function duplicatedTask(wb: Workbook, id: string, holders: readonly TableRow<string>[], row?: number): Problem {
  return {
    sheet: 'progress',
    field: 'task',
    message: 'wbTaskIdDuplicated',
    params: {
      value: id,
      sheet: wb.sheet('tasks')?.getName() ?? sheetTitle('tasks', wb.locale),
      rows: holders.map((holder) => holder.rowNumber).join(', '),
    },
    level: 'error',
    ...(row === undefined ? {} : { row }),
  };
}

export function postProgress(wb: Workbook, draft: ProgressDraft): ActionResult {
  const table = wb.table('progress', ['task', 'pct', 'updatedAt']);
  wb.table('tasks', ['id', 'pct', 'lastUpdate', 'status']);
  const record: RecordOf<'progress'> = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, draft[key]]));
  const { problems, computed } = applyEntry(wb, record);
  if (!computed) return wb.failure(problems);
  table.append({ ...record, ...computed, pct: typedPercentCell(computed.pct as number) });
  wb.commit();
  return { ok: true, message: wb.text('wbProgressPosted', { id: String(computed.task), pct: String(computed.pct) }) };
}

/** Entries typed into the sheet that the add-on has not stamped yet are checked and applied in order. */
export function syncProgress(wb: Workbook): Problem[] {
  const table = wb.table('progress', ['task', 'pct', 'updatedAt']);
  wb.table('tasks', ['id', 'pct', 'lastUpdate', 'status']);
  const problems: Problem[] = [];
  const pending = table
    .records()
    .filter((r: ProgressRow) => isBlank(r.get('updatedAt')) && wb.acts('progress', r.rowNumber));
  if (pending.length === 0) return problems;
  const shown = percentShown(table, 'pct');
  for (const row of pending) {
    const record = table.recordOf(row);
    const result = applyEntry(wb, record, row.rowNumber, shown[row.rowNumber - 2]);
    problems.push(...result.problems);
    if (!result.computed) continue;
    const { owner, updatedAt, updatedBy } = result.computed;
    row.set('owner', owner);
    row.set('updatedAt', updatedAt);
    row.set('updatedBy', updatedBy);
  }
  return problems;
}
