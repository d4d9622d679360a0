/**
 * One guard for every route a value arrives by (SPEC §3.6): a cell typed, many cells pasted,
 * filled or dragged (an edit event without a value), and the edits onEdit could not handle that the
 * tick handles later as their typist, at their time. Each edited cell of a guarded column gets a
 * verdict (domain/permissions.ts) for the typist (`wb.user`):
 * - allowed: kept, and recorded in the Change history with who and via;
 * - refused: restored to what it held, with a note naming who may. One cell typed tells what it
 *   held (the event's oldValue); a paste does not, so a status or a ⚙ cell is restored to the value
 *   the records stand for (standing.ts); one nothing tells stays, marked for a coordinator
 *   (pastedOver.ts), where a coordinator's paste confirms it (SPEC §3.6);
 * - by an editor Apps Script did not name: kept, with a note saying a coordinator confirms it,
 *   never reverted as if a stranger typed it (the add-on cannot know).
 */
import { dateText } from '../domain/dateText';
import { resolveEmail } from '../domain/directory';
import { isTaskId, requestOfTaskId } from '../domain/ids';
import {
  caseStatusVerdict,
  changeStatusVerdict,
  nobodyTypes,
  requestStatusVerdict,
  taskStatusVerdict,
  type Actor,
  type MayKey,
  type Verdict,
} from '../domain/permissions';
import { columnDef, columnLabel, type SheetKey } from '../domain/schema';
import { flowRefusal, suggestionVerdict } from '../domain/suggestions';
import { parseEnum } from '../domain/enums';
import { isBlank } from '../domain/values';
import { type Problem } from '../domain/workflow';
import { mayPostProgress } from '../domain/executionFlow';
import { asCell, cellString, type Cell, type Table, type TableRow } from '../gas/table';
import type { MessageKey, MessageParams } from '../i18n/index';
import { appendHistory, isTracked, type Change } from './history';
import { ITEM_COLUMN, unconfirmedPaste } from './pastedOver';
import { changeSignersOf } from './planChanges';
import { standingValue } from './standing';
import type { StandingRecords } from './standingComputed';
import { taskSnapshot } from './tasks';
import { isCoordinator, recordedAuthor, type Workbook } from './workbook';

/** The cells an edit covered, 1-based, as the event's range gives them. */
export interface EditArea {
  readonly row: number;
  readonly numRows: number;
  readonly column: number;
  readonly numColumns: number;
}

/** What the event told of a one-cell edit: the value it replaced and the new one (a paste tells neither). */
export interface TypedEdit {
  readonly oldValue?: unknown;
  readonly value?: unknown;
}

/** Columns guarded on each sheet: whose changes need a permission, and ⚙ columns only the add-on writes. */
const PERMISSION_FIELDS: Partial<Record<SheetKey, readonly string[]>> = {
  requests: ['status'],
  tasks: ['status', 'request'],
  planChanges: ['status'],
  signOffs: ['decision'],
  cases: ['status'],
  suggestions: ['status', 'owner', 'due'],
};

const GUARDED_SHEETS: readonly SheetKey[] = [
  'requests',
  'tasks',
  'progress',
  'acceptance',
  'planChanges',
  'signOffs',
  'changeHistory',
  'cases',
  'suggestions',
];

/** The ⚙ columns a progress entry's acceptance stamps: the sync writes them when it applies the entry. */
const PROGRESS_STAMPS: readonly string[] = ['owner', 'updatedAt', 'updatedBy'];

/** Whether one cell was edited (only then may the event tell the value it replaced). */
function isOneCell(area: EditArea): boolean {
  return area.numRows === 1 && area.numColumns === 1;
}

/**
 * Guards the cells `area` covers on sheet `key` for the typist `wb.user` at `wb.now`: restores the
 * refused ones (not yet written: the caller's commit writes them) and records the allowed ones.
 * Returns a problem per refused or unconfirmed cell, for its note.
 */
