/**
 * The rules of one task (SPEC §3.3): overdue, blocked, final hours, no owner, lagging, failed
 * acceptance, dependency risk, due soon, stale; called per task by findNotices (notices.ts).
 * Due soon, stale and lagging only once the task's request is 执行中 (SPEC §3.6, §2.9): before its
 * split is signed off the work has not started.
 */
import { dateText } from './dateText';
import type { CivilDay, WorkCalendar } from './calendar';
import { isOpenWork, type TaskHealth } from './health';
import { normalId, RULE_LEVEL, type AcceptanceItem, type TaskEntry, type TaskItem, type TaskRuleScope } from './notice';
import type { OwnerCheck } from './owner';
import { deliveryKey, HOUR_MS } from './told';

/**
 * The notices of one task. A function of its own, called per task: as the body of findNotices'
 * loop, optimizing the hot loop meant compiling all of findNotices and its closures (~90 ms).
 */
export function taskNotices(scope: TaskRuleScope, task: TaskItem, health: TaskHealth, started: boolean): void {
  if (task.status === 'done' || task.status === 'cancelled') return;
  const { now, settings, calendar, today, text, head, add } = scope;
  const owner = scope.ownerOf(task.owner);
  const c = health.conditions;
  // Most tasks raise nothing: told apart by what every rule below needs, before building anything.
  if (
    c.size === 0 &&
    task.dependsOn.length === 0 &&
    task.status !== 'awaitingAcceptance' &&
    scope.failures.size === 0 &&
    !needsOwner(task, owner)
  )
    return;
  const ownerEmail = owner.ok ? owner.email : undefined;
  const coordinators = scope.coordinatorsOf(task.request);
  const base = { item: task.id, sheet: 'tasks' as const, row: task.row, title: task.name };
  // Only the rules of a health condition quote the due date; most tasks have none.
  const due = task.due && c.size > 0 ? text(task.due) : '';

  if (needsOwner(task, owner)) {
    add({ ...base, rule: 'noOwner', facts: { owner: task.owner } }, [head(task.dept), ...coordinators]);
  }
  if (c.has('overdue') && health.dueAt) {
    const days = Math.max(1, calendar.workingDaysBetween(health.dueAt, today));
    add({ ...base, rule: 'overdue', facts: { due, days, pct: task.pct } }, [ownerEmail, head(task.dept)], coordinators);
  }
  if (c.has('blocked')) {
    add({ ...base, rule: 'blocked', facts: { due, pct: task.pct } }, [ownerEmail, head(task.dept)], coordinators);
  }
  if (c.has('finalHours') && health.dueAt) {
    const hours = Math.max(0, Math.ceil((health.dueAt.getTime() - now.getTime()) / HOUR_MS));
    add(
      { ...base, rule: 'finalHours', facts: { due, hours, pct: task.pct } },
      [ownerEmail, head(task.dept)],
      coordinators,
    );
  }
  if (started && c.has('lagging') && health.expectedPct !== undefined) {
    const facts = { pct: task.pct, expected: health.expectedPct, gap: Math.round(health.expectedPct - task.pct), due };
    add({ ...base, rule: 'lagging', facts }, [ownerEmail, head(task.dept)]);
  }
  // Final hours already warns at L2; a second, milder reminder would be noise.
  if (started && c.has('dueSoon') && !c.has('finalHours')) {
    add({ ...base, rule: 'dueSoon', facts: { due, pct: task.pct } }, [ownerEmail]);
  }
  if (started && c.has('stale')) {
    const since = task.lastUpdate ?? task.start;
    const facts = { days: since ? calendar.workingDaysBetween(since, today) : 0, lastUpdate: since ? text(since) : '' };
    add({ ...base, rule: 'stale', facts }, [ownerEmail]);
  }
  if (task.dependsOn.length > 0 && isOpenWork(task.status)) {
    const risk = predecessorRisk(task, scope.taskById, today, calendar, settings.dependencyLeadDays);
    if (risk.overdue.length > 0 || risk.soon.length > 0) {
      const facts = { overdue: risk.overdue.join(', '), soon: risk.soon.join(', ') };
      add({ ...base, rule: 'dependency', facts }, [ownerEmail], risk.overdue.length > 0 ? coordinators : []);
    }
  }
  if (task.status === 'awaitingAcceptance' && task.lastUpdate) {
    const days = calendar.workingDaysBetween(task.lastUpdate, today);
    if (days > settings.acceptanceDays) {
      const request = scope.requestsById.get(normalId(task.request));
      const leadHead = head(request?.lead || task.dept);
      add(
        { ...base, rule: 'acceptancePending', facts: { days, since: text(task.lastUpdate) } },
        [scope.email(request?.requester ?? ''), leadHead],
        [],
        coordinators,
      );
    }
  }
  const failure = scope.failures.size > 0 ? scope.failures.get(normalId(task.id)) : undefined;
  if (failure) {
    const { acceptance, count } = failure;
    const date = acceptance.date ? text(acceptance.date) : '';
    const notice = {
      ...base,
      rule: 'acceptanceFailed' as const,
      occurrence: `${date} #${count}`.trim(),
      facts: { deliverable: acceptance.deliverable || task.name, reason: acceptance.reason, date },
    };
    // Each failure is told once, not again after the cooldown: only who has not heard of it yet.
    const owners = ownerEmail ? [ownerEmail] : coordinators;
    const untold = owners.filter(
      (recipient) => !scope.wasTold(deliveryKey({ ...notice, level: RULE_LEVEL.acceptanceFailed }, recipient)),
    );
    if (untold.length > 0 || owners.length === 0) add(notice, untold);
  }
}

