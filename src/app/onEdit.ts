/**
 * The simple onEdit trigger: keeps IDs, timestamps, applied entries and owner checks current for
 * the sheet that was edited, without sending mail. Every edited cell of a guarded column goes
 * through the one guard (editGuard.ts), whether one cell was typed or many pasted, filled or
 * dragged; a typed change of another tracked cell goes to the Change history (only onEdit knows
 * the value it replaced). It runs in a limited authorization mode, where Apps Script often names
 * nobody: what needs a permission is then kept for a coordinator, never taken as allowed.
 * When the document lock stays busy, the edit is recorded with its typist and time for the tick
 * (pendingEdits.ts), which handles it as they would have (SPEC §3.6).
 */
import type { SheetKey } from '../domain/schema';
import { forgetProgressMarkFrom } from '../gas/automationRecord';
import { LOCK_WAIT_MS } from '../gas/lock';
import { leavePendingEdit } from '../gas/pendingEdits';
import { guardEdit, guardsField, type EditArea, type TypedEdit } from './editGuard';
import { appendHistory, typedChange } from './history';
import { syncSheets } from './validate';
import { activeUserEmail, recordedAuthor, UserError, type Workbook } from './workbook';
import { inWorkbook, WorkbookBusy } from './operation';

export type { TypedEdit } from './editGuard';

/** Which data sheets to bring up to date after an edit of each sheet. */
const AFFECTED: Partial<Record<SheetKey, readonly SheetKey[]>> = {
  requests: ['requests'],
  tasks: ['tasks'],
  progress: ['progress'],
  acceptance: ['acceptance'],
  planChanges: ['planChanges'],
  communications: ['communications'],
  // A template row typed is checked and marked at once (SPEC §2.14), not only by Validate.
  templates: ['templates'],
  // A case kept or discarded is checked at once; its status is guarded (coordinators only).
  // A rating typed on the sheet is checked at once (scores 1–5); the sidebar's card checks its own.
  satisfaction: ['satisfaction'],
  cases: ['cases'],
  suggestions: ['suggestions'],
  // A name added to People or Departments can settle a problem elsewhere; a robot typed into Departments is checked.
  departments: ['requests', 'tasks', 'communications', 'departments'],
  people: ['requests', 'tasks', 'communications'],
  // Nothing to sync: a decision typed here is restored by the guard, only the sidebar decides.
  signOffs: [],
  // Nothing to sync: every column is ⚙, and a cell typed here is restored by the guard.
  changeHistory: [],
};

/** The add-on sheet `sheetId` is, among those whose edits bring data sheets up to date. */
export function editedSheet(wb: Workbook, sheetId: number): SheetKey | undefined {
  return (Object.keys(AFFECTED) as SheetKey[]).find((k) => wb.sheet(k)?.getSheetId() === sheetId);
}

/**
 * The data sheets an edit of sheet `key` at `row` calls to bring up to date; a Progress edit at or
 * above the scan's mark makes the next scan read all of Progress.
 */
export function sheetsToSync(wb: Workbook, key: SheetKey, row: number): readonly SheetKey[] {
  if (key === 'progress') forgetProgressMarkFrom(wb.spreadsheet, row);
  return AFFECTED[key] ?? [];
}

export function areaOf(range: GoogleAppsScript.Spreadsheet.Range): EditArea {
  return {
    row: range.getRow(),
    numRows: range.getNumRows(),
    column: range.getColumn(),
    numColumns: range.getNumColumns(),
  };
}

function isHeaderEdit(area: EditArea): boolean {
  return area.row === 1 && area.numRows === 1;
}

/**
 * One edit of sheet `key`, handled for the typist `wb.user` at `wb.now`: guarded, recorded, and the
 * sheets it touched synced, the guard's refusals marked with the rest. A sheet that cannot be synced
 * (a required column deleted) is a UserError for the caller to tell.
 */
export function handleEdit(wb: Workbook, key: SheetKey, area: EditArea, typed: TypedEdit = {}): void {
  if (isHeaderEdit(area)) return;
  wb.via = 'sheetEdit';
  recordTypedChange(wb, key, area, typed);
  const refused = guardEdit(wb, key, area, typed);
  syncSheets(wb, sheetsToSync(wb, key, area.row), refused);
}

/** A single tracked cell typed over (the event's oldValue), outside the guard's columns: old → new to the Change history. */
function recordTypedChange(wb: Workbook, key: SheetKey, area: EditArea, typed: TypedEdit): void {
  if (area.numRows !== 1 || area.numColumns !== 1) return;
  if (!('value' in typed) && !('oldValue' in typed)) return;
  const history = wb.optionalTable('changeHistory');
  const table = wb.optionalTable(key);
  const change = table && typedChange(table, area.row, area.column - 1, typed.oldValue, typed.value);
  if (!history || !change || guardsField(key, change.field)) return;
  appendHistory(history, [change], { now: wb.now, by: recordedAuthor(wb), via: 'sheetEdit', settings: wb.settings });
}

/**
 * The onEdit trigger: waits a few seconds at most for the lock (it has 30 s in all). When another
 * run holds it longer, the edit itself is already in the sheet; it is recorded, with its typist and
 * time, for the next tick to handle as they would have (nothing is lost, nobody is misnamed).
 */
export function onEditEvent(now: Date, edited: GoogleAppsScript.Spreadsheet.Range, typed: TypedEdit = {}): void {
  const area = areaOf(edited);
  if (isHeaderEdit(area)) return;
  try {
    inWorkbook(
      now,
      (wb) => {
        const key = editedSheet(wb, edited.getSheet().getSheetId());
        try {
          if (key) handleEdit(wb, key, area, typed);
        } catch (error) {
          // A simple trigger cannot open dialogs; a toast tells the user what to fix (e.g. a deleted column).
          if (!(error instanceof UserError) || error instanceof WorkbookBusy) throw error;
          wb.spreadsheet.toast(error.message, wb.text('appName'));
        }
      },
      { waitMs: LOCK_WAIT_MS.edit, simpleTrigger: true },
    );
  } catch (error) {
    if (!(error instanceof WorkbookBusy)) throw error;
    leavePendingEdit(edited.getSheet().getParent(), {
      sheetId: edited.getSheet().getSheetId(),
      ...area,
      user: activeUserEmail(),
      at: now,
      ...('oldValue' in typed ? { oldValue: typed.oldValue } : {}),
      ...('value' in typed ? { value: typed.value } : {}),
    });
  }
}
