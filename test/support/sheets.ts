/** A sheet as a user would have typed it, for tests that start from data rather than from setup. */
import { headerText, sheetDef, sheetTitle, type SheetKey } from '../../src/domain/schema';
import type { LoadedProject } from '../../emulator/runtime';

/** Inserts `key`'s sheet with the zh-CN catalogue headers and `rows` by column key, grown to fit. */
export function writeSheet(project: LoadedProject, key: SheetKey, rows: readonly Record<string, unknown>[]): void {
  const sheet = project.emulator.spreadsheet.insertSheet(sheetTitle(key, 'zh-CN'));
  const columns = sheetDef(key).columns;
  const values = [
    columns.map((c) => headerText(c, 'zh-CN')),
    ...rows.map((row) => columns.map((c) => row[c.key] ?? '')),
  ];
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  sheet.getRange(1, 1, values.length, columns.length).setValues(values as unknown[][] as string[][]);
}
