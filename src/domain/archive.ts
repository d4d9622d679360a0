/**
 * What "Archive completed" moves (SPEC §2.8): requests 已完成 for more than archiveAfterDays, with
 * their tasks, progress, communications and acceptances, into one archive sheet per year of
 * closing (归档 YYYY). Rows that also concern a request still live stay where they are.
 */
import { dayKeyIn } from './calendar';
import type { RequestStatus } from './schema';
import { requestsMentioned } from './retrospective';

const DAY_MS = 86_400_000;

export interface ArchiveCandidate {
  readonly id: string;
  readonly status: RequestStatus | undefined;
  readonly closed: Date | undefined;
}

/** Upper-case request ID → year its archive sheet is named after. */
export type ArchivePlan = ReadonlyMap<string, number>;

export function requestsToArchive(
  requests: readonly ArchiveCandidate[],
  now: Date,
  archiveAfterDays: number,
  timeZone: string,
): ArchivePlan {
  const plan = new Map<string, number>();
  for (const request of requests) {
    if (request.id === '' || request.status !== 'done' || !request.closed) continue;
    if (now.getTime() - request.closed.getTime() < archiveAfterDays * DAY_MS) continue;
    plan.set(request.id.toUpperCase(), Number(dayKeyIn(request.closed, timeZone).slice(0, 4)));
  }
  return plan;
}

/**
 * The archived request a row belongs to, or undefined to keep it: `ids` are what the row names
 * (request ID, task ID, or a reference cell). A row that mentions any live request stays.
 */
export function archivedRequestOf(
  plan: ArchivePlan,
  references: readonly string[],
  taskRequests: ReadonlyMap<string, string>,
): string | undefined {
  const mentioned = [...new Set(references.flatMap((ref) => requestsMentioned(ref, taskRequests)))];
  if (mentioned.length === 0 || !mentioned.every((id) => plan.has(id))) return undefined;
  return mentioned[0];
}
