/**
 * Progress (SPEC §2.3): an append-only log whose newest entry per task is current. A valid
 * entry gets its owner, time and author, and moves the task's %, last update and status.
 */
import { WorkCalendar } from '../domain/calendar';
import { isBlank, parsePercent } from '../domain/values';
import { checkProgress, hasErrors, progressEffect, type Problem, type RecordOf } from '../domain/workflow';
import type { TableRow } from '../gas/table';
import { taskIndex, taskSnapshot } from './tasks';
import type { Workbook } from './workbook';
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
): { problems: Problem[]; computed?: RecordOf<'progress'> } {
  const tasks = taskIndex(wb);
  const taskRow = tasks.get(
    String(record.task ?? '')
      .trim()
      .toUpperCase(),
  );
  const snapshot = taskRow ? taskSnapshot(taskRow, wb.timeZone) : undefined;
  const calendar = new WorkCalendar(wb.settings);
  const problems = checkProgress(record, snapshot, wb.env(), { calendar, lagThreshold: wb.settings.lagThreshold }, row);
  if (hasErrors(problems) || !taskRow || !snapshot) return { problems };
  const pct = parsePercent(record.pct) ?? 0;
  for (const [key, value] of Object.entries(progressEffect(snapshot, pct, wb.now, wb.locale))) {
    taskRow.set(key as never, value);
  }
  return {
    problems,
    computed: { task: snapshot.id, owner: snapshot.owner, updatedAt: wb.now, updatedBy: wb.user, pct },
  };
}

export function postProgress(wb: Workbook, draft: ProgressDraft): ActionResult {
  const table = wb.table('progress', ['task', 'pct', 'updatedAt']);
  wb.table('tasks', ['id', 'pct', 'lastUpdate', 'status']);
  const record: RecordOf<'progress'> = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, draft[key]]));
  const { problems, computed } = applyEntry(wb, record);
  if (!computed) return wb.failure(problems);
  table.append({ ...record, ...computed });
  wb.commit();
  return { ok: true, message: wb.text('wbProgressPosted', { id: String(computed.task), pct: String(computed.pct) }) };
}

/** Entries typed into the sheet that the add-on has not stamped yet are checked and applied in order. */
export function syncProgress(wb: Workbook): Problem[] {
  const table = wb.table('progress', ['task', 'pct', 'updatedAt']);
  wb.table('tasks', ['id', 'pct', 'lastUpdate', 'status']);
  const problems: Problem[] = [];
  for (const row of table.records().filter((r: ProgressRow) => isBlank(r.get('updatedAt')))) {
    const record = Object.fromEntries(table.def.columns.map((c) => [c.key, row.get(c.key)])) as RecordOf<'progress'>;
    const result = applyEntry(wb, record, row.rowNumber);
    problems.push(...result.problems);
    if (!result.computed) continue;
    const { owner, updatedAt, updatedBy } = result.computed;
    row.set('owner', owner);
    row.set('updatedAt', updatedAt);
    row.set('updatedBy', updatedBy);
  }
  return problems;
}
