/** The spreadsheet the run acts on, and its UI: what menu items, the sidebar and the tick act on. */

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The active spreadsheet, or undefined in a run without a document (an add-on's time-driven trigger). */
export function activeSpreadsheetIfAny(): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
  // The typings say Spreadsheet; the reference says Spreadsheet|null.
  return (SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet | null) ?? undefined;
}

/** A workbook by ID: how a run without a document reaches the one it serves. */
export function openSpreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.openById(id);
}

export function spreadsheetUi(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** Makes every pending write land before the next step: the send ledger's record before its mail. */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
