/** The size of a sheet's grid. */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Grows the sheet so that a range ending at row `rows`, column `columns` fits: Sheets refuses a
 * range beyond getMaxRows / getMaxColumns. 0 leaves that dimension alone (and costs no call).
 */
export function growToFit(sheet: Sheet, rows: number, columns: number): void {
  if (rows > 0) {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  }
  if (columns > 0) {
    const maxColumns = sheet.getMaxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }
}
