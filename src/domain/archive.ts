/**
 * What "Archive completed" moves (SPEC §2.8): requests 已完成 for more than archiveAfterDays, with
 * their tasks, progress, communications and acceptances, into one archive sheet per year of
 * closing (归档 YYYY). Rows that also concern a request still live stay where they are.
 */
import { dayKeyIn, wallDateTime } from './calendar';
import type { ColumnType } from './schema';
import type { RequestStatus } from './enums';
import { CELL_MAX_CHARS, cellText, isDate, parseTypedPercent } from './values';
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

/**
 * How an archived cell reads inside a folded entry: a date as its day (yyyy-MM-dd, with the time
 * when its column holds one) on the spreadsheet's wall clock, a percentage with its %, anything
 * else as its text, exactly as typed.
 */
export function archivedText(value: unknown, type: ColumnType | undefined, timeZone: string): string {
  if (isDate(value)) return type === 'date' ? dayKeyIn(value, timeZone) : wallDateTime(value, timeZone);
  if (type === 'percent' && typeof value === 'number') return `${parseTypedPercent(value) ?? value}%`;
  // Text as typed, spaces included: the archive is the record.
  return typeof value === 'string' ? value : cellText(value);
}

/** One archived row folded into a cell: its number and its non-empty fields as `header: value`. */
export function foldedEntry(number: number, fields: readonly (readonly [string, string])[]): string {
  const shown = fields.filter(([, value]) => value.trim() !== '').map(([header, value]) => `${header}: ${value}`);
  return `[${number}] ${shown.join(' | ')}`;
}

/**
 * Entries as the cells that hold them, one entry a line: a new cell starts where the next entry
 * would pass a cell's character limit (the line it lands on continues the one above), and an
 * entry longer than a whole cell is cut across cells. No entries, no cells.
 */
export function foldedCells(entries: readonly string[], limit: number = CELL_MAX_CHARS): string[] {
  const cells: string[] = [];
  let current = '';
  for (const entry of entries) {
    const joined = current === '' ? entry : `${current}\n${entry}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current !== '') cells.push(current);
    let rest = entry;
    while (rest.length > limit) {
      cells.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    current = rest;
  }
  if (current !== '') cells.push(current);
  return cells;
}
