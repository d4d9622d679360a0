/** Sign-off notices (SPEC §2.9, §3.3): pending and overdue sign-offs, and tasks started by a confirmed split. */
import { normalId, RULE_LEVEL, type TaskItem, type TaskRuleScope } from './notice';
import { confirmedSplits, pendingSignOffs, type SignOffRecord } from './signOffs';
import { deliveryKey } from './told';

/**
 * SPEC §2.9: each pending sign-off is 待您签批 (L1) to its signer, and after signOffDays working
 * days an L2 to the signer and the coordinator; once a split is confirmed each of its owners is told
 * once that their task has started (within signOffDays of the confirmation, so a later scan that no
 * longer finds the notice in a trimmed log does not tell them again).
 */
export function signOffNotices(
  scope: TaskRuleScope,
  rows: readonly SignOffRecord[],
  tasks: readonly { readonly task: TaskItem }[],
): void {
  const { now, settings, calendar, text, add } = scope;
  const titleOf = (ref: string) =>
    scope.requestsById.get(normalId(ref))?.title ?? scope.taskById(ref)?.task.name ?? ref;
  const requestOf = (ref: string) => scope.taskById(ref)?.task.request ?? ref;
  // What a head signs (SPEC §4): the split's tasks, a line each, fields tab-separated for the digest to word.
  const splitTasks = (ref: string) =>
    tasks
      .filter(({ task }) => normalId(task.request) === normalId(ref))
      .map(({ task }) => [task.name, task.dept, task.owner, task.due ? text(task.due) : ''].join('\t'))
      .join('\n');
  for (const row of pendingSignOffs(rows)) {
    if (!row.subject || !row.requestedAt) continue;
    const days = calendar.workingDaysBetween(row.requestedAt, now);
    const base = { item: row.ref, sheet: 'signOffs' as const, row: row.row, title: titleOf(row.ref) };
    const facts = {
      subject: row.subject,
      requested: text(row.requestedAt),
      days,
      ...(row.subject === 'split' ? { tasks: splitTasks(row.ref) } : {}),
    };
    if (days > settings.signOffDays) {
      add({ ...base, rule: 'signOffOverdue', facts }, [row.signer, ...scope.coordinatorsOf(requestOf(row.ref))]);
    } else add({ ...base, rule: 'signOffPending', facts }, [row.signer]);
  }
  const confirmed = confirmedSplits(rows);
  if (confirmed.size === 0) return;
  for (const { task } of tasks) {
    const at = confirmed.get(normalId(task.request));
    if (!at || calendar.workingDaysBetween(at, now) > settings.signOffDays) continue;
    if (task.status !== undefined && task.status !== 'notStarted' && task.status !== 'inProgress') continue;
    const owner = scope.ownerOf(task.owner);
    if (!owner.ok) continue;
    const notice = {
      item: task.id,
      sheet: 'tasks' as const,
      row: task.row,
      title: task.name,
      rule: 'taskStarted' as const,
      occurrence: text(at),
      facts: { request: task.request, confirmed: text(at), due: task.due ? text(task.due) : '' },
    };
    if (!scope.wasTold(deliveryKey({ ...notice, level: RULE_LEVEL.taskStarted }, owner.email)))
      add(notice, [owner.email]);
  }
}
