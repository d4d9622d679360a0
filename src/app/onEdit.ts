/**
 * The simple onEdit trigger: keeps IDs, timestamps, applied entries and owner checks current
 * for the sheet that was edited, without sending mail. It runs in a limited authorization mode
 * (no user email), so stamps made here carry no author.
 */
import type { SheetKey } from '../domain/schema';
import { syncSheets } from './validate';
import { UserError, type Workbook } from './workbook';

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

export function handleEdit(wb: Workbook, edited: GoogleAppsScript.Spreadsheet.Range): void {
  if (edited.getRow() === 1 && edited.getNumRows() === 1) return;
  const sheetId = edited.getSheet().getSheetId();
  const key = (Object.keys(AFFECTED) as SheetKey[]).find((k) => wb.sheet(k)?.getSheetId() === sheetId);
  if (!key) return;
  try {
    syncSheets(wb, AFFECTED[key]);
  } catch (error) {
    // A simple trigger cannot open dialogs; a toast tells the user what to fix (e.g. a deleted column).
    if (!(error instanceof UserError)) throw error;
    wb.spreadsheet.toast(error.message, wb.text('appName'));
  }
}
