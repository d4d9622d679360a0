/**
 * Reading what users type into cells (or send from the sidebar): dates, percentages and lists.
 * Sheets hands back typed dates as Date objects; text such as "2024/8/20" or "2024年8月20日"
 * is read on the wall calendar of the spreadsheet's time zone.
 */
import { TZDate } from '@date-fns/tz';

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:：](\d{2})(?::(\d{2}))?)?$/;

/**
 * `value instanceof Date`, as the prototype-chain test it stands for. instanceof goes through
 * Date[Symbol.hasInstance], which is slow when Date and the value come from different realms (the
 * emulator's node:vm, where tests and the bench run); called for every date cell of a scan.
 */
export function isDate(value: unknown): value is Date {
  return Date.prototype.isPrototypeOf(value as object);
}

/**
 * A date (optionally with a time) from a cell or payload, on the wall calendar of `timeZone` (the
 * Settings zone); undefined when it is not one. Sheets hands back a date typed without a time as
 * midnight in the spreadsheet's own zone (`sheetTimeZone`): that is a calendar day, so it becomes
 * midnight of the same day in `timeZone`, or a due date would fall on the day before wherever the
 * Settings zone lies west of the spreadsheet's. A date with a time is an instant and stays one.
 */
export function parseDate(value: unknown, timeZone: string, sheetTimeZone: string = timeZone): Date | undefined {
  if (typeof value !== 'string') {
    if (!isDate(value) || Number.isNaN(value.getTime())) return undefined;
    return sheetTimeZone === timeZone ? value : sameCalendarDay(value, sheetTimeZone, timeZone);
  }
  const text = value.trim();
  if (text === '') return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text);
  if (iso) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const match = DATE_TEXT.exec(text);
  if (!match) return undefined;
  // Groups 1-3 always match; the time groups are absent for a date alone.
  const part = (i: number) => Number(match[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (wall.getDate() !== day) return undefined;
  return new Date(wall.getTime());
}

/** `date` unchanged unless it is midnight in `from`; then midnight of that calendar day in `to`. */
function sameCalendarDay(date: Date, from: string, to: string): Date {
  const wall = new TZDate(date.getTime(), from);
  if (wall.getHours() !== 0 || wall.getMinutes() !== 0 || wall.getSeconds() !== 0 || wall.getMilliseconds() !== 0)
    return date;
  return new Date(new TZDate(wall.getFullYear(), wall.getMonth(), wall.getDate(), to).getTime());
}

/**
 * A percentage 0–100 from a cell or payload. "70%" typed into Sheets comes back as 0.7, so a
 * fraction strictly between 0 and 1 is read as a share; 1 means 1 %.
 */
export function parsePercent(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return value > 0 && value < 1 ? Math.round(value * 1000) / 10 : value;
  }
  if (typeof value !== 'string') return undefined;
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*[%％]?\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * What a % typed into a Progress cell says (SPEC §2.3), read the way the cell shows it. Sheets
 * stores a typed "70%" (or "100%") as its share, 0.7 (or 1), and gives an unformatted cell a
 * percent format; a number typed into a percent-formatted cell is kept as typed, so 70 there shows
 * as 7000 %; a cell with a plain number format keeps it, so a "100%" typed there shows as 1, like a
 * typed 1. `shownAsPercent` is whether the cell has a percent format:
 * - percent format: the share times 100 (above 100 when a whole number was typed: out of range);
 * - plain number: the number, and a fraction strictly between 0 and 1 is a share (only a typed
 *   "x%" gives one); exactly 1 is 1 % or a typed "100%", which no one can tell apart: 'ambiguous';
 * - unknown (a batch read without formats, of entries this reading already accepted): from 0 to 1
 *   a share, above 1 the number, which agrees with both formats because a plain 1 is never accepted.
 * Text ("70", "70%") is read as typed.
 */
export function parseTypedPercent(value: unknown): number | undefined;
export function parseTypedPercent(
  value: unknown,
  shownAsPercent: boolean | undefined,
): number | 'ambiguous' | undefined;
export function parseTypedPercent(value: unknown, shownAsPercent?: boolean): number | 'ambiguous' | undefined {
  if (typeof value !== 'number') return parsePercent(value);
  if (!Number.isFinite(value)) return undefined;
  const share = Math.round(value * 1000) / 10;
  if (shownAsPercent === true) return share;
  if (shownAsPercent === false) return value === 1 ? 'ambiguous' : parsePercent(value);
  return value >= 0 && value <= 1 ? share : value;
}

/** The number a Progress cell gets for `pct` so that parseTypedPercent without a format reads it back. */
export function typedPercentCell(pct: number): number {
  return pct > 0 && pct <= 1 ? pct / 100 : pct;
}

/** Whether a number format shows a value as a percentage: a % outside quotes and escapes ("0%", "0.0%"). */
export function isPercentFormat(format: string): boolean {
  return format.replace(/"[^"]*"|\\./g, '').includes('%');
}

/** Sheets refuses more than 50,000 characters in one cell (https://mojicnt.click/en/blog/spreadsheet-cell-limit.html). */
export const CELL_MAX_CHARS = 50_000;

/** What separates the items of a list cell; the sidebar's list fields split what is typed at the same. */
export const LIST_SEPARATOR = /[,，;；、/／|\n]/;
const LIST_SEPARATORS = new RegExp(`${LIST_SEPARATOR.source}+`);
/** Shared by every empty cell: most list cells are empty, and nobody changes a parsed list. */
const NO_ITEMS: readonly string[] = [];

/** Items of a list cell: departments, people or task IDs separated by any usual separator. */
export function parseList(value: unknown): readonly string[] {
  if (value === undefined || value === null || value === '') return NO_ITEMS;
  const text = String(value);
  // Most cells hold one item: no split, no intermediate arrays.
  if (!LIST_SEPARATOR.test(text)) {
    const item = text.trim();
    return item === '' ? NO_ITEMS : [item];
  }
  return text
    .split(LIST_SEPARATORS)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

export function isBlank(value: unknown): boolean {
  // Without cellText's copy for the common cases: scans ask this of every row. A date is never blank.
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number' || typeof value === 'boolean' || isDate(value)) return false;
  return cellText(value) === '';
}
