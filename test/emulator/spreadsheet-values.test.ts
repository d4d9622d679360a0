import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/index';

function setup(options: { locale?: string; timeZone?: string } = {}) {
  const ctx = createContext();
  const { SpreadsheetApp, spreadsheet } = createSpreadsheetApp(ctx, options);
  return { ctx, SpreadsheetApp, spreadsheet, sheet: spreadsheet.getActiveSheet() };
}

// https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() (empty cells are "")
test('getValues returns "" for empty cells, never null or undefined', () => {
  const { sheet } = setup();
  sheet.getRange('B2').setValue(5);
  assert.deepEqual(sheet.getRange('A1:B2').getValues(), [
    ['', ''],
    ['', 5],
  ]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() (Number, Boolean, Date or String)
test('getValues keeps numbers, booleans and dates typed', () => {
  const { sheet } = setup();
  const when = new Date('2024-07-15T02:30:00Z');
  sheet.getRange('A1:C1').setValues([[3.5, true, when]]);
  const [n, b, d] = sheet.getRange('A1:C1').getValues()[0]!;
  assert.equal(n, 3.5);
  assert.equal(b, true);
  assert.ok(d instanceof Date);
  assert.equal((d as Date).getTime(), when.getTime());
  assert.notEqual(d, when, "a fresh Date, not the caller's object");
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) (dimensions must match)
test('setValues with the wrong number of rows throws the real message and writes nothing', () => {
  const { sheet } = setup();
  assert.throws(() => sheet.getRange('A1:B2').setValues([[1, 2]]), {
    message:
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
  });
  assert.equal(sheet.getLastRow(), 0);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
test('setValues with the wrong number of columns throws the real message', () => {
  const { sheet } = setup();
  assert.throws(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]]), {
    message:
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
  });
});

// https://support.google.com/docs/answer/3094038 (Sheets converts typed numbers, percentages and TRUE/FALSE)
test('numeric, percent and TRUE/FALSE strings become numbers and booleans, like typed input', () => {
  const { sheet } = setup();
  sheet.getRange('A1:D1').setValues([['42', '-1.5', '50%', 'TRUE']]);
  assert.deepEqual(sheet.getRange('A1:D1').getValues(), [[42, -1.5, 0.5, true]]);
});

// https://support.google.com/docs/answer/3094038 (dates typed in a recognised format become dates)
test('an ISO date string becomes a Date at midnight in the spreadsheet time zone', () => {
  const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1').setValue('2024-07-15');
  sheet.getRange('A2').setValue('2024-07-15 18:30');
  sheet.getRange('A3').setValue('2024/7/15');
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-07-14T16:00:00.000Z');
  assert.equal((sheet.getRange('A2').getValue() as Date).toISOString(), '2024-07-15T10:30:00.000Z');
  assert.equal((sheet.getRange('A3').getValue() as Date).toISOString(), '2024-07-14T16:00:00.000Z');
});

// https://support.google.com/docs/answer/3094038 (a typed time is a time value: a date-time on 1899-12-30)
test('a time-of-day string becomes a Date on 1899-12-30 at that wall-clock time', () => {
  const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1').setValue('18:00');
  const value = sheet.getRange('A1').getValue() as Date;
  const wall = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(value);
  assert.equal(wall, '1899-12-30, 18:00');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '18:00:00');
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()
test("date-only strings follow the spreadsheet time zone, not the machine's", () => {
  const { sheet } = setup({ timeZone: 'America/New_York' });
  sheet.getRange('A1').setValue('2024-01-10');
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-01-10T05:00:00.000Z');
});

// https://support.google.com/docs/answer/3094038 (a leading apostrophe keeps an entry as text)
test('a leading apostrophe stores the rest as plain text', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B1').setValues([["'00123", "'=1+1"]]);
  assert.deepEqual(sheet.getRange('A1:B1').getValues(), [['00123', '=1+1']]);
  assert.deepEqual(sheet.getRange('A1:B1').getFormulas(), [['', '']]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String) ("@" is plain text)
test('a cell formatted as plain text keeps numeric and date strings as text', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B1').setNumberFormat('@');
  sheet.getRange('A1:B1').setValues([['13800138000', '2024-07-15']]);
  assert.deepEqual(sheet.getRange('A1:B1').getValues(), [['13800138000', '2024-07-15']]);
  assert.deepEqual(sheet.getRange('A1:B1').getNumberFormats(), [['@', '@']]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object) (null/undefined leave the cell empty)
test('writing null or undefined empties the cell', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B1').setValues([['x', 'y']]);
  sheet.getRange('A1:B1').setValues([[null, undefined]]);
  assert.deepEqual(sheet.getRange('A1:B1').getValues(), [['', '']]);
  assert.equal(sheet.getLastRow(), 0);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object) (sets every cell of the range)
test('setValue on a multi-cell range writes every cell', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B2').setValue('已完成');
  assert.deepEqual(sheet.getRange('A1:B2').getValues(), [
    ['已完成', '已完成'],
    ['已完成', '已完成'],
  ]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getFormulas()
test('a string starting with "=" is a formula: getValues computes it, getFormulas returns its text', () => {
  const { sheet } = setup();
  sheet.getRange('A1:A2').setValues([[2], [3]]);
  sheet.getRange('A3').setValue('=SUM(A1:A2)');
  assert.equal(sheet.getRange('A3').getValue(), 5);
  assert.equal(sheet.getRange('A3').getFormula(), '=SUM(A1:A2)');
  sheet.getRange('A1').setValue(10);
  assert.equal(sheet.getRange('A3').getValue(), 13, 'recomputed after an input changes');
});

// https://support.google.com/docs/answer/3093281 (COUNTIF across sheets; quoted sheet names)
test('formulas reach other sheets, including quoted and non-ASCII sheet names', () => {
  const { spreadsheet } = setup();
  const tasks = spreadsheet.insertSheet('任务 Tasks');
  const plain = spreadsheet.insertSheet('任务');
  tasks.getRange('P1:P4').setValues([['健康度'], ['逾期'], ['正常'], ['逾期']]);
  plain.getRange('A1:A2').setValues([[1], [2]]);
  const dash = spreadsheet.insertSheet('Dashboard');
  dash.getRange('A1').setFormula('=COUNTIF(\'任务 Tasks\'!P:P,"逾期")');
  dash.getRange('A2').setFormula('=SUM(任务!A:A)');
  assert.deepEqual(dash.getRange('A1:A2').getValues(), [[2], [3]]);
});

// https://support.google.com/docs/answer/3238496 (formula errors such as #DIV/0! show as text values)
test('formula errors come back as strings like #DIV/0!', () => {
  const { sheet } = setup();
  sheet.getRange('A1').setFormula('=1/0');
  assert.equal(sheet.getRange('A1').getValue(), '#DIV/0!');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '#DIV/0!');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() (date results are Dates)
test('a formula that yields a date reads back as a Date in the spreadsheet time zone', () => {
  const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1').setFormula('=DATE(2024,7,15)');
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-07-14T16:00:00.000Z');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setFormula(String) (relative references adjust per cell)
test('setFormula on a block shifts relative references per cell and keeps $ anchors', () => {
  const { sheet } = setup();
  sheet.getRange('B1:B3').setFormula('=A1*$D$1');
  assert.deepEqual(sheet.getRange('B1:B3').getFormulas(), [['=A1*$D$1'], ['=A2*$D$1'], ['=A3*$D$1']]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
test('getDisplayValues applies number formats', () => {
  const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1:C1').setValues([[0.256, 1234.5, new Date('2024-07-15T01:00:00Z')]]);
  sheet.getRange('A1:C1').setNumberFormats([['0.0%', '#,##0.00', 'yyyy-mm-dd hh:mm']]);
  assert.deepEqual(sheet.getRange('A1:C1').getDisplayValues(), [['25.6%', '1,234.50', '2024-07-15 09:00']]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormat()
test('an unformatted cell reports the automatic number format', () => {
  const { sheet } = setup();
  assert.equal(sheet.getRange('A1').getNumberFormat(), '0.###############');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getBackgrounds()
test('backgrounds default to white and are reported in lower-case hex', () => {
  const { sheet } = setup();
  sheet.getRange('A1').setBackground('#FF0000');
  sheet.getRange('B1').setBackground('red');
  assert.deepEqual(sheet.getRange('A1:C1').getBackgrounds(), [['#ff0000', '#ff0000', '#ffffff']]);
  sheet.getRange('A1').setBackground(null);
  assert.equal(sheet.getRange('A1').getBackground(), '#ffffff');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setNotes(Object)
test('notes are kept per cell; an empty note removes it', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B1').setNotes([['两个负责人', '']]);
  assert.deepEqual(sheet.getRange('A1:B1').getNotes(), [['两个负责人', '']]);
  sheet.getRange('A1').setNote('');
  assert.equal(sheet.getRange('A1').getNote(), '');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#setFontWeight(String)
test('font weight and colour are kept per cell', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B1').setFontWeight('bold').setFontColor('#1A73E8');
  assert.deepEqual(sheet.getRange('A1:C1').getFontWeights(), [['bold', 'bold', 'normal']]);
  assert.equal(sheet.getRange('B1').getFontColor(), '#1a73e8');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#clearContent()
test('clearContent keeps formats; clear removes both', () => {
  const { sheet } = setup();
  const cell = sheet.getRange('A1').setValue('x').setBackground('#00ff00');
  cell.clearContent();
  assert.deepEqual([cell.getValue(), cell.getBackground()], ['', '#00ff00']);
  cell.setValue('y').clear();
  assert.deepEqual([cell.getValue(), cell.getBackground()], ['', '#ffffff']);
});

test('every public call is counted as Class.method', () => {
  const { ctx, SpreadsheetApp } = setup();
  ctx.calls.reset();
  const range = SpreadsheetApp.getActiveSheet().getRange('A1:B2');
  range.setValues([
    [1, 2],
    [3, 4],
  ]);
  range.getValues();
  assert.equal(ctx.calls.count('SpreadsheetApp.getActiveSheet'), 1);
  assert.equal(ctx.calls.count('Sheet.getRange'), 1);
  assert.equal(ctx.calls.count('Range.setValues'), 1);
  assert.equal(ctx.calls.count('Range.getValues'), 1);
  assert.equal(ctx.calls.count('Spreadsheet.getActiveSheet'), 0, 'one script call is one counted call');
});

// https://support.google.com/docs/answer/3092984 (TODAY is the current date in the spreadsheet's time zone)
test('TODAY() follows the emulator clock in the spreadsheet time zone', () => {
  const { ctx, sheet } = setup({ timeZone: 'Asia/Shanghai' });
  ctx.clock.set('2024-07-10T17:00:00Z'); // 01:00 on 11 July in Shanghai
  sheet.getRange('A1').setFormula('=TODAY()');
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-07-10T16:00:00.000Z');
  ctx.clock.advanceHours(24);
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-07-11T16:00:00.000Z');
});

// Scripts run by the local runner live in a node:vm context whose Date is a different constructor.
test('a Date from another realm is stored as a date, not as its text', async () => {
  const { sheet } = setup();
  const { runInNewContext } = await import('node:vm');
  const foreign = runInNewContext('new Date(Date.UTC(2024, 6, 15, 2))') as Date;
  sheet.getRange('A1').setValue(foreign);
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-07-15T02:00:00.000Z');
});
