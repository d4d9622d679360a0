/**
 * Percent formats of a column (SPEC §2.3): the only way to tell a typed "100%" from a typed 1
 * (parseTypedPercent) is the format the sheet gave the cell.
 */
import { isPercentFormat } from '../domain/values';
import type { Table } from './table';

/** Whether each row's `key` cell has a percent format, by 0-based row index. One read of the column. */
export function percentShown<K extends string>(table: Table<K>, key: K): boolean[] {
  const column = table.positions[key];
  if (column === undefined || table.rowCount === 0) return [];
  return table.sheet
    .getRange(2, column + 1, table.rowCount, 1)
    .getNumberFormats()
    .map(([format]) => isPercentFormat(format ?? ''));
}
