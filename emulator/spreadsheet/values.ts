/** Cell values: how typed input is interpreted, how values are displayed, colour normalisation. */
import { fromSerial, instantOf, wallClockOf } from './time';

export type CellValue = string | number | boolean | Date;

/** What a write stores in a cell: a formula, or a value ('' when the cell is emptied). */
export type CellInput = { formula: string } | { value: CellValue };

export const TEXT_FORMAT = '@';
/** What getNumberFormat reports for a cell nobody formatted ("Automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CONVERTIBLE_START = /^[\d+\-.tf]/i;
/** Sheets stores a time of day as that time on its day zero, 1899-12-30. */
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** True for Dates from any realm (scripts run in a vm context may build their own). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Interprets a value written by a script the way Sheets interprets typed input: "=..." is a formula,
 * "'..." is literal text, numeric, percent, ISO date(-time) and TRUE/FALSE strings are converted;
 * a cell formatted as plain text ("@") keeps strings as they are.
 */
export function interpretInput(raw: unknown, timeZone: string, numberFormat: string | undefined): CellInput {
  if (raw === null || raw === undefined) return { value: '' };
  if (typeof raw === 'number') return { value: numberIn(raw, timeZone, numberFormat) };
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw !== 'string' && isDate(raw)) return { value: new Date(raw.getTime()) };
  const text = String(raw);
  if (numberFormat === TEXT_FORMAT) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  // Numbers, percentages, dates and times start with a digit, sign or point, booleans with T or F:
  // anything else is text, without trying each pattern.
  if (!CONVERTIBLE_START.test(trimmed)) return { value: text };
  if (NUMBER.test(trimmed)) return { value: numberIn(Number(trimmed), timeZone, numberFormat) };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100 };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const date = parseLocalDateTime(trimmed, timeZone);
  if (date) return { value: date };
  return { value: text };
}

/**
 * What the Sheets API's RAW input stores: strings as they are (no formula, no apostrophe stripping),
 * numbers and booleans as such; '' empties the cell. Callers reject other types first.
 */
export function rawInput(
  raw: string | number | boolean,
  timeZone: string,
  numberFormat: string | undefined,
): CellInput {
  return { value: typeof raw === 'number' ? numberIn(raw, timeZone, numberFormat) : raw };
}

/**
 * In Sheets a date is a number shown with a date format, so a number stored in a date- or
 * time-formatted cell reads back as a Date (a serial number in the spreadsheet's time zone).
 */
function numberIn(n: number, timeZone: string, numberFormat: string | undefined): CellValue {
  return isDateTimeFormat(numberFormat) ? fromSerial(n, timeZone) : n;
}

/** Date, time and duration patterns ("yyyy-mm-dd", "hh:mm", "[h]:mm"), ignoring quoted text and colours. */
export function isDateTimeFormat(format: string | undefined): boolean {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === TEXT_FORMAT) return false;
  return /[ydhms]/i.test(format.replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/gi, ''));
}

/** "yyyy-MM-dd[ HH:mm[:ss]]" (or with "/"), or a time "HH:mm[:ss]", as a wall-clock time in `timeZone`, or null. */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const time = TIME_OF_DAY.exec(text);
  const m = time ? [text, '1899', '12', '30', ...time.slice(1)] : DATE_TIME.exec(text);
  if (!m) return null;
  const part = (i: number) => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return new Date(instantOf({ year, month, day, hour, minute, second, ms: 0 }, timeZone));
}

export function copyValue(value: CellValue | undefined): CellValue {
  if (value === undefined) return '';
  return value instanceof Date ? new Date(value.getTime()) : value;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallClockOf(date.getTime(), timeZone);
  // In Sheets patterns "mm" means minutes right after an hour or before seconds, months otherwise.
  return pattern.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss|s/gi, (token, offset: number, whole: string) => {
    const lower = token.toLowerCase();
    if (lower.startsWith('y')) return lower === 'yyyy' ? String(w.year) : pad(w.year % 100);
    if (lower.startsWith('d')) return lower === 'dd' ? pad(w.day) : String(w.day);
    if (lower.startsWith('h')) return lower === 'hh' ? pad(w.hour) : String(w.hour);
    if (lower.startsWith('s')) return lower === 'ss' ? pad(w.second) : String(w.second);
    const before = whole.slice(0, offset).toLowerCase();
    const after = whole.slice(offset + token.length).toLowerCase();
    const isMinute = /h[^a-z]*$/.test(before) || /^[^a-z]*s/.test(after);
    const n = isMinute ? w.minute : w.month;
    return lower === 'mm' ? pad(n) : String(n);
  });
}

function formatNumber(n: number, pattern: string): string {
  const percent = pattern.endsWith('%');
  const core = percent ? pattern.slice(0, -1) : pattern;
  const value = percent ? n * 100 : n;
  const decimals = /\.(0+)/.exec(core)?.[1]?.length ?? 0;
  let text = Math.abs(value).toFixed(decimals);
  if (core.includes(',')) {
    const [int = '', frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  return (value < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : '') + text + (percent ? '%' : '');
}

function formatGeneral(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** The text Sheets shows for a value, given the cell's number format (subset: dates, 0.00, #,##0, %, @). */
export function displayValue(value: CellValue, numberFormat: string | undefined, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const custom =
    numberFormat && numberFormat !== DEFAULT_NUMBER_FORMAT && numberFormat !== TEXT_FORMAT ? numberFormat : undefined;
  if (value instanceof Date) {
    if (custom && /[ydhs]/i.test(custom)) return formatDate(value, custom, timeZone);
    const w = wallClockOf(value.getTime(), timeZone);
    if (w.year === 1899 && w.month === 12 && w.day === 30) return formatDate(value, 'hh:mm:ss', timeZone);
    const hasTime = w.hour !== 0 || w.minute !== 0 || w.second !== 0;
    return formatDate(value, hasTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd', timeZone);
  }
  if (custom && /[0#]/.test(custom)) return formatNumber(value, custom);
  return formatGeneral(value);
}

const NAMED_COLOURS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
};

/** Sheets reports colours as lower-case "#rrggbb"; null resets to `fallback`. */
export function normalizeColour(colour: string | null | undefined, fallback: string): string {
  if (colour === null || colour === undefined || colour === '') return fallback;
  const lower = colour.trim().toLowerCase();
  if (NAMED_COLOURS[lower]) return NAMED_COLOURS[lower];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(lower);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return lower;
}
