/**
 * A few columns of a sheet, read without the rest: the header row, then one range spanning just
 * the wanted columns. My work (SPEC §4) needs five of Tasks' ~24 columns and three of the
 * communication log's nine; a Tasks sheet of 10,000 rows is ~240,000 cells read whole.
 */
import type { ColumnKey, SheetKey } from '../domain/schema';
import { asCell, headerPositions, type Cell } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ColumnRow<C extends string> {
  readonly rowNumber: number;
  /** The row's cell in `column`; '' when the sheet has no such column. */
  get(column: C): Cell;
}

/** Every data row of `sheet` (a `key` sheet), with the cells of `columns` only; none when there is no sheet. */
export function readColumns<S extends SheetKey, C extends ColumnKey<S>>(
  sheet: Sheet | undefined,
  key: S,
  columns: readonly C[],
): ColumnRow<C>[] {
  if (!sheet) return [];
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const positions = headerPositions(sheet, key) as Partial<Record<C, number>>;
  const found = columns.flatMap((column) => (positions[column] === undefined ? [] : [positions[column]]));
  if (found.length === 0) return [];
  const first = Math.min(...found);
  const width = Math.max(...found) - first + 1;
  const values = sheet.getRange(2, first + 1, lastRow - 1, width).getValues();
  return values.map((cells, i) => ({
    rowNumber: i + 2,
    get: (column: C) => {
      const index = positions[column];
      return index === undefined ? '' : asCell(cells[index - first]);
    },
  }));
}
