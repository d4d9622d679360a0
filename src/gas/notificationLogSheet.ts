/**
 * The Notification log's sheet (SPEC §3.3): made when a scan finds none, so every scan has a log
 * to record its notices in before any mail goes out; kept as wide as what it holds (SPEC §3.7).
 */
import { sheetTitle } from '../domain/schema';
import type { Locale } from '../i18n/index';
import { sizeToContent } from './grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `found`, or a new Notification log sheet when there is none; either way its header row frozen. */
export function notificationLogSheet(spreadsheet: Spreadsheet, found: Sheet | undefined, locale: Locale): Sheet {
  const sheet = found ?? spreadsheet.insertSheet(sheetTitle('notificationLog', locale));
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Deletes the empty columns right of the log's last filled one: the log grows by thousands of
 * rows a day at 10,000 tasks, and each row of a new sheet's 26 columns counts against the
 * spreadsheet's cells, filled or not. Only the add-on writes the log, so nothing is lost.
 */
export function fitLogColumns(sheet: Sheet): void {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn > 0 && sheet.getMaxColumns() > lastColumn) sizeToContent(sheet, sheet.getMaxRows(), lastColumn);
}
