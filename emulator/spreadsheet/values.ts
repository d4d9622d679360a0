/** Cell values: how script writes are interpreted, how values are displayed, colour normalisation. */
import { fromSerial, instantOf, MONTH_NAMES, wallClockOf } from './time';
import { parseTyped, type InputContext } from './typed';

export type { InputContext } from './typed';

export type CellValue = string | number | boolean | Date;

/**
 * What a write stores in a cell: a formula, or a value ('' when the cell is emptied) with the number
 * format Sheets gives an unformatted cell for it ("50%" gets "0%"), when it gives one.
 */
export type CellInput = { formula: string } | { value: CellValue; format?: string };

export const TEXT_FORMAT = '@';
/** What getNumberFormat reports for a cell nobody formatted ("Automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** Sheets stores a time of day as that time on its day zero, 1899-12-30. */
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** True for Dates from any realm (scripts run in a vm context may build their own). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Interprets a value written by a script the way Sheets interprets typed input: "=..." is a formula,
 * "'..." is literal text, and strings Sheets recognises in the spreadsheet's locale become numbers,
 * booleans or dates (typed.ts); a cell formatted as plain text ("@") keeps strings as they are.
 * `numberFormat` is the cell's own format, undefined when nobody set one.
 */
export function interpretInput(raw: unknown, ctx: InputContext, numberFormat: string | undefined): CellInput {
  if (raw === null || raw === undefined) return { value: '' };
  if (typeof raw === 'number') return { value: numberIn(raw, ctx.timeZone, numberFormat) };
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw !== 'string' && isDate(raw)) return { value: new Date(raw.getTime()) };
  const text = String(raw);
  if (numberFormat === TEXT_FORMAT) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const typed = parseTyped(text.trim(), ctx);
  if (!typed) return { value: text };
  const value = typeof typed.value === 'number' ? numberIn(typed.value, ctx.timeZone, numberFormat) : typed.value;
  const unformatted = numberFormat === undefined || numberFormat === DEFAULT_NUMBER_FORMAT;
  return unformatted && typed.format ? { value, format: typed.format } : { value };
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

const DATE_TOKEN = /"[^"]*"|am\/pm|a\/p|yyyy|yy|m{1,5}|dd|d|hh|h|ss|s/gi;

/**
 * A date pattern as Sheets applies it (https://developers.google.com/sheets/api/guides/formats):
 * "m"/"mm" are minutes right after an hour or before seconds, months otherwise; "mmm" is "Mar";
 * "am/pm" turns hours to a 12-hour clock; quoted text is literal.
 */
function formatDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallClockOf(date.getTime(), timeZone);
  const tokens = [...pattern.matchAll(DATE_TOKEN)];
  const twelveHour = tokens.some((t) => /^a\/p|^am\/pm/i.test(t[0]));
  const kind = (t: RegExpExecArray | RegExpMatchArray | undefined) => t?.[0].toLowerCase()[0];
  let out = '';
  let last = 0;
  tokens.forEach((t, i) => {
    const token = t[0];
    const lower = token.toLowerCase();
    out += pattern.slice(last, t.index);
    last = (t.index ?? 0) + token.length;
    const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (lower === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += w.hour < 12 ? 'A' : 'P';
    else if (lower.startsWith('y')) out += lower === 'yyyy' ? String(w.year) : pad(w.year % 100);
    else if (lower.startsWith('d')) out += lower === 'dd' ? pad(w.day) : String(w.day);
    else if (lower.startsWith('h')) {
      const h = twelveHour ? hour12 : w.hour;
      out += lower === 'hh' ? pad(h) : String(h);
    } else if (lower.startsWith('s')) out += lower === 'ss' ? pad(w.second) : String(w.second);
    else {
      const name = MONTH_NAMES[w.month - 1] ?? '';
      const previous = tokens
        .slice(0, i)
        .reverse()
        .find((p) => !p[0].startsWith('"'));
      const next = tokens.slice(i + 1).find((p) => !p[0].startsWith('"'));
      const isMinute = lower.length <= 2 && (kind(previous) === 'h' || kind(next) === 's');
      if (lower.length === 3) out += name.slice(0, 3);
      else if (lower.length === 4) out += name;
      else if (lower.length === 5) out += name.slice(0, 1);
      else {
        const n = isMinute ? w.minute : w.month;
        out += lower === 'mm' ? pad(n) : String(n);
      }
    }
  });
  return out + pattern.slice(last);
}

/** A number pattern: "0.00", "#,##0", "0%", "0.00E+00", with quoted text around it ("\"$\"#,##0.00"). */
function formatNumber(n: number, pattern: string): string {
  const literal = (text: string) => text.replace(/"([^"]*)"/g, '$1');
  const m = /^((?:"[^"]*"|[^0#.,"])*)([0#.,]+(?:E\+0+)?%?)(.*)$/i.exec(pattern);
  if (!m) return formatGeneral(n);
  const prefix = literal(m[1] ?? '');
  const core = m[2] ?? '';
  const suffix = literal(m[3] ?? '');
  const percent = core.endsWith('%');
  const value = percent ? n * 100 : n;
  const decimals = /\.(0+)/.exec(core)?.[1]?.length ?? 0;
  let text: string;
  if (/E\+/i.test(core)) {
    const [mantissa = '', exponent = '0'] = Math.abs(value).toExponential(decimals).split('e');
    const e = Number(exponent);
    text = `${mantissa}E${e < 0 ? '-' : '+'}${pad(Math.abs(e))}`;
  } else {
    text = Math.abs(value).toFixed(decimals);
    if (core.includes(',')) {
      const [int = '', frac] = text.split('.');
      text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
    }
  }
  const negative = value < 0 && Number(text.replace(/,/g, '').replace(/E.*/, '')) !== 0;
  return (negative ? '-' : '') + prefix + text + (percent ? '%' : '') + suffix;
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
