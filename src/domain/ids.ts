/**
 * Request and task IDs (SPEC §2.1, §2.2): XQ + yyyyMM + a 3-digit sequence per month, and
 * RW + the request's digits + "-" + a 2-digit sequence per request. Callers hold the document
 * lock and pass every ID already in the sheet, so two users never get the same one.
 */
import { TZDate } from '@date-fns/tz';

const REQUEST_ID = /^XQ(\d{6})(\d{3,})$/i;
const TASK_ID = /^RW(\d{9,})-(\d{2,})$/i;

export function isRequestId(text: string): boolean {
  return REQUEST_ID.test(text.trim());
}

export function isTaskId(text: string): boolean {
  return TASK_ID.test(text.trim());
}

/** yyyyMM of `now` on the wall calendar of `timeZone`. */
export function monthKey(now: Date, timeZone: string): string {
  const wall = new TZDate(now.getTime(), timeZone);
  return `${wall.getFullYear()}${String(wall.getMonth() + 1).padStart(2, '0')}`;
}

/** The next request ID of the month: one past the highest sequence already used that month. */
export function nextRequestId(existing: readonly string[], now: Date, timeZone: string): string {
  return nextMonthlyId('XQ', existing, now, timeZone);
}

/** Case library (AL, 案例) and suggestion (JY, 建议) IDs follow the request pattern: prefix + yyyyMM + sequence. */
export const CASE_ID_PREFIX = 'AL';
export const SUGGESTION_ID_PREFIX = 'JY';

/** prefix + yyyyMM + a 3-digit sequence, one past the highest used that month with that prefix. */
export function nextMonthlyId(prefix: string, existing: readonly string[], now: Date, timeZone: string): string {
  const month = monthKey(now, timeZone);
  const pattern = new RegExp(`^${prefix}(\\d{6})(\\d{3,})$`, 'i');
  let highest = 0;
  for (const id of existing) {
    const match = pattern.exec(id.trim());
    if (match && match[1] === month) highest = Math.max(highest, Number(match[2]));
  }
  return `${prefix}${month}${String(highest + 1).padStart(3, '0')}`;
}

/** The next task ID of a request: XQ202407001 → RW202407001-01, -02, … */
export function nextTaskId(requestId: string, existing: readonly string[]): string {
  const request = REQUEST_ID.exec(requestId.trim());
  if (!request) throw new Error(`Not a request ID: ${requestId}`);
  const digits = request.slice(1, 3).join('');
  let highest = 0;
  for (const id of existing) {
    const match = TASK_ID.exec(id.trim());
    if (match && match[1] === digits) highest = Math.max(highest, Number(match[2]));
  }
  return `RW${digits}-${String(highest + 1).padStart(2, '0')}`;
}

/** The request a task ID was made for (RW202407001-01 → XQ202407001); undefined for other IDs. */
export function requestOfTaskId(taskId: string): string | undefined {
  const match = TASK_ID.exec(taskId.trim());
  return match ? `XQ${match[1]}` : undefined;
}
