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

/**
 * Makes the grid exactly `rows` × `columns` (SPEC §3.7: a generated sheet is sized to its content,
 * not left at the 1,000 × 26 a new sheet gets): every cell of a sheet counts against the
 * spreadsheet's 10,000,000, filled or not.
 */
export function sizeToContent(sheet: Sheet, rows: number, columns: number): void {
  growToFit(sheet, rows, columns);
  // Sheets keeps at least one row below the frozen ones, and one column.
  const keptRows = Math.max(rows, sheet.getFrozenRows() + 1, 1);
  const maxRows = sheet.getMaxRows();
  if (maxRows > keptRows) sheet.deleteRows(keptRows + 1, maxRows - keptRows);
  const keptColumns = Math.max(columns, 1);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > keptColumns) sheet.deleteColumns(keptColumns + 1, maxColumns - keptColumns);
}
