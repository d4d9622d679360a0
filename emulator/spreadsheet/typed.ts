/**
 * What Sheets makes of text typed into a cell, by the spreadsheet's locale: numbers (thousands
 * separators, leading zeros, exponents), percentages, currency amounts, booleans, dates, times and
 * date-times, each with the number format Sheets gives an unformatted cell. Anything else stays text.
 * Modelled for en_US and zh_CN; other locales are read like en_US. The sources, and which rules are
 * guesses, are listed in README.md and above each test in test/emulator/spreadsheet-typed-input.test.ts.
 */
import { instantOf, wallClockOf } from './time';

export interface InputContext {
  readonly timeZone: string;
  /** The spreadsheet's locale, e.g. 'en_US' or 'zh_CN'. */
  readonly locale: string;
  /** The emulator clock: a date typed without a year falls in the current year. */
  now(): Date;
}

/** A typed value Sheets recognised, and the number format it gives a cell that had none. */
export interface Typed {
  readonly value: number | boolean | Date;
  readonly format?: string;
}

/** Typed numbers and dates are short; longer text is not tried against every pattern. */
const MAX_TYPED_LENGTH = 40;
/** Numbers, dates and times start with a digit, sign, point, currency sign, 上午/下午 or a month name. */
const TYPED_START = /^[\d+\-.$¥￥上下tfjmasond]/i;

const UNSIGNED = String.raw`(?:\d+\.?\d*|\.\d+)`;
const GROUPED = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?)`;
const PLAIN = new RegExp(`^[+-]?${UNSIGNED}$`);
const WITH_GROUPS = new RegExp(`^[+-]?${GROUPED}$`);
const SCIENTIFIC = new RegExp(`^[+-]?${UNSIGNED}[eE][+-]?\\d+$`);
const PERCENT = new RegExp(`^([+-]?(?:${GROUPED}|${UNSIGNED}))%$`);

/** Currency signs each locale reads (a guess: its own sign only), and the format of an amount typed with it. */
const CURRENCY: Record<string, { signs: string[]; format: (decimals: boolean) => string }> = {
  en_US: { signs: ['$'], format: (d) => (d ? '"$"#,##0.00' : '"$"#,##0') },
  zh_CN: { signs: ['¥', '￥'], format: (d) => (d ? '"¥"#,##0.00' : '"¥"#,##0') },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** "12:30", "12:30:15", "12:30 PM", "12:30pm", "3 PM", "下午3:00", "上午9:30:15". */
const TIME = String.raw`(上午|下午)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?\s*(?:([ap])\.?m\.?)?`;

interface DatePattern {
  readonly re: RegExp;
  /** Year, month, day from the match; year null when typed without one. */
  readonly parts: (m: RegExpExecArray) => [number | null, number, number];
  readonly format: string;
}

const num = (m: RegExpExecArray, i: number) => Number(m[i]);
const monthOf = (name: string | undefined) => MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;

const ISO: DatePattern = {
  re: /^(\d{4})-(\d{1,2})-(\d{1,2})/,
  parts: (m) => [num(m, 1), num(m, 2), num(m, 3)],
  format: 'yyyy-mm-dd',
};
const YMD_SLASH = (format: string): DatePattern => ({
  re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})/,
  parts: (m) => [num(m, 1), num(m, 2), num(m, 3)],
  format,
});

/** Date shapes each locale reads, tried in order; a time may follow after a space (or "T" for ISO). */
const DATES: Record<string, DatePattern[]> = {
  en_US: [
    ISO,
    YMD_SLASH('M/d/yyyy'),
    {
      re: /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?/,
      parts: (m) => [m[4] === undefined ? null : fullYear(m[4]), num(m, 1), num(m, 3)],
      format: 'M/d/yyyy',
    },
    {
      re: new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:(?:,\\s*|\\s+)(\\d{4}))?`, 'i'),
      parts: (m) => [m[3] === undefined ? null : num(m, 3), monthOf(m[1]), num(m, 2)],
      format: 'M/d/yyyy',
    },
    {
      re: new RegExp(`^(\\d{1,2})\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?`, 'i'),
      parts: (m) => [m[3] === undefined ? null : num(m, 3), monthOf(m[2]), num(m, 1)],
      format: 'M/d/yyyy',
    },
  ],
  zh_CN: [
    ISO,
    YMD_SLASH('yyyy/M/d'),
    {
      re: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
      parts: (m) => [num(m, 1), num(m, 2), num(m, 3)],
      format: 'yyyy"年"M"月"d"日"',
    },
    {
      re: /^(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
      parts: (m) => [null, num(m, 1), num(m, 2)],
      format: 'M"月"d"日"',
    },
    {
      re: /^(\d{1,2})\/(\d{1,2})/,
      parts: (m) => [null, num(m, 1), num(m, 2)],
      format: 'yyyy/M/d',
    },
  ],
};

