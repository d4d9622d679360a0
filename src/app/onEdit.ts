/**
 * The simple onEdit trigger: keeps IDs, timestamps, applied entries and owner checks current
 * for the sheet that was edited, without sending mail, and records a typed change of a tracked
 * cell in the Change history (only onEdit knows the value it replaced). It runs in a limited
 * authorization mode (often no user email), so stamps made here may carry no author, and what
 * needs a permission (an approval, a decision, progress) is not taken from an unknown editor:
 * it is restored or left unapplied with a note saying who may (SPEC §3.6).
 */
import { resolveEmail } from '../domain/directory';
import { parseEnum, type SheetKey } from '../domain/schema';
import type { Problem } from '../domain/workflow';
import { asCell, type Table, type TableRow } from '../gas/table';
import { appendHistory, typedChange } from './history';
import { LOCK_WAIT_MS } from '../gas/lock';
import { syncSheets } from './validate';
import { restoreTypedComputed } from './computedGuard';
import { forgetProgressMarkFrom, leavePendingSync, type PendingEdit } from '../gas/automationRecord';
import { inWorkbook, isCoordinator, recordedAuthor, UserError, WorkbookBusy, type Workbook } from './workbook';

/** The single cell an edit replaced, as the event tells it; absent for pastes and multi-cell edits. */
export interface TypedEdit {
  readonly oldValue?: unknown;
  readonly value?: unknown;
}

/** Which data sheets to bring up to date after an edit of each sheet. */
const AFFECTED: Partial<Record<SheetKey, readonly SheetKey[]>> = {
  requests: ['requests'],
  tasks: ['tasks'],
  progress: ['progress'],
  acceptance: ['acceptance'],
  planChanges: ['planChanges'],
  communications: ['communications'],
  // A name added to People or Departments can settle a problem elsewhere.
  departments: ['requests', 'tasks', 'communications'],
  people: ['requests', 'tasks', 'communications'],
  // Nothing to sync: a decision typed here is restored (refuseTypedStatus), only the sidebar decides.
  signOffs: [],
  // Nothing to sync: a cell typed here by someone other than a coordinator is restored (computedGuard).
  changeHistory: [],
};

/** The add-on sheet `sheetId` is, among those whose edits bring data sheets up to date. */
function editedSheet(wb: Workbook, sheetId: number): SheetKey | undefined {
  return (Object.keys(AFFECTED) as SheetKey[]).find((k) => wb.sheet(k)?.getSheetId() === sheetId);
}

/**
 * The data sheets an edit calls to bring up to date (none for other sheets); a Progress edit at or above the scan's mark makes the next scan read all of Progress.
 */
export function sheetsToSync(wb: Workbook, edit: PendingEdit): readonly SheetKey[] {
  const key = editedSheet(wb, edit.sheetId);
  const sheets = (key && AFFECTED[key]) ?? [];
  if (key === 'progress') forgetProgressMarkFrom(wb.spreadsheet, edit.row);
  return sheets;
}

function isHeaderEdit(edited: GoogleAppsScript.Spreadsheet.Range): boolean {
  return edited.getRow() === 1 && edited.getNumRows() === 1;
}

export function handleEdit(wb: Workbook, edited: GoogleAppsScript.Spreadsheet.Range, typed: TypedEdit = {}): void {
  if (isHeaderEdit(edited)) return;
  wb.via = 'sheetEdit';
  const sheetId = edited.getSheet().getSheetId();
  const key = editedSheet(wb, sheetId);
  if (!key) return;
  recordTypedChange(wb, key, edited, typed);
  const sheets = sheetsToSync(wb, { sheetId, row: edited.getRow() });
  try {
    const refused = [...refuseTypedStatus(wb, key, edited, typed), ...restoreTypedComputed(wb, key, edited, typed)];
    syncSheets(wb, sheets, refused);
  } catch (error) {
    // A simple trigger cannot open dialogs; a toast tells the user what to fix (e.g. a deleted column).
    if (!(error instanceof UserError)) throw error;
    wb.spreadsheet.toast(error.message, wb.text('appName'));
  }
}

