/**
 * Between a script's read and its write another user may edit the sheet: emuBeforeNextWrite lets a test
 * make that edit, and sort / insert / delete must move cells as Sheets moves them.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createEmulator } from '../../emulator/index';
import type { EmulatedSheets } from '../../emulator/services/sheetsApi';
import type { EmuSpreadsheetApp } from '../../emulator/spreadsheet';

const MANIFEST = {
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
  oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'],
};

function setup() {
  const emulator = createEmulator({ spreadsheetLocale: 'en_US', manifest: MANIFEST });
  const SpreadsheetApp = emulator.globals.SpreadsheetApp as EmuSpreadsheetApp;
  const Sheets = emulator.globals.Sheets as EmulatedSheets;
  const sheet = emulator.spreadsheet.getSheets()[0]!;
  sheet.getRange('A1:B3').setValues([
    ['task', 'status'],
    ['T-1', 'open'],
    ['T-2', 'open'],
  ]);
  emulator.calls.reset();
  return { emulator, SpreadsheetApp, Sheets, sheet, id: emulator.spreadsheet.emuId() };
}

// SPEC §3.4 (issue 10): a write planned from an earlier read lands where the read said, even if a user
// inserted a row in between. The emulator hook itself is an emulator feature (no source needed); what
// insertRowBefore does to the cells is https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowBefore(Integer).
test('an edit queued with emuBeforeNextWrite runs after the read and before the write', () => {
  const { emulator, SpreadsheetApp, sheet } = setup();
  const script = SpreadsheetApp.getActiveSheet();
  const rows = script.getRange('A2:B3').getValues();
  const row = rows.findIndex(([id]) => id === 'T-2') + 2;
  emulator.spreadsheet.emuBeforeNextWrite((ss) => ss.getSheets()[0]!.insertRowBefore(2));
  script.getRange(row, 2).setValue('done');
  assert.deepEqual(sheet.getRange('A1:B4').getValues(), [
    ['task', 'status'],
    ['', ''],
    ['T-1', 'done'],
    ['T-2', 'open'],
  ]);
  assert.equal(emulator.calls.count('Sheet.insertRowBefore'), 0, "the test's edit is not the script's call");
  assert.equal(emulator.calls.count('Range.setValue'), 1);
});

test('the edit runs once, before the next write only; reads do not trigger it', () => {
  const { emulator, sheet } = setup();
  let runs = 0;
  emulator.spreadsheet.emuBeforeNextWrite(() => runs++);
  sheet.getRange('A1:B3').getValues();
  sheet.getRange('A1').getNote();
  assert.equal(runs, 0);
  sheet.getRange('C1').setNote('x');
  sheet.getRange('C2').setValue('y');
  assert.equal(runs, 1);
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate: the write the
// script sends is applied to the sheet as it is when the request arrives.
test('Sheets API writes run the queued edit first too', () => {
  const { emulator, Sheets, sheet, id } = setup();
  emulator.spreadsheet.emuBeforeNextWrite((ss) => ss.getSheets()[0]!.getRange('B3').setValue('blocked'));
  Sheets.Spreadsheets.Values.batchUpdate(
    { valueInputOption: 'RAW', data: [{ range: 'Sheet1!B2', values: [['done']] }] },
    id,
  );
  assert.deepEqual(sheet.getRange('B2:B3').getValues(), [['done'], ['blocked']]);
  assert.equal(emulator.calls.count('Range.setValue'), 0);
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object) (column number or
// { column, ascending }); formats, notes and validation move with their rows as in the Sheets UI's sort (a
// guess for the script call); the order of mixed types (numbers, text, booleans, blanks last) is a guess
// from Excel's documented sort order.
test('Range.sort moves whole rows: values, notes, formats and validation', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.getRange('A2:B5').setValues([
    ['T-3', 3],
    ['T-1', 1],
    ['T-4', ''],
    ['T-2', 2],
  ]);
  sheet.getRange('A2').setNote('three').setBackground('#ff0000');
  const rule = SpreadsheetApp.newDataValidation().requireValueInList(['open', 'done']).build();
  sheet.getRange('C2').setDataValidation(rule);
  sheet.getRange('A2:C5').sort({ column: 2, ascending: true });
  assert.deepEqual(sheet.getRange('A2:B5').getValues(), [
    ['T-1', 1],
    ['T-2', 2],
    ['T-3', 3],
    ['T-4', ''],
  ]);
  assert.equal(sheet.getRange('A4').getNote(), 'three');
  assert.equal(sheet.getRange('A4').getBackground(), '#ff0000');
  assert.equal(sheet.getRange('A2').getNote(), '');
  assert.notEqual(sheet.getRange('C4').getDataValidation(), null);
  assert.equal(sheet.getRange('C2').getDataValidation(), null);
  sheet.getRange('A2:B5').sort([{ column: 2, ascending: false }]);
  assert.deepEqual(
    sheet.getRange('A2:A5').getValues().flat(),
    ['T-3', 'T-2', 'T-1', 'T-4'],
    'blanks stay last when descending',
  );
  assert.deepEqual(sheet.getRange('A1:B1').getValues(), [['task', 'status']], 'rows outside the range stay');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#sort(Integer,Boolean) (frozen rows
// are not sorted).
test('Sheet.sort sorts the rows under the frozen header', () => {
  const { sheet } = setup();
  sheet.setFrozenRows(1);
  sheet.getRange('A4').setValue('T-0');
  sheet.sort(1);
  assert.deepEqual(sheet.getRange('A1:A4').getValues().flat(), ['task', 'T-0', 'T-1', 'T-2']);
  sheet.sort(1, false);
  assert.deepEqual(sheet.getRange('A1:A4').getValues().flat(), ['task', 'T-2', 'T-1', 'T-0']);
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteColumn(Integer) (later columns
// move left); widths and hidden state belong to the column, as in the Sheets UI.
test('deleting a column moves the later columns left with their notes, validation, widths and hidden state', () => {
  const { SpreadsheetApp, sheet } = setup();
  sheet.getRange('C1').setValue('owner').setNote('one person');
  sheet.getRange('C2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a']).build());
  sheet.setColumnWidth(3, 240);
  sheet.hideColumns(4);
  sheet.deleteColumn(2);
  assert.deepEqual(sheet.getRange('A1:C1').getValues(), [['task', 'owner', '']]);
  assert.equal(sheet.getRange('B1').getNote(), 'one person');
  assert.notEqual(sheet.getRange('B2').getDataValidation(), null);
  assert.equal(sheet.getColumnWidth(2), 240);
  assert.equal(sheet.getColumnWidth(3), 100);
  assert.equal(sheet.isColumnHiddenByUser(3), true);
  assert.equal(sheet.isColumnHiddenByUser(4), false);
  sheet.insertColumnsBefore(2, 1);
  assert.equal(sheet.getColumnWidth(3), 240, 'and right again when a column is inserted before them');
});

// https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowBefore(Integer) (rows move down);
// that the new row takes the formats of the row above it, as insertRowsAfter's rows do, is a guess.
test('insertRowBefore pushes rows down with their notes and gives the new row the formats above it', () => {
  const { sheet } = setup();
  sheet.getRange('A2:B2').setBackground('#eeeeee');
  sheet.getRange('A3').setNote('second task');
  sheet.insertRowBefore(3);
  assert.deepEqual(sheet.getRange('A3:B4').getValues(), [
    ['', ''],
    ['T-2', 'open'],
  ]);
  assert.equal(sheet.getRange('A4').getNote(), 'second task');
  assert.equal(sheet.getRange('A3').getNote(), '');
  assert.equal(sheet.getRange('A3').getBackground(), '#eeeeee');
});
