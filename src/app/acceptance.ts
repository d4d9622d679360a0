/**
 * Acceptance (SPEC §2.5): a deliverable is accepted against the task's stated standard.
 * Pass → task 已完成 (and the request 已完成 once every live task is done); Fail → task back to
 * 进行中 with the reason.
 */
import { parseEnum } from '../domain/schema';
import { isBlank } from '../domain/values';
import { acceptanceEffect, checkAcceptance, hasErrors, type Problem, type RecordOf } from '../domain/workflow';
import { closeIfComplete } from './requests';
import { taskIndex, taskSnapshot } from './tasks';
import { recordedAuthor, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

export type AcceptanceDraft = Pick<
  RecordOf<'acceptance'>,
  'task' | 'deliverable' | 'result' | 'reason' | 'acceptedBy' | 'date'
>;

const DRAFT_FIELDS = ['task', 'deliverable', 'result', 'reason', 'acceptedBy', 'date'] as const;

/** Stands in the standard column when the task states none, so the row still reads as applied. */
const NO_STANDARD = '—';

function applyAcceptance(
  wb: Workbook,
  record: RecordOf<'acceptance'>,
  row?: number,
): { problems: Problem[]; computed?: RecordOf<'acceptance'> } {
  wb.table('tasks', ['id', 'status', 'deliverable']);
  const taskRow = taskIndex(wb).get(
    String(record.task ?? '')
      .trim()
      .toUpperCase(),
  );
  const snapshot = taskRow ? taskSnapshot(taskRow, wb) : undefined;
  const problems = checkAcceptance(record, snapshot, wb.env(), row);
  if (hasErrors(problems) || !taskRow || !snapshot) return { problems };
  const passed = parseEnum('acceptanceResult', record.result) === 'pass';
  for (const [key, value] of Object.entries(acceptanceEffect(passed, wb.locale))) taskRow.set(key as never, value);
  if (passed) closeIfComplete(wb, snapshot.request);
  const request = wb
    .optionalTable('requests')
    ?.records()
    .find((r) => r.text('id').toUpperCase() === snapshot.request.toUpperCase());
  return {
    problems,
    computed: {
      task: snapshot.id,
      deliverable: isBlank(record.deliverable) ? taskRow.text('name') : record.deliverable,
      request: snapshot.request,
      lead: request?.text('lead') ?? snapshot.dept,
      depts: request?.text('depts') ?? '',
      standard: snapshot.deliverable || NO_STANDARD,
      acceptedBy: isBlank(record.acceptedBy) ? recordedAuthor(wb) : record.acceptedBy,
      date: isBlank(record.date) ? wb.now : record.date,
    },
  };
}

export function recordAcceptance(wb: Workbook, draft: AcceptanceDraft): ActionResult {
  const table = wb.table('acceptance', ['task', 'result', 'standard']);
  const record: RecordOf<'acceptance'> = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, draft[key]]));
  const { problems, computed } = applyAcceptance(wb, record);
  if (!computed) return wb.failure(problems);
  table.append({ ...record, ...computed });
  wb.commit();
  const passed = parseEnum('acceptanceResult', record.result) === 'pass';
  return { ok: true, message: wb.text(passed ? 'wbAccepted' : 'wbRejectedDeliverable', { id: String(computed.task) }) };
}

/** Rows typed into Acceptance are applied once: the copied standard marks a row as applied. */
export function syncAcceptance(wb: Workbook): Problem[] {
  const table = wb.table('acceptance', ['task', 'result', 'standard']);
  const problems: Problem[] = [];
  for (const row of table.records().filter((r) => isBlank(r.get('standard')))) {
    const record = Object.fromEntries(table.def.columns.map((c) => [c.key, row.get(c.key)])) as RecordOf<'acceptance'>;
    const result = applyAcceptance(wb, record, row.rowNumber);
    problems.push(...result.problems);
    if (!result.computed) continue;
    // Only blank cells and the computed standard are filled; what the user typed stays.
    for (const [key, value] of Object.entries(result.computed)) {
      const column = key as keyof RecordOf<'acceptance'> & string;
      if (column === 'standard' || isBlank(row.get(column))) row.set(column, value);
    }
  }
  return problems;
}