/** A single tracked cell typed over (the event's oldValue): its old → new goes to the Change history. */
function recordTypedChange(
  wb: Workbook,
  key: SheetKey,
  edited: GoogleAppsScript.Spreadsheet.Range,
  typed: TypedEdit,
): void {
  if (edited.getNumRows() !== 1 || edited.getNumColumns() !== 1) return;
  if (!('value' in typed) && !('oldValue' in typed)) return;
  const history = wb.optionalTable('changeHistory');
  const table = wb.optionalTable(key);
  const change = table && typedChange(table, edited.getRow(), edited.getColumn() - 1, typed.oldValue, typed.value);
  if (!history || !change) return;
  appendHistory(history, [change], { now: wb.now, by: recordedAuthor(wb), via: 'sheetEdit', settings: wb.settings });
}

/**
 * Statuses typed into one cell that only a sign-off or an acceptance may set (SPEC §2.9, §3.6):
 * 待会签 / 执行中 on a request (the split's sign-off sets them), and 已完成 on a task, which skips its
 * acceptance unless a coordinator who does not own the task typed it. A refused one is restored to
 * what it replaced, with a note saying who may.
 */
function refuseTypedStatus(
  wb: Workbook,
  key: SheetKey,
  edited: GoogleAppsScript.Spreadsheet.Range,
  typed: TypedEdit,
): Problem[] {
  if (edited.getNumRows() !== 1 || edited.getNumColumns() !== 1) return [];
  const field = key === 'signOffs' ? 'decision' : key === 'tasks' || key === 'requests' ? 'status' : undefined;
  if (!field) return [];
  const table = wb.table(key) as Table<string>;
  const row = table.rows[edited.getRow() - 2];
  if (!row || table.positions[field] !== edited.getColumn() - 1) return [];
  const message =
    key === 'signOffs'
      ? wb.text('wbSignOffInSidebar', { signer: row.text('signer'), user: recordedAuthor(wb) })
      : key === 'tasks'
        ? completionRefusal(wb, row, typed)
        : executionRefusal(wb, typed);
  if (!message) return [];
  row.set(field, asCell(typed.oldValue));
  return [{ sheet: key, row: row.rowNumber, field, message: 'wbRefused', params: { message }, level: 'error' }];
}

function completionRefusal(wb: Workbook, row: TableRow<string>, typed: TypedEdit): string | undefined {
  if (parseEnum('taskStatus', typed.value) !== 'done') return undefined;
  const owner = resolveEmail(wb.directory(), row.text('owner'));
  if (isCoordinator(wb) && wb.user !== owner) return undefined;
  return wb.text('wbOnlyAcceptanceCompletes', { user: recordedAuthor(wb) });
}

function executionRefusal(wb: Workbook, typed: TypedEdit): string | undefined {
  const status = parseEnum('requestStatus', typed.value);
  if (status !== 'signOff' && status !== 'executing') return undefined;
  return wb.text('wbOnlySignOffStarts', { user: recordedAuthor(wb) });
}

/**
 * The onEdit trigger: waits a few seconds at most for the lock (it has 30 s in all). When another
 * run holds it longer, the edit itself is already in the sheet; the sheets it touched are left
 * for the next tick, which syncs them (IDs, stamps, entries applied), so nothing is lost.
 */
export function onEditEvent(now: Date, edited: GoogleAppsScript.Spreadsheet.Range, typed: TypedEdit = {}): void {
  try {
    inWorkbook(now, (wb) => handleEdit(wb, edited, typed), { waitMs: LOCK_WAIT_MS.edit, simpleTrigger: true });
  } catch (error) {
    if (!(error instanceof WorkbookBusy)) throw error;
    if (isHeaderEdit(edited)) return;
    leavePendingSync(edited.getSheet().getParent(), { sheetId: edited.getSheet().getSheetId(), row: edited.getRow() });
  }
}
