/**
 * Behind the warning-only protections (SPEC §3.6, workbookSetup.ts): the ⚙ columns the add-on
 * writes for every role cannot block anyone, because Apps Script runs the add-on as that role's
 * user. What the protection cannot refuse, onEdit restores: a single ⚙ cell typed by someone who
 * is not a coordinator (or whom Apps Script does not name) goes back to what it replaced, with a
 * note saying who may change it. Coordinators edit protected areas (§3.6) and keep their value.
 */
import { sheetDef, type SheetKey } from '../domain/schema';
import type { Problem } from '../domain/workflow';
import { asCell, type Table } from '../gas/table';
import { isCoordinator, recordedAuthor, type Workbook } from './workbook';

export function restoreTypedComputed(
  wb: Workbook,
  key: SheetKey,
  edited: GoogleAppsScript.Spreadsheet.Range,
  typed: { readonly oldValue?: unknown; readonly value?: unknown },
): Problem[] {
  if (edited.getNumRows() !== 1 || edited.getNumColumns() !== 1 || isCoordinator(wb)) return [];
  if (!('value' in typed) && !('oldValue' in typed)) return [];
  const table = wb.table(key) as Table<string>;
  const row = table.rows[edited.getRow() - 2];
  const column = sheetDef(key).columns.find((c) => table.positions[c.key] === edited.getColumn() - 1);
  if (!row || !column?.computed) return [];
  row.set(column.key, asCell(typed.oldValue));
  const message = wb.text('wbComputedRestored', { user: recordedAuthor(wb) });
  return [
    { sheet: key, row: row.rowNumber, field: column.key, message: 'wbRefused', params: { message }, level: 'error' },
  ];
}