export function guardEdit(wb: Workbook, key: SheetKey, area: EditArea, typed: TypedEdit): Problem[] {
  if (!GUARDED_SHEETS.includes(key)) return [];
  const table = wb.optionalTable(key) as Table<string> | undefined;
  if (!table) return [];
  const fields = guardedColumns(table, area);
  if (fields.length === 0) return [];
  // One cell typed says what it held ('' when it was empty); a paste, fill or drag, or an event
  // without values, leaves it to the records.
  const told = isOneCell(area) && ('value' in typed || 'oldValue' in typed);
  const problems: Problem[] = [];
  const changes: Change[] = [];
  const actor: Actor = { user: wb.user, coordinator: isCoordinator(wb) };
  const records: StandingRecords = {};
  const last = Math.min(area.row + area.numRows - 1, table.rows.length + 1);
  for (let rowNumber = Math.max(2, area.row); rowNumber <= last; rowNumber++) {
    const row = table.rows[rowNumber - 2];
    if (!row) continue;
    for (const field of fields) {
      const after = row.get(field);
      const computed = !PERMISSION_FIELDS[key]?.includes(field);
      // Pasted over with nothing to tell what it held: a blank ⚙ cell is no change to judge.
      if (!told && computed && isBlank(after)) continue;
      const before: Cell | undefined = told ? asCell(typed.oldValue) : standingValue(wb, key, field, row, records);
      if (before !== undefined && sameText(before, after)) continue;
      // Nor is a blank status whose old value nothing tells; anything else is judged.
      if (before === undefined && isBlank(after)) continue;
      // A ⚙ cell is the add-on's (SPEC §3.6): restored from the records for everyone, a coordinator
      // too; where nothing tells, a coordinator's paste is the confirmation Validate asks for.
      const verdict =
        !told && computed && actor.coordinator && before === undefined
          ? ({ kind: 'allow' } as const)
          : verdictFor(wb, key, field, row, before, after, actor);
      if (verdict.kind === 'allow') {
        if (isTracked(key, field) && (before !== undefined || computed))
          changes.push(change(key, row, field, before ?? '', after));
        continue;
      }
      const why = wb.text(...whoMay(wb, key, field, row, verdict.may, after, before));
      const value = after instanceof Date ? wb.dateText(after) : cellString(after);
      if (verdict.kind === 'unnamed') {
        if (before !== undefined && isTracked(key, field)) changes.push(change(key, row, field, before, after));
        const at = dateText(wb.now, wb.calendar());
        problems.push(problem(key, row, field, 'guardUnnamed', { why, value, at }, 'warning'));
        continue;
      }
      if (before === undefined) {
        // A Progress stamp of unknown origin would make its entry count as accepted: dropped, so the
        // sync stamps the entry again if its typist may post it, or leaves it unapplied.
        const restamped = key === 'progress' && PROGRESS_STAMPS.includes(field);
        if (restamped) wb.restore(row, field, '');
        else changes.push(unconfirmedPaste(wb, key, row, field, after));
        const message = restamped ? 'guardStampCleared' : 'guardNotRestorable';
        problems.push(problem(key, row, field, message, { why, value, user: recordedAuthor(wb) }));
        continue;
      }
      wb.restore(row, field, before);
      const restored = (before instanceof Date ? wb.dateText(before) : cellString(before)) || wb.text('guardEmpty');
      problems.push(problem(key, row, field, 'guardRestored', { why, value, user: recordedAuthor(wb), restored }));
    }
  }
  const history = changes.length > 0 ? wb.optionalTable('changeHistory') : undefined;
  if (history)
    appendHistory(history, changes, { now: wb.now, by: recordedAuthor(wb), via: wb.via, settings: wb.settings });
  return problems;
}

/** The guarded columns the area covers: permission fields, and ⚙ ones (an ID only when typed alone). */
function guardedColumns(table: Table<string>, area: EditArea): string[] {
  const key = table.def.key as SheetKey;
  const first = area.column - 1;
  const lastColumn = first + area.numColumns - 1;
  return (
    table.def.columns
      .filter((c) => PERMISSION_FIELDS[key]?.includes(c.key) || c.computed)
      // A row copied over another carries its ID: the duplicate-ID check tells that, not the guard.
      .filter((c) => c.key !== 'id' || isOneCell(area))
      .map((c) => c.key)
      .filter((field) => {
        const index = table.positions[field];
        return index !== undefined && index >= first && index <= lastColumn;
      })
  );
}

function sameText(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) return cellString(a) === cellString(b);
  return String(a).trim() === String(b).trim();
}

function verdictFor(
  wb: Workbook,
  key: SheetKey,
  field: string,
  row: TableRow<string>,
  before: Cell | undefined,
  after: Cell,
  actor: Actor,
): Verdict {
  if (!PERMISSION_FIELDS[key]?.includes(field)) return nobodyTypes('computed');
  switch (key) {
    case 'requests':
      return requestStatusVerdict(parseEnum('requestStatus', before), parseEnum('requestStatus', after), actor);
    case 'tasks':
      return field === 'request' ? requestCellVerdict(row, before, after) : taskVerdict(wb, row, before, after, actor);
    case 'planChanges': {
      const dept = rowWithId(wb, 'tasks', row.text('task'))?.text('dept') ?? '';
      const bySignOff = changeSignersOf(wb, row.text('task'), dept).length > 0;
      return changeStatusVerdict(parseEnum('changeStatus', before), parseEnum('changeStatus', after), actor, bySignOff);
    }
    case 'cases':
      return caseStatusVerdict(parseEnum('caseStatus', before), parseEnum('caseStatus', after), actor);
    case 'suggestions': {
      const status = (cell: Cell | undefined) => parseEnum('suggestionStatus', cell);
      // Owner and due are a coordinator's; only the status has a flow too.
      return field === 'status'
        ? suggestionVerdict(field, status(before), status(after), actor)
        : suggestionVerdict(field, undefined, undefined, actor);
    }
    default:
      return nobodyTypes('sidebarSignOff');
  }
}

