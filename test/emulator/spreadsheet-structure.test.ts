import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createSpreadsheetApp } from '../../emulator/spreadsheet/index';

function setup(options: { locale?: string; name?: string; getUi?: () => unknown } = {}) {
  const ctx = createContext();
  const { SpreadsheetApp, spreadsheet } = createSpreadsheetApp(ctx, options);
  return { ctx, SpreadsheetApp, spreadsheet, sheet: spreadsheet.getActiveSheet() };
}

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet()
test('getActive and getActiveSpreadsheet return the bound spreadsheet', () => {
  const { SpreadsheetApp, spreadsheet } = setup({ name: '协作台' });
  assert.equal(SpreadsheetApp.getActive(), spreadsheet);
  assert.equal(SpreadsheetApp.getActiveSpreadsheet().getName(), '协作台');
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getUrl()
test('the URL is the docs.google.com edit URL of the spreadsheet id', () => {
  const { spreadsheet } = setup();
  assert.equal(spreadsheet.getUrl(), `https://docs.google.com/spreadsheets/d/${spreadsheet.getId()}/edit`);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetId() (the "gid" of #gid= links)
test('sheet ids are stable and distinct; the first sheet is gid 0', () => {
  const { spreadsheet, sheet } = setup();
  const other = spreadsheet.insertSheet('Tasks');
  assert.equal(sheet.getSheetId(), 0);
  assert.notEqual(other.getSheetId(), 0);
  assert.equal(spreadsheet.getSheetByName('Tasks')!.getSheetId(), other.getSheetId());
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()
test('locale and time zone come from the options; a Chinese spreadsheet starts with 工作表1', () => {
  const { spreadsheet, sheet } = setup({ locale: 'zh_CN' });
  assert.equal(spreadsheet.getSpreadsheetLocale(), 'zh_CN');
  assert.equal(spreadsheet.getSpreadsheetTimeZone(), 'Asia/Shanghai');
  assert.equal(sheet.getName(), '工作表1');
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
test('getSheetByName returns null for a missing sheet', () => {
  const { spreadsheet } = setup();
  assert.equal(spreadsheet.getSheetByName('Nope'), null);
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer) — duplicate
// name message as reported in https://github.com/asimlqt/php-google-spreadsheet-client/issues/170
test('insertSheet with an existing name throws the real message', () => {
  const { spreadsheet } = setup();
  spreadsheet.insertSheet('Tasks');
  assert.throws(() => spreadsheet.insertSheet('Tasks'), {
    message: 'A sheet with the name "Tasks" already exists. Please enter another name.',
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
test('insertSheet places the sheet at a 0-based index and makes it active', () => {
  const { spreadsheet } = setup();
  spreadsheet.insertSheet('B');
  spreadsheet.insertSheet('A', 0);
  assert.deepEqual(
    spreadsheet.getSheets().map((s) => s.getName()),
    ['A', 'Sheet1', 'B'],
  );
  assert.equal(spreadsheet.getActiveSheet().getName(), 'A');
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)
test('deleteSheet removes the sheet', () => {
  const { spreadsheet } = setup();
  const tmp = spreadsheet.insertSheet('Tmp');
  spreadsheet.deleteSheet(tmp);
  assert.equal(spreadsheet.getSheetByName('Tmp'), null);
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String)
test('Spreadsheet.getRange accepts sheet-qualified A1 notation with quoted names', () => {
  const { spreadsheet } = setup();
  spreadsheet.insertSheet('任务 Tasks').getRange('B2').setValue('x');
  const range = spreadsheet.getRange("'任务 Tasks'!B2:C3");
  assert.equal(range.getSheet().getName(), '任务 Tasks');
  assert.equal(range.getA1Notation(), 'B2:C3');
  assert.equal(range.getValue(), 'x');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
test('getRange(row, column, numRows, numColumns) is 1-based and reports its geometry', () => {
  const { sheet } = setup();
  const range = sheet.getRange(2, 3, 4, 5);
  assert.deepEqual(
    [
      range.getRow(),
      range.getColumn(),
      range.getNumRows(),
      range.getNumColumns(),
      range.getLastRow(),
      range.getLastColumn(),
    ],
    [2, 3, 4, 5, 5, 7],
  );
  assert.equal(range.getA1Notation(), 'C2:G5');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer)
test('row or column 0 throws the real "too small" messages', () => {
  const { sheet } = setup();
  assert.throws(() => sheet.getRange(0, 1), { message: 'The starting row of the range is too small.' });
  assert.throws(() => sheet.getRange(1, 0), { message: 'The starting column of the range is too small.' });
  assert.throws(() => sheet.getRange(1, 1, 0, 1), { message: 'The number of rows in the range must be at least 1.' });
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getMaxRows()
test("a range past the sheet's last row throws the real message", () => {
  const { sheet } = setup();
  assert.equal(sheet.getMaxRows(), 1000);
  assert.equal(sheet.getMaxColumns(), 26);
  assert.throws(() => sheet.getRange(1000, 1, 2, 1), {
    message: 'The coordinates of the range are outside the dimensions of the sheet.',
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
test('open-ended A1 ranges run to the sheet edge; a bare column letter is "Range not found"', () => {
  const { sheet } = setup();
  assert.equal(sheet.getRange('B2:B').getA1Notation(), 'B2:B1000');
  assert.equal(sheet.getRange('C2:2').getA1Notation(), 'C2:Z2');
  assert.equal(sheet.getRange('A:B').getNumRows(), 1000);
  assert.throws(() => sheet.getRange('B'), { message: 'Range not found' });
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
test('getLastRow/getLastColumn are the last with content, 0 on an empty sheet', () => {
  const { sheet } = setup();
  assert.deepEqual([sheet.getLastRow(), sheet.getLastColumn()], [0, 0]);
  sheet.getRange('C5').setValue('x');
  sheet.getRange('E2').setFormula('=1');
  assert.deepEqual([sheet.getLastRow(), sheet.getLastColumn()], [5, 5]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
test('getDataRange spans A1 to the last content, and is A1 on an empty sheet', () => {
  const { sheet } = setup();
  assert.equal(sheet.getDataRange().getA1Notation(), 'A1');
  sheet.getRange('B3').setValue(1);
  assert.equal(sheet.getDataRange().getA1Notation(), 'A1:B3');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
test('appendRow writes below the last row and grows a full sheet', () => {
  const { sheet } = setup();
  sheet.getRange(1000, 1).setValue('last');
  sheet.appendRow(['new', '2024-07-15']);
  assert.equal(sheet.getMaxRows(), 1001);
  assert.equal(sheet.getRange(1001, 1).getValue(), 'new');
  assert.ok(sheet.getRange(1001, 2).getValue() instanceof Date);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
test('insertRowsAfter shifts content down and grows the sheet', () => {
  const { sheet } = setup();
  sheet.getRange('A1:A2').setValues([['h'], ['x']]);
  sheet.insertRowsAfter(1, 2);
  assert.deepEqual(sheet.getRange('A1:A4').getValues(), [['h'], [''], [''], ['x']]);
  assert.equal(sheet.getMaxRows(), 1002);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
test('deleteRows removes rows and shifts content up', () => {
  const { sheet } = setup();
  sheet.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
  sheet.deleteRows(2, 2);
  assert.deepEqual(sheet.getRange('A1:A2').getValues(), [[1], [4]]);
  assert.equal(sheet.getMaxRows(), 998);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
test('deleting rows past the sheet or every non-frozen row throws the real messages', () => {
  const { sheet } = setup();
  sheet.setFrozenRows(1);
  assert.throws(() => sheet.deleteRows(999, 5), { message: 'Those rows are out of bounds.' });
  assert.throws(() => sheet.deleteRows(2, 999), {
    message: 'Sorry, it is not possible to delete all non-frozen rows.',
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)
test('insertColumnAfter(s) shift content right and grow the sheet', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B1').setValues([['a', 'b']]);
  sheet.insertColumnAfter(1);
  sheet.insertColumnsAfter(3, 2);
  assert.deepEqual(sheet.getRange('A1:C1').getValues(), [['a', '', 'b']]);
  assert.equal(sheet.getMaxColumns(), 29);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)
test('frozen rows, column widths, hidden columns and tab colour are kept', () => {
  const { sheet } = setup();
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(2, 180);
  sheet.setColumnWidths(3, 2, 60);
  sheet.hideColumns(5);
  sheet.setTabColor('#FF9900');
  assert.equal(sheet.getFrozenRows(), 1);
  assert.deepEqual(
    [1, 2, 3, 4].map((c) => sheet.getColumnWidth(c)),
    [100, 180, 60, 60],
  );
  assert.equal(sheet.isColumnHiddenByUser(5), true);
  assert.equal(sheet.getTabColor(), '#ff9900');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear()
test('Sheet.clear removes contents and formats; clearContents keeps formats', () => {
  const { sheet } = setup();
  sheet.getRange('A1').setValue(1).setBackground('#eeeeee');
  sheet.clearContents();
  assert.deepEqual([sheet.getLastRow(), sheet.getRange('A1').getBackground()], [0, '#eeeeee']);
  sheet.clear();
  assert.equal(sheet.getRange('A1').getBackground(), '#ffffff');
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer,Integer,Integer)
test('offset moves and resizes a range', () => {
  const { sheet } = setup();
  assert.equal(sheet.getRange('B2').offset(1, 2).getA1Notation(), 'D3');
  assert.equal(sheet.getRange('B2').offset(0, 0, 2, 3).getA1Notation(), 'B2:D3');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#setName(String)
test('renaming a sheet keeps it reachable under the new name only', () => {
  const { spreadsheet, sheet } = setup();
  sheet.setName('需求申请');
  assert.equal(spreadsheet.getSheetByName('需求申请'), sheet);
  assert.equal(spreadsheet.getSheetByName('Sheet1'), null);
  assert.equal(sheet.getParent(), spreadsheet);
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveRange()
test("the active sheet and range follow the user's selection and activate()", () => {
  const { SpreadsheetApp, spreadsheet } = setup();
  const tasks = spreadsheet.insertSheet('Tasks');
  const first = spreadsheet.getSheets()[0]!;
  first.activate();
  assert.equal(SpreadsheetApp.getActiveSheet().getName(), 'Sheet1');
  tasks.emuSelect('C5');
  assert.equal(SpreadsheetApp.getActiveSheet().getName(), 'Tasks');
  assert.equal(SpreadsheetApp.getActiveRange().getA1Notation(), 'C5');
  first.getRange('B2:B3').activate();
  assert.equal(spreadsheet.getActiveRange().getA1Notation(), 'B2:B3');
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi() (fails outside the UI)
test('getUi returns the provided UI and fails without one', () => {
  const ui = { createMenu() {} };
  assert.equal(setup({ getUi: () => ui }).SpreadsheetApp.getUi(), ui);
  assert.throws(() => setup().SpreadsheetApp.getUi(), {
    message: 'Cannot call SpreadsheetApp.getUi() from this context.',
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideRows(Integer,Integer),
// #showRows(Integer,Integer) and #isRowHiddenByUser(Integer)
test('hideRows hides rows until showRows shows them again', () => {
  const { sheet } = setup();
  sheet.hideRows(3, 2);
  assert.deepEqual(
    [2, 3, 4, 5].map((r) => sheet.isRowHiddenByUser(r)),
    [false, true, true, false],
  );
  sheet.showRows(4);
  assert.deepEqual(
    [3, 4].map((r) => sheet.isRowHiddenByUser(r)),
    [true, false],
  );
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#merge(), #breakApart(),
// #getMergedRanges() ("fully within the current range, or contain at least one cell in the current range")
// and #isPartOfMerge(); the refusal is the message Sheets shows for a merge partly inside the range.
test('merge keeps the top-left value; merged ranges are found from any of their cells', () => {
  const { sheet } = setup();
  sheet.getRange('A1:C2').setValues([
    ['标题', 'b', 'c'],
    ['d', 'e', 'f'],
  ]);
  sheet.getRange('A1:C2').merge();
  assert.deepEqual(sheet.getRange('A1:C2').getValues(), [
    ['标题', '', ''],
    ['', '', ''],
  ]);
  assert.equal(sheet.getRange('B2').isPartOfMerge(), true);
  assert.equal(sheet.getRange('D1').isPartOfMerge(), false);
  assert.deepEqual(
    sheet
      .getRange('C2:D3')
      .getMergedRanges()
      .map((r) => r.getA1Notation()),
    ['A1:C2'],
  );
  assert.throws(() => sheet.getRange('B1:D1').merge(), /You must select all cells in a merged range/);
  sheet.insertRowsBefore(1, 1);
  assert.deepEqual(
    sheet
      .getRange('A2')
      .getMergedRanges()
      .map((r) => r.getA1Notation()),
    ['A2:C3'],
    'a merge moves with inserted rows',
  );
  sheet.getRange('A1:C3').breakApart();
  assert.equal(sheet.getRange('A2').isPartOfMerge(), false);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#getFontStyles(), #getFontSizes(),
// #getFontFamilies() and #getFontLines(): 'normal', 10, 'Arial' and 'none' for a cell nobody formatted.
test('font style, size, family and line are kept per cell, with the defaults of an unformatted cell', () => {
  const { sheet } = setup();
  const range = sheet.getRange('A1:B1');
  range.setFontStyles([['italic', null]]);
  range.setFontSizes([[14, 10]]);
  range.setFontFamilies([['Noto Sans SC', null]]);
  range.setFontLines([['line-through', 'underline']]);
  assert.deepEqual(range.getFontStyles(), [['italic', 'normal']]);
  assert.deepEqual(range.getFontSizes(), [[14, 10]]);
  assert.deepEqual(range.getFontFamilies(), [['Noto Sans SC', 'Arial']]);
  assert.deepEqual(range.getFontLines(), [['line-through', 'underline']]);
  sheet.getRange('A1').clearFormat();
  assert.deepEqual(range.getFontStyles(), [['normal', 'normal']]);
});
