/**
 * A sheet's rows by ID as the sheet holds them now: read again, not taken from the operation's
 * snapshot, for what must land on a row found at the last moment (a mail's link at send time).
 * Only the header and the ID column are read: at 10,000 tasks the whole sheet is ~240,000 cells
 * (~6 s in the latency model), the ID column 10,000.
 */
import type { SheetKey } from '../domain/schema';
import { headerPositions } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Upper-case ID → sheet row; empty when there is no sheet or it has no ID column. */
export function idRowsNow(sheet: Sheet | undefined, key: SheetKey): ReadonlyMap<string, number> {
  const rows = new Map<string, number>();
  if (!sheet) return rows;
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return rows;
  const index = (headerPositions(sheet, key) as Partial<Record<string, number>>)['id'];
  if (index === undefined) return rows;
  const ids = sheet.getRange(2, index + 1, lastRow - 1, 1).getValues();
  ids.forEach(([value], i) => {
    const id = String(value ?? '')
      .trim()
      .toUpperCase();
    if (id !== '' && !rows.has(id)) rows.set(id, i + 2);
  });
  return rows;
}
