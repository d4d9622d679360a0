/**
 * "Import sheet" (SPEC §5): a department's own task list (e.g. 任务 / 负责人 / 截止日期) is
 * mapped by header into Tasks under one approved request. Valid rows are imported; each
 * rejected row is reported with its number and reason; the source sheet is only read.
 */
import { dateOfTyped } from '../domain/dateInput';
import { nextTaskId } from '../domain/ids';
import { mapHeaders, sheetDef, type ColumnKey } from '../domain/schema';
import { enumLabel } from '../domain/enums';
import { cellText, isBlank } from '../domain/values';
import { type Problem, type RecordOf } from '../domain/workflow';
import { checkTask } from '../domain/requestFlow';
import type { SourceSheet } from '../gas/sourceSheet';
import { assertSplittable, taskIndex } from './tasks';
import { findRequest } from './requests';
import { UserError, type Workbook } from './workbook';

export interface ImportResult {
  readonly imported: readonly string[];
  /** Source rows whose task the request already has (an earlier import of the same list): left out. */
  readonly alreadyPresent: readonly number[];
  /** Problems by source row; errors rejected the row, warnings did not. */
  readonly problems: readonly Problem[];
}

/**
 * What makes a task the same one when a list is imported again: its name and responsible department
 * (as the import fills it in), trimmed and case-folded. Its request is the one being imported into.
 */
function sameTaskKey(name: unknown, dept: unknown): string {
  return `${cellText(name).toLowerCase()}\u0000${cellText(dept).toLowerCase()}`;
}

/** Columns a task list must have to be imported at all. */
const NEEDED: readonly ColumnKey<'tasks'>[] = ['name', 'owner', 'due'];
/** Filled by the add-on, never taken from a source list. */
const COMPUTED: readonly ColumnKey<'tasks'>[] = ['id', 'request', 'baseline', 'pct', 'lastUpdate', 'health'];

export function importTasks(wb: Workbook, source: SourceSheet, requestId: string): ImportResult {
  const request = findRequest(wb, requestId);
  assertSplittable(wb, request);
  const [headers = [], ...rows] = source.values();
  const def = sheetDef('tasks');
  const positions = mapHeaders(def, headers);
  const absent = NEEDED.filter((key) => positions[key] === undefined);
  if (absent.length > 0) {
    const labels = def.columns.filter((c) => absent.includes(c.key)).map((c) => (wb.locale === 'en' ? c.en : c.zh));
    throw new UserError(
      wb.text('wbImportMissing', { sheet: source.name(), columns: labels.join(wb.text('wbListSeparator')) }),
    );
  }
  const table = wb.table('tasks', ['id', 'request', 'name', 'owner', 'due']);
  const ids = [...taskIndex(wb).keys()];
  const requestKey = request.text('id').toUpperCase();
  // Skipped, not updated: the task may have been edited in Tasks since it was imported.
  const present = new Set(
    table
      .records()
      .filter((row) => row.text('request').toUpperCase() === requestKey)
      .map((row) => sameTaskKey(row.get('name'), row.get('dept'))),
  );
  const imported: string[] = [];
  const alreadyPresent: number[] = [];
  const problems: Problem[] = [];
  rows.forEach((cells, i) => {
    if (cells.every((cell) => isBlank(cell))) return;
    const record: RecordOf<'tasks'> = {};
    for (const column of def.columns) {
      const index = positions[column.key];
      if (index === undefined || COMPUTED.includes(column.key)) continue;
      const cell = cells[index];
      // A date the list keeps as text ("2024.8.20") or digits goes into Tasks as a date, never as text.
      const isDateColumn = column.type === 'date' || column.type === 'datetime';
      const typed = isDateColumn && (typeof cell === 'string' || typeof cell === 'number') ? cell : undefined;
      record[column.key] = (typed !== undefined && dateOfTyped(typed, wb.sheetTimeZone)) || cell;
    }
    const id = nextTaskId(request.text('id'), ids);
    const complete: RecordOf<'tasks'> = {
      ...record,
      id,
      request: request.text('id'),
      dept: isBlank(record.dept) ? request.get('lead') : record.dept,
      status: isBlank(record.status) ? enumLabel('taskStatus', 'notStarted', wb.locale) : record.status,
    };
    const key = sameTaskKey(complete.name, complete.dept);
    if (present.has(key)) {
      alreadyPresent.push(i + 2);
      return;
    }
    const context = {
      requests: new Map([[request.text('id').toUpperCase(), 'approved' as const]]),
      taskIds: new Set([...ids, id]),
    };
    const rowProblems = checkTask(complete, wb.env(), context, i + 2).map((p) =>
      // A list without a deliverable column is imported; the standard is filled in afterwards.
      p.field === 'deliverable' && positions.deliverable === undefined ? { ...p, level: 'warning' as const } : p,
    );
    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.level === 'error')) return;
    ids.push(id);
    imported.push(id);
    present.add(key);
    table.append({ ...complete, baseline: complete.due });
  });
  wb.commit();
  return { imported, alreadyPresent, problems };
}