/** A task stays with the request it was split from: its ID names it (or the value the cell held). */
function requestCellVerdict(row: TableRow<string>, before: Cell | undefined, after: Cell): Verdict {
  const id = row.text('id');
  if (id === '') return { kind: 'allow' };
  const own = (isTaskId(id) ? requestOfTaskId(id) : undefined) ?? (before === undefined ? '' : cellString(before));
  if (own === '' || own.toUpperCase() === cellString(after).toUpperCase()) return { kind: 'allow' };
  return nobodyTypes('newTask');
}

function taskVerdict(
  wb: Workbook,
  row: TableRow<string>,
  before: Cell | undefined,
  after: Cell,
  actor: Actor,
): Verdict {
  const task = taskSnapshot(row as never, wb);
  const directory = wb.directory();
  const requestRow = rowWithId(wb, 'requests', task.request);
  return taskStatusVerdict(parseEnum('taskStatus', before), parseEnum('taskStatus', after), actor, {
    requestStatus: parseEnum('requestStatus', requestRow?.get('status')),
    worker: mayPostProgress(task, actor.user, directory, actor.coordinator),
    owner: actor.user !== '' && resolveEmail(directory, task.owner) === actor.user,
  });
}

/** The row of `sheet` whose ID is `id` (either case). */
function rowWithId(wb: Workbook, sheet: 'requests' | 'tasks', id: string): TableRow<string> | undefined {
  const wanted = id.trim().toUpperCase();
  return wb
    .optionalTable(sheet)
    ?.records()
    .find((r) => r.text('id').toUpperCase() === wanted);
}

/** The words naming who may make the change, as a message and its parameters. */
function whoMay(
  wb: Workbook,
  key: SheetKey,
  field: string,
  row: TableRow<string>,
  may: MayKey,
  after: Cell,
  before: Cell | undefined,
): [MessageKey, MessageParams] {
  const fieldLabel = columnLabel(columnDef(key, field as never), wb.locale);
  const coordinators = wb.namesOf(wb.settings.coordinators);
  const value = cellString(after);
  switch (may) {
    case 'coordinators':
      if (key === 'planChanges') return ['mayChangeCoordinator', { coordinators }];
      if (key === 'requests') return ['mayApprove', { coordinators }];
      return ['mayCoordinators', { coordinators, field: fieldLabel, value }];
    case 'workers':
      return ['mayWorkers', { owner: wb.nameOf(row.text('owner')), id: row.text('id'), field: fieldLabel }];
    case 'signOff':
      if (key === 'planChanges') {
        const dept = rowWithId(wb, 'tasks', row.text('task'))?.text('dept') ?? '';
        return ['mayChangeSignOff', { signers: wb.namesOf(changeSignersOf(wb, row.text('task'), dept)) }];
      }
      return ['maySignOffStarts', {}];
    case 'acceptance':
      return ['mayAcceptance', {}];
    case 'newTask': {
      const id = row.text('id');
      return ['mayNewTask', { id, request: requestOfTaskId(id) ?? '', value }];
    }
    case 'requestExecuting':
      return ['mayRequestExecuting', { request: row.text('request'), id: row.text('id'), value }];
    case 'sidebarSignOff':
      return ['maySidebarSignOff', { signer: wb.nameOf(row.text('signer')) }];
    case 'suggestionFlow': {
      const from = parseEnum('suggestionStatus', before) ?? 'proposed';
      return ['wbRefused', { message: flowRefusal(wb, row.text('id'), from) }];
    }
    default:
      return ['mayComputed', { field: fieldLabel }];
  }
}

function change(key: SheetKey, row: TableRow<string>, field: string, before: Cell, after: Cell): Change {
  const item = row.text(ITEM_COLUMN[key] ?? 'id');
  return { sheet: key, item, field, oldValue: before, newValue: after };
}

function problem(
  sheet: SheetKey,
  row: TableRow<string>,
  field: string,
  message: MessageKey,
  params: MessageParams,
  level: Problem['level'] = 'error',
): Problem {
  return { sheet, row: row.rowNumber, field, message, params, level };
}

/** Whether the guard judges changes of `field` on `sheet` (and records the allowed ones itself). */
export function guardsField(sheet: SheetKey, field: string, computed = true): boolean {
  if (PERMISSION_FIELDS[sheet]?.includes(field)) return true;
  return computed && GUARDED_SHEETS.includes(sheet) && columnDef(sheet, field as never).computed;
}
