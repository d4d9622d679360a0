/**
 * One reader per data sheet (SPEC §2) for the scan, the weekly summary and the retrospective. Each
 * reads through the workbook's table, so a sheet is read once per operation however many use
 * cases ask; a missing sheet reads as no rows.
 */
import { type ColumnKey } from '../domain/schema';
import { parseEnum, type EnumCode, type EnumKey } from '../domain/enums';
import { cellString, type Cell, type Table, type TableRow } from '../gas/table';
import type { AcceptanceRecord, ActionRecord, ProgressRecord, RequestRecord, TaskRecord } from '../domain/records';
import { isBlank, parseList, parsePercent, parseTypedPercent } from '../domain/values';
import type { Workbook } from './workbook';

/** What a task row defers to of its latest Progress entry. */
export type LatestEntry = Pick<ProgressRecord, 'pct' | 'at' | 'summary' | 'delayReason'>;

/** The progress a task row defers to: its latest Progress entry, by upper-case task ID. */
export type LatestProgress = ReadonlyMap<string, LatestEntry>;

/**
 * Every non-blank Tasks row, with or without an ID yet; `latest` overrides the typed percentage
 * and, when newer, the typed last update.
 */
export function readTasks(wb: Workbook, latest: LatestProgress): TaskRecord[] {
  return (wb.optionalTable('tasks')?.records() ?? []).map((row) => {
    const id = row.text('id');
    const progress = latest.get(id.toUpperCase());
    const typed = wb.readDate(row.get('lastUpdate'));
    const posted = progress?.at;
    // getTime: parsed dates are valid, and `>` would convert each Date through Symbol.toPrimitive.
    return {
      row: row.rowNumber,
      id,
      name: row.text('name'),
      request: row.text('request'),
      dept: row.text('dept'),
      owner: row.text('owner'),
      dependsOn: parseList(row.get('dependsOn')),
      status: enumOf('taskStatus', row.get('status')),
      start: wb.readDate(row.get('start')),
      due: wb.readDate(row.get('due')),
      baseline: wb.readDate(row.get('baseline')),
      pct: progress?.pct ?? parsePercent(row.get('pct')) ?? 0,
      lastUpdate: posted && (!typed || posted.getTime() > typed.getTime()) ? posted : typed,
      progressSummary: progress?.summary ?? '',
      delayReason: progress?.delayReason ?? '',
    };
  });
}

/** Progress entries that name a task, in sheet order (append-only, so the last one per task is current). */
export function readProgress(wb: Workbook): ProgressRecord[] {
  return (wb.optionalTable('progress')?.records() ?? [])
    .filter((row) => row.text('task') !== '')
    .map((row) => progressRecord(wb, row));
}

/**
 * The percentage and time of the latest accepted entry per task (upper-case ID) in `table` (all
 * of Progress, or the rows since the scan's mark), walking back from the newest row so that only one row per task is parsed: the scan's Progress sheet holds several
 * rows per task. Rows the checks refused carry no update stamp and do not count; blank rows name
 * no task, so every row is walked without filtering them out first.
 */
export function latestAcceptedProgress(wb: Workbook, table: Table<ColumnKey<'progress'>>): LatestProgress {
  const latest = new Map<string, LatestEntry>();
  // A task's rows are usually adjacent: a row naming, as typed, the task of the row just walked
  // that already has its latest entry is skipped without trimming and looking the ID up again.
  let settled: Cell | undefined;
  for (let i = table.rowCount - 1; i >= 0; i--) {
    const typed = table.cell(i, 'task');
    if (typed === settled) continue;
    const task = cellString(typed).toUpperCase();
    if (task === '') continue;
    if (latest.has(task)) {
      settled = typed;
      continue;
    }
    const updatedAt = table.cell(i, 'updatedAt');
    if (isBlank(updatedAt)) continue;
    latest.set(task, {
      pct: parseTypedPercent(table.cell(i, 'pct')),
      at: wb.readDate(updatedAt),
      summary: cellString(table.cell(i, 'summary')),
      delayReason: cellString(table.cell(i, 'delayReason')),
    });
    settled = typed;
  }
  return latest;
}

function progressRecord(wb: Workbook, row: TableRow<ColumnKey<'progress'>>): ProgressRecord {
  const updatedAt = row.get('updatedAt');
  return {
    task: row.text('task'),
    summary: row.text('summary'),
    pct: parseTypedPercent(row.get('pct')),
    delayReason: row.text('delayReason'),
    mitigation: row.text('mitigation'),
    at: wb.readDate(updatedAt),
    by: row.text('updatedBy') || row.text('owner'),
    accepted: !isBlank(updatedAt),
  };
}

/** The last of `entries` per task, by upper-case task ID. */
export function latestProgress(entries: readonly ProgressRecord[]): Map<string, ProgressRecord> {
  const latest = new Map<string, ProgressRecord>();
  for (const entry of entries) latest.set(entry.task.toUpperCase(), entry);
  return latest;
}

/** Every non-blank Requests row, with or without an ID yet. */
export function readRequests(wb: Workbook): RequestRecord[] {
  return (wb.optionalTable('requests')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    id: row.text('id'),
    title: row.text('title'),
    dept: row.text('dept'),
    requester: row.text('requester'),
    depts: parseList(row.get('depts')),
    lead: row.text('lead'),
    coordinator: row.text('coordinator'),
    status: enumOf('requestStatus', row.get('status')),
    expected: wb.readDate(row.get('expected')),
    submitted: wb.readDate(row.get('submitted')),
    approved: wb.readDate(row.get('approved')),
    closed: wb.readDate(row.get('closed')),
  }));
}

/** Every non-blank Communication log row, whether or not it holds an action item. */
export function readActions(wb: Workbook): ActionRecord[] {
  return (wb.optionalTable('communications')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    date: wb.readDate(row.get('date')),
    ref: row.text('ref'),
    topic: row.text('topic'),
    participants: row.text('participants'),
    action: row.text('actions'),
    owner: row.text('actionOwner'),
    due: wb.readDate(row.get('actionDue')),
    status: enumOf('actionStatus', row.get('actionStatus')),
  }));
}

/** Every non-blank Acceptance row. */
export function readAcceptances(wb: Workbook): AcceptanceRecord[] {
  return (wb.optionalTable('acceptance')?.records() ?? []).map((row) => ({
    row: row.rowNumber,
    task: row.text('task'),
    deliverable: row.text('deliverable'),
    result: enumOf('acceptanceResult', row.get('result')),
    reason: row.text('reason'),
    date: wb.readDate(row.get('date')),
    acceptedBy: row.text('acceptedBy'),
    // The add-on copies the standard when it applies a row (see app/acceptance.ts).
    applied: !isBlank(row.get('standard')),
  }));
}

const enumCache = new Map<EnumKey, Map<string, string | undefined>>();

/** parseEnum for a whole column: a sheet holds a handful of distinct labels in thousands of rows. */
export function enumOf<E extends EnumKey>(kind: E, value: unknown): EnumCode<E> | undefined {
  if (typeof value !== 'string') return undefined;
  let labels = enumCache.get(kind);
  if (!labels) enumCache.set(kind, (labels = new Map()));
  let code = labels.get(value);
  if (code === undefined && !labels.has(value)) labels.set(value, (code = parseEnum(kind, value)));
  return code as EnumCode<E> | undefined;
}
