/**
 * Rows typed into the workbook the way a user types them: found by header (either language or an
 * alias, via the sheet catalogue), one batch read and one write per row, values as typed text so
 * the spreadsheet interprets dates and percentages as it does for a person. Used by the demo for
 * what people type into the sheets, and to read results back by header.
 */
import type { EmuSheet, EmuSpreadsheet } from '../emulator/spreadsheet';
import { mapHeaders, sheetDef, sheetTitle, titleMatches, type SheetKey } from '../src/domain/schema';
import { settingKeyOf } from '../src/domain/settings';
import type { Fields } from './example';

export function findSheet(spreadsheet: EmuSpreadsheet, key: SheetKey): EmuSheet | undefined {
  return spreadsheet.getSheets().find((sheet) => titleMatches(sheetDef(key), sheet.getName()));
}

function requireSheet(spreadsheet: EmuSpreadsheet, key: SheetKey): EmuSheet {
  const sheet = findSheet(spreadsheet, key);
  if (!sheet) throw new Error(`No ${sheetTitle(key, 'zh-CN')} / ${sheetTitle(key, 'en')} sheet in the workbook`);
  return sheet;
}

/** The values of a one-row range: getValues() of such a range always holds exactly one row. */
function onlyRow<T>(rows: readonly T[][]): T[] {
  const [row] = rows;
  if (!row) throw new Error('A one-row range read no row');
  return row;
}

/** Percentages are typed with their sign so a plain number cell still reads as a percentage. */
function typed(key: SheetKey, column: string, value: string): string {
  const def = sheetDef(key).columns.find((c) => c.key === column);
  return def?.type === 'percent' && /^\d+(\.\d+)?$/.test(value) ? `${value}%` : value;
}

/** One cell a person typed: its column (1-based), what it held and what was typed. */
export interface TypedCell {
  readonly column: number;
  readonly oldValue: unknown;
  readonly value: string;
}

/** Row number written and the cells typed. Fields whose column the sheet lacks are reported, not dropped silently. */
export function appendRow(
  spreadsheet: EmuSpreadsheet,
  key: SheetKey,
  fields: Fields,
): { row: number; missing: string[]; cells: TypedCell[] } {
  const sheet = requireSheet(spreadsheet, key);
  const width = sheet.getLastColumn();
  const headers = onlyRow(sheet.getRange(1, 1, 1, width).getValues());
  const positions = mapHeaders(sheetDef(key), headers) as Record<string, number | undefined>;
  const missing: string[] = [];
  const rowNumber = Math.max(sheet.getLastRow(), 1) + 1;
  const cells: TypedCell[] = [];
  // Only the cells a person types: the others (⚙ ones among them, protected) are left alone.
  for (const [column, value] of Object.entries(fields)) {
    const position = positions[column];
    if (position === undefined) missing.push(column);
    else cells.push(typeInto(sheet, rowNumber, position + 1, typed(key, column, value)));
  }
  return { row: rowNumber, missing, cells };
}

function typeInto(sheet: EmuSheet, row: number, column: number, value: string): TypedCell {
  const range = sheet.getRange(row, column);
  const oldValue = range.getValue();
  range.setValue(value);
  return { column, oldValue, value };
}

/** Every data row as { columnKey: value }, with its sheet row number. */
export function readRows(
  spreadsheet: EmuSpreadsheet,
  key: SheetKey,
): { row: number; fields: Record<string, unknown> }[] {
  const sheet = findSheet(spreadsheet, key);
  if (!sheet || sheet.getLastRow() < 1) return [];
  const [headers = [], ...rows] = sheet.getDataRange().getValues();
  const positions = Object.entries(mapHeaders(sheetDef(key), headers) as Record<string, number>);
  return rows.map((values, index) => ({
    row: index + 2,
    fields: Object.fromEntries(positions.map(([column, position]) => [column, values[position]])),
  }));
}

/** Changes the given fields on the first row that `matches`; returns its row number and the cells typed, or null. */
export function updateRow(
  spreadsheet: EmuSpreadsheet,
  key: SheetKey,
  matches: (fields: Record<string, unknown>) => boolean,
  changes: Fields,
): { row: number; cells: TypedCell[] } | null {
  const sheet = requireSheet(spreadsheet, key);
  const headers = onlyRow(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues());
  const positions = mapHeaders(sheetDef(key), headers) as Record<string, number | undefined>;
  const target = readRows(spreadsheet, key).find((r) => matches(r.fields));
  if (!target) return null;
  const cells: TypedCell[] = [];
  // Only the cells typed over, as a person types: the rest of the row (formulas, protected ⚙ cells) is left alone.
  for (const [column, value] of Object.entries(changes)) {
    const position = positions[column];
    if (position === undefined) throw new Error(`The ${sheet.getName()} sheet has no column for ${column}`);
    cells.push(typeInto(sheet, target.row, position + 1, typed(key, column, value)));
  }
  return { row: target.row, cells };
}

/** Sets each setting's value on its row of the Settings sheet (found by key or label), appending missing ones. */
export function writeSettings(spreadsheet: EmuSpreadsheet, settings: Fields): void {
  for (const [key, value] of Object.entries(settings)) {
    const updated = updateRow(spreadsheet, 'settings', (fields) => settingKeyOf(String(fields.key ?? '')) === key, {
      value,
    });
    if (updated === null) appendRow(spreadsheet, 'settings', { key, value });
  }
}
