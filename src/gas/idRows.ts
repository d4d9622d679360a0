/**
 * A sheet's rows by ID as the sheet holds them now: read again, not taken from the operation's
 * snapshot, for what must land on a row found at the last moment (a mail's link at send time).
 */
import type { SheetKey } from '../domain/schema';
import { Table } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Upper-case ID → sheet row; empty when there is no sheet or it has no ID column. */
export function idRowsNow(sheet: Sheet | undefined, key: SheetKey, timeZone: string): ReadonlyMap<string, number> {
  const rows = new Map<string, number>();
  if (!sheet) return rows;
  const table = Table.read(sheet, key, timeZone) as Table<string>;
  if (!table.has('id')) return rows;
  for (const row of table.records()) {
    const id = row.text('id').trim().toUpperCase();
    if (id !== '' && !rows.has(id)) rows.set(id, row.rowNumber);
  }
  return rows;
}
