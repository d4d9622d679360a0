/**
 * A sheet the add-on only reads (SPEC §5): a department's own task list, imported by header.
 * Read when asked, so nothing is read before the import has checked its request.
 */
import type { Cell } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SourceSheet {
  /** The sheet's tab name, to name it in messages. */
  name(): string;
  /** Every cell of its data range, header row first. */
  values(): Cell[][];
}

export function sourceSheet(sheet: Sheet): SourceSheet {
  return { name: () => sheet.getName(), values: () => sheet.getDataRange().getValues() as Cell[][] };
}
