/**
 * The shipped templates (SPEC §2.14) written into a Templates sheet that holds none, so a new
 * workbook starts with five; a sheet with rows of its own is the coordinators' and left alone,
 * so a rerun of setup never brings back a template they deleted.
 */
import { shippedTemplateRows } from '../domain/templateCatalogue';
import { t, type Locale } from '../i18n/index';
import { headerPositions, Table } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Returns how many rows it wrote. */
export function seedTemplates(sheet: Sheet, locale: Locale, timeZone: string): number {
  const table = Table.read(sheet, 'templates', timeZone);
  if (table.records().length > 0) return 0;
  const rows = shippedTemplateRows(locale);
  const separator = t(locale, 'wbListSeparator');
  for (const row of rows) table.append({ ...row, dependsOn: row.dependsOn.join(separator) });
  table.commit();
  centreDayCounts(sheet);
  return rows.length;
}

/** Offsets and durations centred: right-aligned, a duration ran into the deliverable text beside it. */
function centreDayCounts(sheet: Sheet): void {
  const mapped = headerPositions(sheet, 'templates');
  const rows = sheet.getMaxRows() - 1;
  for (const index of [mapped.offset, mapped.duration]) {
    if (index !== undefined && rows > 0) sheet.getRange(2, index + 1, rows, 1).setHorizontalAlignment('center');
  }
}
