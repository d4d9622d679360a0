/**
 * Marking a task blocked (SPEC §4, issue 22 point 7): one who may post progress on it says what
 * blocks it; the task goes to 阻塞 and the reason is recorded as a Progress entry (its summary and
 * delay reason, at the task's current %), on the task row as its latest delay reason, and in the
 * Change history, in one save through the same once-only path as progress (sidebarApi's
 * formAction with the client's token). Posting progress afterwards unblocks it
 * (domain/executionFlow.ts progressEffect).
 */
import { enumLabel, type TaskStatus } from '../domain/enums';
import { isBlank, typedPercentCell } from '../domain/values';
import type { Problem } from '../domain/workflow';
import type { TaskSnapshot } from '../domain/executionFlow';
import { progressRefusal } from './progress';
import { taskIndex, taskSnapshot } from './tasks';
import { recordedAuthor, type Workbook } from './workbook';
import type { ActionResult } from '../contract';

/** Statuses a task may be blocked from: work not finished and not yet blocked. */
export const BLOCKABLE: readonly TaskStatus[] = ['notStarted', 'inProgress'];

export interface BlockDraft {
  readonly task: string | Date;
  readonly delayReason: string | Date;
}

function problem(field: string, message: Problem['message'], params?: Problem['params']): Problem {
  return { sheet: 'progress', field, message, level: 'error', ...(params ? { params } : {}) };
}

/** Why this task cannot be blocked now by the active user, if it cannot. */
function blockRefusal(wb: Workbook, task: TaskSnapshot): Problem | undefined {
  if (task.status !== undefined && !BLOCKABLE.includes(task.status)) {
    return problem('task', 'blockWrongStatus', {
      id: task.id,
      status: enumLabel('taskStatus', task.status, wb.locale),
      allowed: BLOCKABLE.map((s) => enumLabel('taskStatus', s, wb.locale)).join(wb.text('wbListSeparator')),
    });
  }
  return progressRefusal(wb, task, 'sidebar');
}

export function markBlocked(wb: Workbook, draft: BlockDraft): ActionResult {
  const progress = wb.table('progress', ['task', 'pct', 'updatedAt']);
  wb.table('tasks', ['id', 'status']);
  const id = String(draft.task).trim();
  const row = taskIndex(wb).get(id.toUpperCase());
  if (!row) return wb.failure([problem('task', 'wbUnknownTask', { value: id })]);
  const task = taskSnapshot(row, wb);
  // Who may, and in which state, is told before what is missing from the form.
  const refusal = blockRefusal(wb, task);
  if (refusal) return wb.failure([refusal]);
  const reason = String(draft.delayReason).trim();
  if (isBlank(reason)) return wb.failure([problem('delayReason', 'wbRequired')]);

  const summary = wb.text('blockedSummary', { reason });
  const pct = task.pct ?? 0;
  progress.append({
    task: task.id,
    summary,
    pct: typedPercentCell(pct),
    delayReason: reason,
    owner: task.owner,
    updatedAt: wb.now,
    updatedBy: recordedAuthor(wb),
  });
  row.set('status', enumLabel('taskStatus', 'blocked', wb.locale));
  row.set('lastUpdate', wb.now);
  row.set('progressSummary', summary);
  row.set('delayReason', reason);
  wb.stated.push({
    sheet: 'tasks',
    item: task.id,
    field: '',
    label: 'blockedHistoryField',
    oldValue: '',
    newValue: reason,
  });
  wb.commit();
  return { ok: true, message: wb.text('sidebarBlocked', { id: task.id }) };
}
