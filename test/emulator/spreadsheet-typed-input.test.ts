/**
 * Typed input by locale: what setValue(s) and the Sheets API's USER_ENTERED make of a string, in an en_US
 * and a zh_CN spreadsheet. Sources used throughout:
 * - ValueInputOption, https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
 *   (USER_ENTERED: "parsed as if the user typed them into the UI … strings may be converted to numbers,
 *   dates, etc."; RAW: "will not be parsed and will be stored as-is");
 * - Google's values guide as quoted at https://docs.sheetdb.io/value-render-input-option ("Mar 1 2016"
 *   becomes a date, "$100.15" becomes a number with currency formatting; non-string values are always RAW);
 * - https://developers.google.com/sheets/api/guides/formats (dates are serial numbers shown with a date
 *   format; rendering depends on the spreadsheet's locale).
 * A rule with no source of its own says "guess".
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/index';

type Locale = 'en_US' | 'zh_CN';

function sheetIn(locale: Locale) {
  const ctx = createContext('2024-07-01T01:00:00Z');
  const { spreadsheet } = createSpreadsheetApp(ctx, { locale, timeZone: 'Asia/Shanghai' });
  return spreadsheet.getActiveSheet();
}

/** What a cell holds after a script writes `text` into it: the value read back and the cell's format. */
function typed(locale: Locale, text: string): { value: unknown; format: string } {
  const cell = sheetIn(locale).getRange('A1');
  cell.setValue(text);
  const value = cell.getValue();
  return { value: value instanceof Date ? wall(value) : value, format: cell.getNumberFormat() };
}

/** A Date as the spreadsheet's wall clock shows it, "2024-08-01 00:00". */
function wall(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

const AUTOMATIC = '0.###############';

// Leading zeros: https://github.com/asimlqt/php-google-spreadsheet-client/issues/178 ("04001" written
// becomes 4001) and https://github.com/burnash/gspread/issues/231 ("0003" becomes 3 unless the column is
// Plain text). Exponents: the formats guide's Scientific type; the "0.00E+00" format is a guess.
test('numeric strings become numbers in both locales: leading zeros dropped, exponents read', () => {
  for (const locale of ['en_US', 'zh_CN'] as const) {
    assert.deepEqual(typed(locale, '001'), { value: 1, format: AUTOMATIC }, locale);
    assert.deepEqual(typed(locale, ' -1.5 '), { value: -1.5, format: AUTOMATIC }, locale);
    assert.deepEqual(typed(locale, '1e5'), { value: 100000, format: '0.00E+00' }, locale);
  }
});

// Thousands separators: the formats guide's NUMBER example "1,000.12"; the inferred "#,##0" formats are a
// guess, and so is "1,00" (a separator out of place) staying text.
test('numbers with thousands separators become numbers formatted with separators', () => {
  for (const locale of ['en_US', 'zh_CN'] as const) {
    assert.deepEqual(typed(locale, '1,000'), { value: 1000, format: '#,##0' }, locale);
    assert.deepEqual(typed(locale, '1,234,567.5'), { value: 1234567.5, format: '#,##0.00' }, locale);
    assert.deepEqual(typed(locale, '1,00'), { value: '1,00', format: AUTOMATIC }, locale);
  }
  const sheet = sheetIn('en_US');
  sheet.getRange('A1').setValue('1,234,567.5');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '1,234,567.50');
});

// https://support.google.com/docs/answer/3094038 (a typed percentage is a number shown as a percent);
// "0%" / "0.00%" are a guess at the exact format.
test('a percentage becomes its fraction with a percent format', () => {
  assert.deepEqual(typed('en_US', '50%'), { value: 0.5, format: '0%' });
  assert.deepEqual(typed('zh_CN', '12.5%'), { value: 0.125, format: '0.00%' });
  const sheet = sheetIn('zh_CN');
  sheet.getRange('A1').setValue('50%');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '50%');
});

// "$100.15" becomes a number with currency formatting (values guide, quoted above). That each locale reads
// only its own sign ($ for en_US, ¥ and full-width ￥ for zh_CN) is a guess.
test("a currency amount in the locale's currency becomes a number with a currency format", () => {
  assert.deepEqual(typed('en_US', '$100.15'), { value: 100.15, format: '"$"#,##0.00' });
  assert.deepEqual(typed('en_US', '-$1,000'), { value: -1000, format: '"$"#,##0' });
  assert.deepEqual(typed('zh_CN', '¥5'), { value: 5, format: '"¥"#,##0' });
  assert.deepEqual(typed('zh_CN', '￥5.5'), { value: 5.5, format: '"¥"#,##0.00' });
  assert.deepEqual(typed('en_US', '¥5'), { value: '¥5', format: AUTOMATIC });
  assert.deepEqual(typed('zh_CN', '$5'), { value: '$5', format: AUTOMATIC });
  const sheet = sheetIn('en_US');
  sheet.getRange('A1').setValue('$100.15');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '$100.15');
});

