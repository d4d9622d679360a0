/**
 * The Notification log's sheet (SPEC §3.3): made when a scan finds none, so every scan has a log
 * to record its notices in before any mail goes out.
 */
import { sheetTitle } from '../domain/schema';
import type { Locale } from '../i18n/index';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `found`, or a new Notification log sheet when there is none; either way its header row frozen. */
export function notificationLogSheet(spreadsheet: Spreadsheet, found: Sheet | undefined, locale: Locale): Sheet {
  const sheet = found ?? spreadsheet.insertSheet(sheetTitle('notificationLog', locale));
  sheet.setFrozenRows(1);
  return sheet;
}
