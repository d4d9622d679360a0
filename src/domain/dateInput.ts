/**
 * Dates typed in forms Sheets does not turn into dates (SPEC §2.2, §3.4: dates are stored as dates).
 * Sheets converts "2024-08-20", "2024/8/20" and, by locale, "8/20/2024" (en) or "2024年8月20日" (zh)
 * itself; "2024.8.20" stays text in both, "2024年8月20日" in en, and "20240820" becomes the number
 * 20240820. A date column holding one of those is read here, year first (the only order no locale
 * reads otherwise), so that the add-on can write it back as the date it unambiguously is; anything
 * else stays for Validate and the cell's note to report, with the forms that are understood.
 */
import { parseDate } from './values';

/** yyyyMMdd as typed digits: only years a plan can mean, so a real serial number is never one. */
const DIGITS = /^(19|20|21)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/**
 * The date `typed` stands for, on the wall clock of `timeZone` (the spreadsheet's, where Sheets
 * would have put it had it converted it): year-first text with any of - / . 年月日 between the parts
 * and an optional time, or eight digits yyyyMMdd (text, or the number Sheets made of them).
 * Undefined when it is none of those: day-first, month-first, a missing year or a date that does
 * not exist are not guessed.
 */
export function dateOfTyped(typed: string | number, timeZone: string): Date | undefined {
  const text = String(typed).trim();
  if (DIGITS.test(text)) {
    return parseDate(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`, timeZone);
  }
  if (typeof typed === 'number') return undefined;
  return parseDate(text, timeZone);
}
