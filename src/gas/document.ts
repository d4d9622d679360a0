/** The spreadsheet the user has open, and its UI: what menu items and the sidebar act on. */

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function spreadsheetUi(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** Makes every pending write land before the next step: the send ledger's record before its mail. */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