/** SPEC §3.1: an empty owner is fine only before the task starts; anything invalid is not. */
export function needsOwner(task: TaskItem, owner: OwnerCheck): boolean {
  if (owner.ok) return false;
  if (owner.problem === 'empty') return task.status !== undefined && task.status !== 'notStarted';
  return true;
}

/**
 * Per task, its latest applied acceptance row when that row is a Fail, with the number of failures
 * so far: the Acceptance sheet is a log (newest row last), and a later Pass supersedes a failure.
 * The count tells a second failure from the first even when both carry the same typed date.
 */
export function latestFailures(
  rows: readonly AcceptanceItem[],
): Map<string, { acceptance: AcceptanceItem; count: number }> {
  const latest = new Map<string, AcceptanceItem>();
  const failed = new Map<string, number>();
  for (const row of [...rows].sort((a, b) => a.row - b.row)) {
    if (!row.applied) continue;
    const id = normalId(row.task);
    latest.set(id, row);
    if (row.result === 'fail') failed.set(id, (failed.get(id) ?? 0) + 1);
  }
  const result = new Map<string, { acceptance: AcceptanceItem; count: number }>();
  for (const [id, acceptance] of latest)
    if (acceptance.result === 'fail') result.set(id, { acceptance, count: failed.get(id) ?? 1 });
  return result;
}

export function predecessorRisk(
  task: TaskItem,
  taskById: (id: string) => TaskEntry | undefined,
  today: CivilDay,
  calendar: WorkCalendar,
  leadDays: number,
) {
  const overdue: string[] = [];
  const soon: string[] = [];
  for (const id of task.dependsOn) {
    const predecessor = taskById(id);
    if (!predecessor || !isOpenWork(predecessor.task.status) || !predecessor.health.dueAt) continue;
    const label = `${predecessor.task.id} ${predecessor.task.name} (${dateText(predecessor.task.due ?? predecessor.health.dueAt, calendar)})`;
    if (predecessor.health.conditions.has('overdue')) overdue.push(label);
    else if (calendar.workingDaysBetween(today, predecessor.health.dueAt) <= leadDays) soon.push(label);
  }
  return { overdue, soon };
}
