/**
 * Where the user's cursor is: the active sheet and the data row under the active range. Menus and
 * the sidebar's card act on the selected row (SPEC §4), found in a table read by the caller.
 */
import type { Table, TableRow } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Selection {
  /** Whether `sheet` is the active sheet. */
  isOn(sheet: Sheet | undefined): boolean;
  /** The row of the active sheet's table under the cursor; undefined on the header. `table` is read only when needed. */
  rowOf<K extends string>(table: () => Table<K>): TableRow<K> | undefined;
}

export function currentSelection(spreadsheet: Spreadsheet): Selection {
  const active = spreadsheet.getActiveSheet();
  return {
    isOn: (sheet) => sheet !== undefined && sheet.getSheetId() === active.getSheetId(),
    rowOf: (table) => {
      const row = active.getActiveRange()?.getRow() ?? 1;
      return row < 2 ? undefined : table().rows[row - 2];
    },
  };
}

/**
 * Selects data row `row` of `sheet` (its used columns), as a click in the grid would, so the card
 * follows it. Range.activate "sets the specified range as the active range, with the top left cell
 * in the range as the current cell" (https://developers.google.com/apps-script/reference/spreadsheet/range#activate).
 */
export function selectRow(spreadsheet: Spreadsheet, sheet: Sheet, row: number): void {
  spreadsheet.setActiveSheet(sheet);
  sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
}
