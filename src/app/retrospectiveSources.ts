/**
 * What a retrospective reads beyond the request's tasks (issue 25 points 2 and 5): its L3
 * escalations from the Notification log, its requester's ratings (满意度) and the suggestions
 * (改进建议) that mention it or its departments. Sheets a workbook set up earlier lacks read as empty.
 */
import { parseEnum } from '../domain/enums';
import { requestsMentioned } from '../domain/retrospective';
import type { Escalated } from '../domain/retrospectiveCases';
import type { RequestRating, RequestSuggestion } from '../domain/retrospectiveConclusions';
import type { Cell } from '../gas/table';
import { readLogEntries } from './mailLog';
import type { Workbook } from './workbook';

/** Log statuses that mean the L3 went out (or may have: a run that died while sending). */
const TOLD = new Set(['sent', 'dry-run', 'sending', 'unconfirmed']);

/** L3 tellings about the request or one of its tasks. */
export function readEscalations(wb: Workbook, requestId: string, taskIds: ReadonlySet<string>): Escalated[] {
  const wanted = requestId.toUpperCase();
  return readLogEntries(wb)
    .filter((entry) => entry.level === 'L3' && TOLD.has(entry.status ?? ''))
    .filter((entry) => {
      const item = entry.item.trim().toUpperCase();
      return item === wanted || taskIds.has(item);
    })
    .map(({ time, item }) => ({ time, item }));
}

/** A 1–5 score, or undefined for anything else in the cell. */
function score(value: Cell): number | undefined {
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isInteger(number) && number >= 1 && number <= 5 ? number : undefined;
}

/** The request's ratings (kind 需求评价, ref its ID). */
export function readRatings(wb: Workbook, requestId: string): RequestRating[] {
  const wanted = requestId.toUpperCase();
  return (wb.optionalTable('satisfaction')?.records() ?? [])
    .filter((row) => parseEnum('ratingKind', row.get('kind')) === 'request')
    .filter((row) => row.text('ref').trim().toUpperCase() === wanted)
    .map((row) => ({
      rater: wb.nameOf(row.text('rater')),
      overall: score(row.get('overall')),
      clarity: score(row.get('clarity')),
      flow: score(row.get('flow')),
      communication: score(row.get('communication')),
      comment: row.text('comment'),
    }));
}

/**
 * Suggestions whose title or detail mentions the request or one of its tasks, or whose department
 * is one of the request's, filed from the request's submission on (an older one cannot be about it).
 */
export function readSuggestions(
  wb: Workbook,
  request: { readonly id: string; readonly submitted: Date | undefined },
  depts: ReadonlySet<string>,
  taskRequests: ReadonlyMap<string, string>,
): RequestSuggestion[] {
  const wanted = request.id.toUpperCase();
  return (wb.optionalTable('suggestions')?.records() ?? [])
    .filter((row) => {
      const filed = row.get('time');
      if (request.submitted && filed instanceof Date && filed < request.submitted) return false;
      const text = `${row.text('title')}\n${row.text('detail')}`;
      return requestsMentioned(text, taskRequests).includes(wanted) || depts.has(row.text('dept').trim());
    })
    .map((row) => ({
      id: row.text('id'),
      title: row.text('title'),
      detail: row.text('detail'),
      dept: row.text('dept'),
      status: parseEnum('suggestionStatus', row.get('status')),
    }));
}
