/**
 * Date cells that hold something Sheets did not make a date of (SPEC §2.2, §3.4), as the add-on
 * finds and rewrites them. How a date is written is the writer's choice (ARCHITECTURE: typed
 * values): a Date value in a cell with a date format, so that the dashboard's formulas and the
 * Tasks colours, which test ISNUMBER, count it.
 */
import { civilDayIn, instantOfSerial } from '../domain/calendar';
import type { Cell, Table } from './table';

/** Serial numbers from here on are past the year 29,000: no date anyone plans, but typed digits. */
const FIRST_TYPED_DIGITS = 10_000_000;
const LAST_TYPED_DIGITS = 99_999_999;
/** Days from Sheets' serial 0 (1899-12-30) to 1970-01-01. */
const SERIAL_DAY_OF_1970 = 25_569;

/**
 * The digits typed into a date cell that Sheets took for a number, such as 20240820: a date
 * column reads numbers as serial days (Table), so they arrive as a Date some 55,000 years on.
 * Undefined for any other cell.
 */
export function typedDigits(cell: Cell, timeZone: string): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= FIRST_TYPED_DIGITS ? cell : undefined;
  if (typeof cell !== 'object') return undefined;
  const serial = civilDayIn(cell, timeZone) + SERIAL_DAY_OF_1970;
  if (serial < FIRST_TYPED_DIGITS || serial > LAST_TYPED_DIGITS) return undefined;
  return instantOfSerial(serial, timeZone).getTime() === cell.getTime() ? serial : undefined;
}

/** A cell about to get a date: its sheet row, its 0-based column, and whether the date has a time. */
export interface DateCell {
  readonly row: number;
  readonly column: number;
  readonly withTime: boolean;
}

/**
 * Gives each cell that is to receive a date a date format, unless it has one: text typed into a
 * cell formatted as plain text ("@") stays text when typed again, and a cell with a number format
 * would show the serial number. Done before the date is written, under the same lock, on the rows
 * as just read. The user's own date formats are kept.
 */
export function formatDateCells(table: Table<string>, cells: readonly DateCell[]): void {
  const sheet = table.sheet;
  for (const { row, column, withTime } of cells) {
    const range = sheet.getRange(row, column + 1);
    if (isDateFormat(range.getNumberFormat())) continue;
    range.setNumberFormat(withTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd');
  }
}

/** Whether a number format shows a date or time (y, m, d, h or s outside quotes and escapes). */
function isDateFormat(format: string): boolean {
  return /[ymdhs]/i.test(format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').replace(/general/gi, ''));
}
