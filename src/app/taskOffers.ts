/**
 * What the selected task's card offers the active user now (SPEC §4 "forms offer only what the user
 * may do on this row now"): progress and plan changes while the task is open, acceptance to anyone
 * but its owner, blocking to those who may post progress on a task not yet blocked; why they may
 * not post, told before any field; and the % below which the delay reason is required today, from
 * the rule the server checks the entry and the scan judges 滞后 with (domain/health.ts).
 */
import type { TaskCard } from '../contract';
import { resolveEmail } from '../domain/directory';
import { lowestPctNotLagging, plannedPct } from '../domain/health';
import { BLOCKABLE } from './block';
import { progressRefusal } from './progress';
import { taskSnapshot, type TaskRow } from './tasks';
import type { Workbook } from './workbook';

type Offers = Pick<
  TaskCard,
  'takesProgress' | 'mayAccept' | 'takesPlanChange' | 'mayBlock' | 'postRefusal' | 'delayReasonBelowPct' | 'plannedPct'
>;

export function taskOffers(wb: Workbook, row: TaskRow): Offers {
  const task = taskSnapshot(row, wb);
  const open = task.status !== 'done' && task.status !== 'cancelled';
  const refusal = open ? progressRefusal(wb, task, 'sidebar') : undefined;
  const postRefusal = refusal ? String(refusal.params?.['message'] ?? '') : '';
  const owner = resolveEmail(wb.directory(), task.owner);
  const planned = open && task.start && task.due ? plannedPct(task.start, task.due, wb.now, wb.calendar()) : null;
  return {
    takesProgress: open,
    mayAccept: open && wb.user !== '' && owner !== wb.user,
    takesPlanChange: open,
    mayBlock: postRefusal === '' && (task.status === undefined || BLOCKABLE.includes(task.status)),
    postRefusal,
    delayReasonBelowPct: planned === null ? null : lowestPctNotLagging(planned, wb.settings.lagThreshold),
    plannedPct: planned,
  };
}
