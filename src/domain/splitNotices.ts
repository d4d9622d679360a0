/**
 * Splits not submitted for sign-off, told to the coordinator (SPEC §3.6: work starts only through
 * sign-off; §3.3): a request still 已立项 whose tasks are on the sheet is a split nobody sent to its
 * heads. Validate shows it at once (app/validate.ts); after one working day it is an L1 notice to the
 * request's coordinator, or the Settings coordinators.
 */
import type { TaskItem, TaskRuleScope } from './notice';
import type { SignOffRecord } from './signOffs';
import { unsubmittedSplits } from './splits';

/**
 * Working days a split may wait for its submission: told once a whole working day has passed (as
 * reviewPending and changePending count, §3.3), so a split approved on Monday is told on Wednesday.
 */
const GRACE_DAYS = 1;

export function splitNotices(
  scope: TaskRuleScope,
  tasks: readonly { readonly task: TaskItem }[],
  signOffs: readonly SignOffRecord[],
): void {
  const requests = [...scope.requestsById.values()];
  const splits = unsubmittedSplits(
    requests,
    tasks.map(({ task }) => task),
  );
  if (splits.length === 0) return;
  const { now, calendar, text, add } = scope;
  for (const split of splits) {
    const request = scope.requestsById.get(split.id.trim().toUpperCase());
    if (!request) continue;
    const since = waitingSince(request.approved, split.id, signOffs);
    // Without a time (a request adopted at 已立项) nobody knows how long it waited: told at once.
    const days = since ? calendar.workingDaysBetween(since, now) : undefined;
    if (days !== undefined && days <= GRACE_DAYS) continue;
    add(
      {
        rule: 'splitNotSubmitted',
        item: request.id,
        sheet: 'requests',
        row: request.row,
        title: request.title,
        facts: since ? { count: split.count, since: text(since) } : { count: split.count },
      },
      scope.coordinatorsOf(request.id),
    );
  }
}

/**
 * When the split came to the coordinator to submit: the request's approval, or the latest Return of
 * its split's sign-off (after which the coordinator reworks and submits it again).
 */
function waitingSince(approved: Date | undefined, id: string, signOffs: readonly SignOffRecord[]): Date | undefined {
  let latest = approved?.getTime();
  const ref = id.trim().toUpperCase();
  for (const row of signOffs) {
    if (row.subject !== 'split' || row.decision !== 'return' || !row.decidedAt) continue;
    if (row.ref.trim().toUpperCase() !== ref) continue;
    if (latest === undefined || row.decidedAt.getTime() > latest) latest = row.decidedAt.getTime();
  }
  return latest === undefined ? undefined : new Date(latest);
}
