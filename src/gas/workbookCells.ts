/** The cells of a spreadsheet as Google counts them against its limit: every sheet's whole grid. */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function workbookCells(spreadsheet: Spreadsheet): number {
  return spreadsheet.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

/** The cells one row of the sheet counts for: deleting it frees that many. */
export function cellsPerRow(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  return sheet.getMaxColumns();
}
