/**
 * The Notification log's sheet (SPEC §3.3): made when a scan finds none, so every scan has a log
 * to record its notices in before any mail goes out; kept as wide as what it holds (SPEC §3.7).
 */
import { headerText, mapHeaders, sheetDef, sheetTitle } from '../domain/schema';
import type { Locale } from '../i18n/index';
import { flushWrites } from './document';
import { sizeToContent } from './grid';
import type { Cell } from './table';

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

/**
 * Mends the header of a log that holds something (SPEC §3.5: a damaged log never stops delivery),
 * on the sheet and in `grid` (its values as this run read them): a first row with none of the
 * log's headers (a first scan whose write failed, then someone typed in it) gets a header row
 * inserted above it, what it held kept as rows; a log without some of its columns (one deleted, or
 * a log of an earlier version) gets their headers after its last column. Written at once, so the
 * run's reads and writes find them.
 */
export function mendLogHeader(sheet: Sheet, grid: Cell[][], locale: Locale): void {
  const columns = sheetDef('notificationLog').columns;
  const header = grid[0] ?? [];
  const positions = mapHeaders(sheetDef('notificationLog'), header);
  if (Object.keys(positions).length === 0) {
    const headers = columns.map((column) => headerText(column, locale));
    sheet.insertRowBefore(1);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    sheet.setFrozenRows(1);
    flushWrites();
    grid.unshift(headers);
    return;
  }
  const added = columns.filter((column) => positions[column.key] === undefined).map((c) => headerText(c, locale));
  if (added.length === 0) return;
  sheet.getRange(1, header.length + 1, 1, added.length).setValues([added]);
  flushWrites();
  header.push(...added);
}
