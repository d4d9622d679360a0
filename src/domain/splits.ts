/**
 * Splits not submitted for sign-off (SPEC §3.6: work starts only through sign-off): a request
 * still 已立项 whose live tasks are on the sheet has a split nobody sent to its heads, so its tasks
 * take no progress and raise no notices until a coordinator submits it.
 */
import type { RequestStatus, TaskStatus } from './enums';

export interface UnsubmittedSplit {
  readonly id: string;
  readonly row: number;
  /** Its live (not cancelled) tasks. */
  readonly count: number;
}

export function unsubmittedSplits(
  requests: readonly { readonly id: string; readonly row: number; readonly status: RequestStatus | undefined }[],
  tasks: readonly { readonly request: string; readonly status: TaskStatus | undefined }[],
): UnsubmittedSplit[] {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    if (task.status === 'cancelled') continue;
    const key = task.request.trim().toUpperCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return requests
    .filter((request) => request.status === 'approved' && (counts.get(request.id.toUpperCase()) ?? 0) > 0)
    .map((request) => ({ id: request.id, row: request.row, count: counts.get(request.id.toUpperCase())! }));
}