const TIME_ONLY = new RegExp(`^${TIME}$`, 'i');
const TIME_AFTER_DATE = new RegExp(`^(?:\\s+|T)${TIME}$`, 'i');

/** Two-digit years as spreadsheets read them: 00-29 are 20xx, 30-99 are 19xx (a guess for Sheets). */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function localeOf(locale: string): string {
  return locale.startsWith('zh') ? 'zh_CN' : 'en_US';
}

/** What Sheets makes of `text` (already trimmed), or null when it stays text. */
export function parseTyped(text: string, ctx: InputContext): Typed | null {
  if (text.length === 0 || text.length > MAX_TYPED_LENGTH || !TYPED_START.test(text)) return null;
  const locale = localeOf(ctx.locale);
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  return number(text) ?? percent(text) ?? currency(text, locale) ?? dateTime(text, locale, ctx);
}

function number(text: string): Typed | null {
  if (PLAIN.test(text)) return { value: Number(text) };
  if (WITH_GROUPS.test(text)) {
    return { value: Number(text.replace(/,/g, '')), format: /\.\d/.test(text) ? '#,##0.00' : '#,##0' };
  }
  if (SCIENTIFIC.test(text)) return { value: Number(text), format: '0.00E+00' };
  return null;
}

function percent(text: string): Typed | null {
  const m = PERCENT.exec(text);
  if (!m?.[1]) return null;
  const digits = m[1].replace(/,/g, '');
  return { value: Number(digits) / 100, format: /\.\d/.test(digits) ? '0.00%' : '0%' };
}

function currency(text: string, locale: string): Typed | null {
  const rule = CURRENCY[locale];
  if (!rule) return null;
  for (const sign of rule.signs) {
    // "$5", "-$5", "$-5", "$1,000.50"
    const at = text.indexOf(sign);
    if (at < 0 || at > 1) continue;
    const before = text.slice(0, at);
    const after = text.slice(at + sign.length).trim();
    if (before !== '' && before !== '-' && before !== '+') continue;
    const amount = number(after);
    if (!amount || typeof amount.value !== 'number' || /e/i.test(after)) continue;
    if (before !== '' && /^[+-]/.test(after)) continue;
    const value = before === '-' ? -amount.value : amount.value;
    return { value, format: rule.format(/\.\d/.test(after)) };
  }
  return null;
}

function dateTime(text: string, locale: string, ctx: InputContext): Typed | null {
  const time = TIME_ONLY.exec(text);
  if (time) {
    // A bare number is a number, not an hour: a time needs minutes or an AM/PM marker.
    if (time[3] === undefined && time[5] === undefined && time[1] === undefined) return null;
    const clock = timeOf(time);
    if (!clock) return null;
    return { value: at(1899, 12, 30, clock, ctx.timeZone), format: clock.twelveHour ? 'h:mm am/pm' : 'h:mm:ss' };
  }
  for (const pattern of DATES[locale] ?? []) {
    const m = pattern.re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    let clock: Clock | null = { hour: 0, minute: 0, second: 0, twelveHour: false };
    if (rest !== '') {
      const t = TIME_AFTER_DATE.exec(rest);
      if (!t || (t[3] === undefined && t[5] === undefined)) return null;
      clock = timeOf(t);
      if (!clock) return null;
    }
    const [typedYear, month, day] = pattern.parts(m);
    const year = typedYear ?? wallClockOf(ctx.now().getTime(), ctx.timeZone).year;
    if (!validDate(year, month, day)) return null;
    const withTime =
      rest === '' ? pattern.format : `${pattern.format} ${clock.twelveHour ? 'h:mm:ss am/pm' : 'H:mm:ss'}`;
    return { value: at(year, month, day, clock, ctx.timeZone), format: withTime };
  }
  return null;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  twelveHour: boolean;
}

/** The TIME groups: 上午/下午, hour, minute, second, a/p. A 12-hour clock reads 1-12, a 24-hour one 0-23. */
function timeOf(m: RegExpExecArray): Clock | null {
  const half = m[1];
  const marker = m[5]?.toLowerCase();
  const typedHour = Number(m[2]);
  const minute = Number(m[3] ?? 0);
  const second = Number(m[4] ?? 0);
  if (minute > 59 || second > 59) return null;
  const twelveHour = half !== undefined || marker !== undefined;
  if (!twelveHour) return typedHour > 23 ? null : { hour: typedHour, minute, second, twelveHour };
  if ((half !== undefined && marker !== undefined) || typedHour < 1 || typedHour > 12) return null;
  const pm = half === '下午' || marker === 'p';
  return { hour: (typedHour % 12) + (pm ? 12 : 0), minute, second, twelveHour };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

function at(year: number, month: number, day: number, clock: Clock, timeZone: string): Date {
  const { hour, minute, second } = clock;
  return new Date(instantOf({ year, month, day, hour, minute, second, ms: 0 }, timeZone));
}
