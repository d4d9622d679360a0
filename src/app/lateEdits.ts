/**
 * The edits onEdit could not finish (SPEC §3.6: lock busy, 30 s limit), handled by the tick as
 * their typist would have, at the typed time: each edit in a workbook view of its own whose user is
 * the typist Apps Script named at edit time ('' where it named nobody: then what needs a
 * permission is kept for a coordinator, never reverted as if a stranger typed it) and whose clock
 * is the edit's time, so stamps such as a request's submission time are the typed time. Each view
 * acts only on the rows its edit covered (Workbook.scope): another typist's rows wait for their own.
 */
import { pendingEdits } from '../gas/pendingEdits';
import { SheetDirectory } from '../gas/sheets';
import { editedSheet, handleEdit, sheetsToSync } from './onEdit';
import { syncSheets } from './validate';
import { UserError, Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Handles every edit left so far, oldest first, then forgets exactly those; whether there were any. */
export function handleLateEdits(spreadsheet: Spreadsheet, now: Date): boolean {
  const pending = pendingEdits(spreadsheet);
  if (pending.edits.length === 0) return false;
  for (const edit of pending.edits) {
    const wb = new Workbook(spreadsheet, edit.at ?? now, edit.user, new SheetDirectory(spreadsheet));
    const key = editedSheet(wb, edit.sheetId);
    if (!key) continue;
    wb.via = 'sheetEdit';
    wb.scope = { sheet: key, from: edit.row, to: edit.row + edit.numRows - 1 };
    try {
      // An earlier version's entry says only the sheet and row: synced, as that version did.
      if (edit.numColumns === 0) syncSheets(wb, sheetsToSync(wb, key, edit.row));
      else handleEdit(wb, key, edit, edit);
    } catch (error) {
      // A sheet missing a required column cannot be synced; the scan reports it, Validate syncs it once fixed.
      if (!(error instanceof UserError)) throw error;
    }
  }
  pending.done();
  return true;
}