// https://support.google.com/docs/answer/3094038 (TRUE/FALSE typed are booleans); case-insensitivity is
// how the Sheets UI behaves when "true" is typed (observed, not documented: a guess for scripts).
test('TRUE and FALSE in any case become booleans; other words stay text', () => {
  for (const locale of ['en_US', 'zh_CN'] as const) {
    assert.equal(typed(locale, 'true').value, true);
    assert.equal(typed(locale, 'False').value, false);
    assert.equal(typed(locale, 'yes').value, 'yes');
  }
});

// "Mar 1 2016" becomes a date (values guide). en_US reads numbers as M/D/Y (the formats guide's DATE
// example "9/26/2008"); M/D without a year taking the current year, two-digit years and the
// "M/d/yyyy" format are a guess.
test('en_US reads M/D/Y, M/D, month names and ISO dates', () => {
  assert.deepEqual(typed('en_US', '3/4/2024'), { value: '2024-03-04 00:00:00', format: 'M/d/yyyy' });
  assert.deepEqual(typed('en_US', '3/4'), { value: '2024-03-04 00:00:00', format: 'M/d/yyyy' });
  assert.deepEqual(typed('en_US', '12/31/99'), { value: '1999-12-31 00:00:00', format: 'M/d/yyyy' });
  assert.equal(typed('en_US', 'Mar 1 2016').value, '2016-03-01 00:00:00');
  assert.equal(typed('en_US', 'March 1, 2024').value, '2024-03-01 00:00:00');
  assert.equal(typed('en_US', 'Mar 1').value, '2024-03-01 00:00:00');
  assert.deepEqual(typed('en_US', '2024-08-01'), { value: '2024-08-01 00:00:00', format: 'yyyy-mm-dd' });
  assert.equal(typed('en_US', '13/1/2024').value, '13/1/2024', 'no 13th month: text');
  assert.equal(typed('en_US', '2/30/2024').value, '2/30/2024', 'no 30 February: text');
});

// zh_CN writes dates year first (Y/M/D, 2024年8月1日), per the formats guide's note that rendering follows
// the locale; which shapes it reads (Y/M/D, Y-M-D, 年月日, 月日, M/D) and their formats are a guess.
test('zh_CN reads Y/M/D, Y-M-D, 年月日 and M/D, not M/D/Y', () => {
  assert.deepEqual(typed('zh_CN', '2024/8/1'), { value: '2024-08-01 00:00:00', format: 'yyyy/M/d' });
  assert.equal(typed('zh_CN', '2024-08-01').value, '2024-08-01 00:00:00');
  assert.deepEqual(typed('zh_CN', '2024年8月1日'), { value: '2024-08-01 00:00:00', format: 'yyyy"年"M"月"d"日"' });
  assert.equal(typed('zh_CN', '8月1日').value, '2024-08-01 00:00:00');
  assert.equal(typed('zh_CN', '3/4').value, '2024-03-04 00:00:00');
  assert.equal(typed('zh_CN', '3/4/2024').value, '3/4/2024', 'month-first with a year stays text');
  assert.equal(typed('zh_CN', 'Mar 1 2016').value, 'Mar 1 2016', 'English month names: text (a guess)');
  const sheet = sheetIn('zh_CN');
  sheet.getRange('A1').setValue('2024年8月1日');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '2024年8月1日');
});

// What no locale of the two reads as a date (issue 21 point 7; the add-on converts these itself):
// dotted year-first dates stay text (the formats guide's date examples use "/" and "-" only, a guess
// for ".") and eight digits are a number, as any digits are (ValueInputOption USER_ENTERED).
test('2024.8.20 stays text and 20240820 is a number in both locales; 2024年8月20日 is text in en_US', () => {
  for (const locale of ['en_US', 'zh_CN'] as const) {
    assert.deepEqual(typed(locale, '2024.8.20'), { value: '2024.8.20', format: AUTOMATIC }, locale);
    assert.equal(typed(locale, '20240820').value, 20240820, locale);
    assert.equal(typed(locale, '2024/8/20').value, '2024-08-20 00:00:00', locale);
  }
  assert.equal(typed('en_US', '8/20/2024').value, '2024-08-20 00:00:00');
  assert.equal(typed('en_US', '2024年8月20日').value, '2024年8月20日', 'CJK dates: text in en_US (a guess)');
});

