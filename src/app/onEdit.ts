/**
 * The simple onEdit trigger: keeps IDs, timestamps, applied entries and owner checks current
 * for the sheet that was edited, without sending mail. It runs in a limited authorization mode
 * (often no user email), so stamps made here may carry no author.
 */
import type { SheetKey } from '../domain/schema';
import { LOCK_WAIT_MS } from '../gas/lock';
import { syncSheets } from './validate';
import { forgetProgressMarkFrom, leavePendingSync } from '../gas/automationRecord';
import { inWorkbook, UserError, WorkbookBusy, type Workbook } from './workbook';

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
};

/** The data sheets an edit of the sheet `sheetId` calls to bring up to date (none for other sheets). */
export function affectedSheets(wb: Workbook, sheetId: number): readonly SheetKey[] {
  const key = (Object.keys(AFFECTED) as SheetKey[]).find((k) => wb.sheet(k)?.getSheetId() === sheetId);
  return (key && AFFECTED[key]) ?? [];
}

function isHeaderEdit(edited: GoogleAppsScript.Spreadsheet.Range): boolean {
  return edited.getRow() === 1 && edited.getNumRows() === 1;
}

export function handleEdit(wb: Workbook, edited: GoogleAppsScript.Spreadsheet.Range): void {
  if (isHeaderEdit(edited)) return;
  const sheets = affectedSheets(wb, edited.getSheet().getSheetId());
  if (sheets.length === 0) return;
  if (sheets.includes('progress')) forgetProgressMarkFrom(wb.spreadsheet, edited.getRow());
  try {
    syncSheets(wb, sheets);
  } catch (error) {
    // A simple trigger cannot open dialogs; a toast tells the user what to fix (e.g. a deleted column).
    if (!(error instanceof UserError)) throw error;
    wb.spreadsheet.toast(error.message, wb.text('appName'));
  }
}

/**
 * The onEdit trigger: waits a few seconds at most for the lock (it has 30 s in all). When another
 * run holds it longer, the edit itself is already in the sheet; the sheets it touched are left
 * for the next tick, which syncs them (IDs, stamps, entries applied), so nothing is lost.
 */
export function onEditEvent(now: Date, edited: GoogleAppsScript.Spreadsheet.Range): void {
  try {
    inWorkbook(now, (wb) => handleEdit(wb, edited), { waitMs: LOCK_WAIT_MS.edit, simpleTrigger: true });
  } catch (error) {
    if (!(error instanceof WorkbookBusy)) throw error;
    if (!isHeaderEdit(edited)) leavePendingSync(edited.getSheet().getParent(), edited.getSheet().getSheetId());
  }
}