// https://support.google.com/docs/answer/3094038 (a typed time is a time value); Sheets stores a time as a
// fraction of a day (formats guide), read back as a Date on 1899-12-30. AM/PM in both locales and
// 上午/下午 in zh_CN, and the formats, are a guess.
test('times become times of day: 24-hour, AM/PM and 上午/下午', () => {
  assert.deepEqual(typed('en_US', '12:30'), { value: '1899-12-30 12:30:00', format: 'h:mm:ss' });
  assert.deepEqual(typed('en_US', '12:30 PM'), { value: '1899-12-30 12:30:00', format: 'h:mm am/pm' });
  assert.equal(typed('en_US', '12:30 am').value, '1899-12-30 00:30:00');
  assert.equal(typed('en_US', '3 PM').value, '1899-12-30 15:00:00');
  assert.equal(typed('zh_CN', '下午3:00').value, '1899-12-30 15:00:00');
  assert.equal(typed('zh_CN', '上午9:30').value, '1899-12-30 09:30:00');
  assert.equal(typed('en_US', '25:00').value, '25:00', 'no 25th hour: text');
  assert.equal(typed('en_US', '13:00 PM').value, '13:00 PM', 'a 12-hour clock stops at 12: text');
  const sheet = sheetIn('en_US');
  sheet.getRange('A1').setValue('12:30 PM');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '12:30 PM');
});

// Date-times as typed (https://support.google.com/docs/answer/3094038); the formats are a guess.
test('a date followed by a time becomes a date-time', () => {
  assert.deepEqual(typed('en_US', '3/4/2024 12:30 PM'), {
    value: '2024-03-04 12:30:00',
    format: 'M/d/yyyy h:mm:ss am/pm',
  });
  assert.equal(typed('zh_CN', '2024/8/1 下午3:00').value, '2024-08-01 15:00:00');
  assert.equal(typed('zh_CN', '2024-08-01 18:30').value, '2024-08-01 18:30:00');
  assert.equal(typed('en_US', '3/4/2024 soon').value, '3/4/2024 soon');
});

// What a user types that is not a number, date or boolean stays exactly as typed (ValueInputOption).
test('free text stays text, exactly as written', () => {
  for (const locale of ['en_US', 'zh_CN'] as const) {
    for (const text of ['需要 3 个人', 'T-001', '1.2.3', '2 days', '3 of 4', 'v2', '1/2/3/4', '50 %', '$']) {
      assert.deepEqual(typed(locale, text), { value: text, format: AUTOMATIC }, `${locale}: ${text}`);
    }
  }
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String) ("@" is plain
// text) and https://github.com/burnash/gspread/issues/231 (a Plain text column keeps "0003" as typed).
test('in a cell formatted as plain text every string stays text; an apostrophe keeps one cell as text', () => {
  for (const locale of ['en_US', 'zh_CN'] as const) {
    const sheet = sheetIn(locale);
    sheet.getRange('A1:F1').setNumberFormat('@');
    const texts = ['001', 'TRUE', '50%', '3/4', '1,000', '12:30 PM'];
    sheet.getRange('A1:F1').setValues([texts]);
    assert.deepEqual(sheet.getRange('A1:F1').getValues(), [texts], locale);
    sheet.getRange('A2:B2').setValues([["'001", "'3/4"]]);
    assert.deepEqual(sheet.getRange('A2:B2').getValues(), [['001', '3/4']], locale);
  }
});

// Guess: a cell someone already formatted keeps its format when a typed value lands in it.
test('a typed value keeps the format a cell already has', () => {
  const sheet = sheetIn('en_US');
  sheet.getRange('A1').setNumberFormat('0.00');
  sheet.getRange('A1').setValue('50%');
  assert.equal(sheet.getRange('A1').getValue(), 0.5);
  assert.equal(sheet.getRange('A1').getNumberFormat(), '0.00');
});

// Formats guide: a date is a number shown with a date format, so a number later written into a cell that
// got a date format from typed input reads back as a date.
test('a cell that got a date format from typed input reads a later number as a date', () => {
  const sheet = sheetIn('en_US');
  sheet.getRange('A1').setValue('3/4/2024');
  sheet.getRange('A1').setValue(45474);
  assert.equal(wall(sheet.getRange('A1').getValue() as Date), '2024-07-01 00:00:00');
});
