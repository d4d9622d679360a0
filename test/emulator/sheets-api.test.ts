import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createEmulator, type EmulatorOptions } from '../../emulator/index';
import { loadScript } from '../support/script';
import type { EmulatedSheets } from '../../emulator/services/sheetsApi';
import type { EmuSpreadsheetApp } from '../../emulator/spreadsheet';
import { loadBundle } from '../support/bundle';

const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const SHEETS_ENABLED = [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }];

function manifest(oauthScopes: string[] | undefined = [SPREADSHEETS_SCOPE]) {
  return { timeZone: 'Asia/Shanghai', dependencies: { enabledAdvancedServices: SHEETS_ENABLED }, oauthScopes };
}

function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ spreadsheetLocale: 'en_US', manifest: manifest(), ...options });
  const Sheets = emulator.globals.Sheets as EmulatedSheets;
  const SpreadsheetApp = emulator.globals.SpreadsheetApp as EmuSpreadsheetApp;
  const id = emulator.spreadsheet.emuId();
  const sheet = emulator.spreadsheet.getSheets()[0]!;
  emulator.calls.reset();
  return { emulator, Sheets, SpreadsheetApp, id, sheet, spreadsheet: emulator.spreadsheet };
}

const UNFORMATTED = { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' };

function read(Sheets: EmulatedSheets, id: string, ...ranges: string[]) {
  return Sheets.Spreadsheets.Values.batchGet(id, { ranges, ...UNFORMATTED });
}

function write(
  Sheets: EmulatedSheets,
  id: string,
  valueInputOption: string,
  data: { range: string; values: unknown[][]; majorDimension?: string }[],
) {
  return Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption, data }, id);
}

/** What Apps Script throws when the API answers with an error. */
function apiFailure(method: string, message: string, code: number) {
  return (error: unknown) => {
    const e = error as Error & { details?: { code: number; message: string } };
    assert.equal(e.name, 'GoogleJsonResponseException');
    assert.equal(e.message, `API call to sheets.spreadsheets.${method} failed with error: ${message}`);
    assert.equal(e.details?.code, code);
    return true;
  };
}

/** Not-emulated behaviour throws a plain Error, so a test cannot pass by relying on a guess. */
function notEmulated(error: unknown) {
  assert.equal((error as Error).name, 'Error');
  assert.match((error as Error).message, /not emulated/);
  return true;
}

// --- enabling -----------------------------------------------------------------------------------

// https://developers.google.com/apps-script/guides/services/advanced (a service must be enabled to be used)
// https://developers.google.com/apps-script/manifest/dependencies#EnabledAdvancedService (userSymbol names the global)
test('the Sheets global exists only when the manifest enables the service, under its userSymbol', () => {
  assert.equal('Sheets' in createEmulator().globals, false);
  assert.equal('Sheets' in createEmulator({ manifest: { timeZone: 'Asia/Shanghai' } }).globals, false);
  const renamed = createEmulator({
    manifest: {
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'SheetsApi', serviceId: 'sheets', version: 'v4' }] },
    },
  });
  assert.equal('Sheets' in renamed.globals, false);
  assert.equal(typeof (renamed.globals.SheetsApi as EmulatedSheets).Spreadsheets.get, 'function');
});

// https://developers.google.com/apps-script/guides/services/advanced
test('a bundle sees no Sheets global unless the manifest enables it, as in Apps Script', () => {
  const probe = 'function hasSheets() { return typeof Sheets !== "undefined"; }';
  assert.equal(loadScript(probe).call('hasSheets'), false);
  assert.equal(loadScript(probe, { manifest: manifest() }).call('hasSheets'), true);
});

test("loadBundle runs the bundle with the manifest clasp pushes, and a caller's options still win", () => {
  const pushed = JSON.parse(readFileSync('build/appsscript.json', 'utf8')) as {
    dependencies?: { enabledAdvancedServices?: { serviceId: string; userSymbol: string }[] };
  };
  const entry = pushed.dependencies?.enabledAdvancedServices?.find((s) => s.serviceId === 'sheets');
  const globals = loadBundle().emulator.globals;
  if (entry) assert.equal(typeof globals[entry.userSymbol], 'object');
  else assert.equal('Sheets' in globals, false);
  assert.equal('Sheets' in loadBundle({ manifest: {} }).emulator.globals, false);
});

// https://developers.google.com/sheets/api/scopes (the scopes the API accepts; spreadsheets.currentonly is not one)
// https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes
test('with explicit scopes that the Sheets API does not accept, every call fails like a 403 from the API', () => {
  const { Sheets, id } = setup({ manifest: manifest(['https://www.googleapis.com/auth/spreadsheets.currentonly']) });
  const insufficient = 'Request had insufficient authentication scopes.';
  assert.throws(() => read(Sheets, id, 'Sheet1'), apiFailure('values.batchGet', insufficient, 403));
  assert.throws(() => Sheets.Spreadsheets.get(id), apiFailure('get', insufficient, 403));
  assert.throws(
    () => write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [[1]] }]),
    apiFailure('values.batchUpdate', insufficient, 403),
  );
  assert.throws(
    () => Sheets.Spreadsheets.batchUpdate({ requests: [] }, id),
    apiFailure('batchUpdate', insufficient, 403),
  );
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet#authorization-scopes
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate#authorization-scopes
test('a read-only scope lets reads through and refuses writes; no listed scopes means automatic ones', () => {
  const { Sheets, id } = setup({ manifest: manifest(['https://www.googleapis.com/auth/spreadsheets.readonly']) });
  assert.equal(read(Sheets, id, 'Sheet1').spreadsheetId, id);
  assert.throws(
    () => write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [[1]] }]),
    apiFailure('values.batchUpdate', 'Request had insufficient authentication scopes.', 403),
  );
  const automatic = setup({ manifest: manifest(undefined) });
  assert.equal(
    write(automatic.Sheets, automatic.id, 'RAW', [{ range: 'Sheet1!A1', values: [[1]] }]).totalUpdatedCells,
    1,
  );
});

// --- Spreadsheets.get -----------------------------------------------------------------------------

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#SheetProperties
test('Spreadsheets.get describes the file and every sheet as SpreadsheetApp sees them', () => {
  const { Sheets, id, spreadsheet, sheet } = setup({
    spreadsheetLocale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    spreadsheetName: '协作台',
  });
  const tasks = spreadsheet.insertSheet('任务');
  tasks.setFrozenRows(1);
  const result = Sheets.Spreadsheets.get(id);
  assert.deepEqual(result, {
    spreadsheetId: id,
    properties: {
      title: '协作台',
      locale: spreadsheet.getSpreadsheetLocale(),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
    },
    sheets: [
      {
        properties: {
          sheetId: sheet.getSheetId(),
          title: '工作表1',
          index: 0,
          sheetType: 'GRID',
          gridProperties: { rowCount: 1000, columnCount: 26 },
        },
      },
      {
        properties: {
          sheetId: tasks.getSheetId(),
          title: '任务',
          index: 1,
          sheetType: 'GRID',
          gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
        },
      },
    ],
    spreadsheetUrl: spreadsheet.getUrl(),
  });
});

// https://developers.google.com/sheets/api/guides/field-masks
test('Spreadsheets.get returns only the fields a mask selects, in any of the mask forms', () => {
  const { Sheets, id, spreadsheet } = setup();
  spreadsheet.insertSheet('Tasks');
  assert.deepEqual(
    Sheets.Spreadsheets.get(id, { fields: 'sheets.properties(sheetId,title),properties(timeZone,locale)' }),
    {
      properties: { locale: 'en_US', timeZone: 'Asia/Shanghai' },
      sheets: [
        { properties: { sheetId: 0, title: 'Sheet1' } },
        { properties: { sheetId: spreadsheet.getSheetByName('Tasks')!.getSheetId(), title: 'Tasks' } },
      ],
    },
  );
  assert.deepEqual(Sheets.Spreadsheets.get(id, { fields: 'spreadsheetId,sheets.properties.gridProperties.rowCount' }), {
    spreadsheetId: id,
    sheets: [
      { properties: { gridProperties: { rowCount: 1000 } } },
      { properties: { gridProperties: { rowCount: 1000 } } },
    ],
  });
  assert.deepEqual(
    Sheets.Spreadsheets.get(id, { fields: 'sheets(properties(title,gridProperties(columnCount)))' }).sheets,
    [
      { properties: { title: 'Sheet1', gridProperties: { columnCount: 26 } } },
      { properties: { title: 'Tasks', gridProperties: { columnCount: 26 } } },
    ],
  );
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get (includeGridData and ranges)
test('Spreadsheets.get options other than fields are not emulated and say so', () => {
  const { Sheets, id } = setup();
  assert.throws(() => Sheets.Spreadsheets.get(id, { includeGridData: true }), notEmulated);
});

// --- Values.batchGet ------------------------------------------------------------------------------

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet (valueRanges in request order)
// https://github.com/googleapis/google-api-python-client/issues/2702 (a sheet title alone reads 'Title'!A1:Z1000;
// titles are quoted with '' for a quote in the echoed range)
test('batchGet answers each range in request order and echoes the grid it covered', () => {
  const { Sheets, id, spreadsheet } = setup();
  spreadsheet.insertSheet("Jon's Data").getRange('A1').setValue('x');
  spreadsheet.insertSheet('任务').getRange('B2').setValue('y');
  const result = read(Sheets, id, "'Jon''s Data'", 'Sheet1!B2:C3', "'任务'!A:C", 'Sheet1');
  assert.equal(result.spreadsheetId, id);
  assert.deepEqual(
    result.valueRanges!.map((v) => v.range),
    ["'Jon''s Data'!A1:Z1000", 'Sheet1!B2:C3', "'任务'!A1:C1000", 'Sheet1!A1:Z1000'],
  );
  assert.deepEqual(
    result.valueRanges!.map((v) => v.majorDimension),
    ['ROWS', 'ROWS', 'ROWS', 'ROWS'],
  );
  assert.deepEqual(result.valueRanges![2]!.values, [[], ['', 'y']]);
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange
// ("For output, empty trailing rows and columns will not be included.")
test('batchGet leaves out trailing empty rows and cells, keeps inner blanks as "", and omits values when empty', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1:D4').setValues([
    ['a', '', 'c', ''],
    ['', '', '', ''],
    ['', 'b', '', ''],
    ['', '', '', ''],
  ]);
  const [filled, empty] = read(Sheets, id, 'Sheet1!A1:D10', 'Sheet1!F1:G5').valueRanges!;
  assert.deepEqual(filled!.values, [['a', '', 'c'], [], ['', 'b']]);
  assert.equal('values' in empty!, false);
  assert.deepEqual(empty, { range: 'Sheet1!F1:G5', majorDimension: 'ROWS' });
});

// https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption (UNFORMATTED_VALUE: calculated, not formatted)
test('UNFORMATTED_VALUE gives numbers, booleans, strings and computed formula results', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1:D1').setValues([[1.5, true, 'text', '=A1*2']]);
  sheet.getRange('A2').setNumberFormat('0.00');
  sheet.getRange('A2').setValue(3);
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1:D2').valueRanges![0]!.values, [[1.5, true, 'text', 3], [3]]);
});

// Guess (no public source found): error cells come back as their error text, as the Sheets UI shows them.
test('an error cell reads as its error string (believed, not documented)', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1').setValue('=1/0');
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1').valueRanges![0]!.values, [['#DIV/0!']]);
});

// https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption (SERIAL_NUMBER: days since 1899-12-30)
// https://developers.google.com/sheets/api/guides/formats#about_date_and_time_values
test("dates read as serial numbers of the spreadsheet's wall clock, times as fractions of a day", () => {
  const { Sheets, id, sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1:D1').setValues([['2024-07-15', '2024-07-15 18:30', '18:00', new Date('2024-07-14T16:00:00Z')]]);
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1:D1').valueRanges![0]!.values, [[45488, 45488 + 18.5 / 24, 0.75, 45488]]);
});

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)
// (serials are wall-clock values in the spreadsheet's zone, so the same instant gives another serial elsewhere)
test('the same instant reads as a different serial in another spreadsheet time zone', () => {
  const { Sheets, id, sheet, spreadsheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1').setValue(new Date('2024-07-15T00:00:00Z'));
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1').valueRanges![0]!.values, [[45488 + 8 / 24]]);
  spreadsheet.setSpreadsheetTimeZone('America/New_York');
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1').valueRanges![0]!.values, [[45488 - 4 / 24]]);
});

// https://developers.google.com/sheets/api/reference/rest/v4/Dimension
test('majorDimension COLUMNS gives columns, each cut after its last value', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1:B3').setValues([
    [1, 'a'],
    [2, ''],
    [3, ''],
  ]);
  const result = Sheets.Spreadsheets.Values.batchGet(id, {
    ranges: ['Sheet1!A1:B3'],
    majorDimension: 'COLUMNS',
    ...UNFORMATTED,
  });
  assert.deepEqual(result.valueRanges![0], {
    range: 'Sheet1!A1:B3',
    majorDimension: 'COLUMNS',
    values: [[1, 2, 3], ['a']],
  });
});

// https://github.com/burnash/gspread/issues/1601 ("Unable to parse range: …" for a title that is not there)
test('an unknown sheet title fails with "Unable to parse range"', () => {
  const { Sheets, id } = setup();
  assert.throws(
    () => read(Sheets, id, 'Sheet1!A1', 'Nope!A1:B2'),
    apiFailure('values.batchGet', 'Unable to parse range: Nope!A1:B2', 400),
  );
});

// https://github.com/kevinschaich/mintable/issues/120 (GET v4/spreadsheets/<unknown id>: "Requested entity was not found.")
// https://github.com/nikaia/translation-sheet/issues/10 (code 404, reason notFound)
test('a wrong spreadsheet id fails with "Requested entity was not found."', () => {
  const { Sheets } = setup();
  assert.throws(
    () => read(Sheets, 'not-this-one', 'Sheet1'),
    apiFailure('values.batchGet', 'Requested entity was not found.', 404),
  );
  assert.throws(
    () => Sheets.Spreadsheets.get('not-this-one'),
    apiFailure('get', 'Requested entity was not found.', 404),
  );
});

// https://github.com/jroehl/gsheet.action/issues/611 ("Range (xxx!A1017) exceeds grid limits. Max rows: 1016, max columns: 26")
test('a read starting past the grid fails with the grid-limit message', () => {
  const { Sheets, id } = setup();
  assert.throws(
    () => read(Sheets, id, 'Sheet1!A1001:B'),
    apiFailure('values.batchGet', 'Range (Sheet1!A1001:B) exceeds grid limits. Max rows: 1000, max columns: 26', 400),
  );
});

test('a read ending past the grid is cut to the grid (a guess: undocumented)', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1000').setValue('last');
  const [range] = read(Sheets, id, 'Sheet1!A999:B2000').valueRanges!;
  assert.deepEqual(range, { range: 'Sheet1!A999:B1000', majorDimension: 'ROWS', values: [[], ['last']] });
});

// https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption (FORMATTED_VALUE is the default)
test('render options other than UNFORMATTED_VALUE with SERIAL_NUMBER are not emulated and say so', () => {
  const { Sheets, id } = setup();
  assert.throws(() => Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Sheet1'] }), notEmulated);
  assert.throws(
    () => Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Sheet1'], valueRenderOption: 'FORMULA' }),
    notEmulated,
  );
  assert.throws(
    () =>
      Sheets.Spreadsheets.Values.batchGet(id, {
        ranges: ['Sheet1'],
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }),
    notEmulated,
  );
});

// --- Values.batchUpdate ---------------------------------------------------------------------------

// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (RAW: "not parsed and stored as-is")
test('RAW stores strings as they are: no formulas, apostrophes kept, numbers and booleans as such', () => {
  const { Sheets, id, sheet } = setup();
  write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [['=1+1', "'abc", '123', 42, false, '2024-07-15']] }]);
  assert.deepEqual(sheet.getRange('A1:F1').getValues(), [['=1+1', "'abc", '123', 42, false, '2024-07-15']]);
  assert.deepEqual(sheet.getRange('A1:F1').getFormulas(), [['', '', '', '', '', '']]);
});

// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (RAW: stored as-is; USER_ENTERED:
// parsed as typed) and https://docs.sheetdb.io/value-render-input-option (quoting Google's values guide: "$100.15"
// becomes a number with currency formatting; non-string values are always RAW).
test('RAW keeps strings that USER_ENTERED converts, in the spreadsheet locale', () => {
  const { Sheets, id, sheet } = setup({ spreadsheetLocale: 'zh_CN' });
  const typed = ['001', 'TRUE', '50%', '3/4', '1,000', '¥5', '2024年8月1日', '下午3:00'];
  write(Sheets, id, 'RAW', [{ range: '工作表1!A1', values: [typed, [7, true]] }]);
  assert.deepEqual(sheet.getRange('A1:H2').getValues(), [typed, [7, true, '', '', '', '', '', '']]);
  write(Sheets, id, 'USER_ENTERED', [{ range: '工作表1!A1', values: [typed] }]);
  const [zeros, bool, percent, , thousand, yuan] = sheet.getRange('A1:H1').getValues()[0]!;
  assert.deepEqual([zeros, bool, percent, thousand, yuan], [1, true, 0.5, 1000, 5]);
  assert.ok(
    sheet
      .getRange('A1:H1')
      .getValues()[0]!
      .slice(6)
      .every((v) => v instanceof Date),
  );
  assert.deepEqual(sheet.getRange('C1:F1').getNumberFormats(), [['0%', 'yyyy/M/d', '#,##0', '"¥"#,##0']]);
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/update (valueInputOption is
// required; the response is an UpdateValuesResponse)
test('Values.update writes one range with RAW or USER_ENTERED and reports what it updated', () => {
  const { Sheets, id, sheet, emulator } = setup();
  const result = Sheets.Spreadsheets.Values.update({ values: [['=1+1', '0012']] }, id, 'Sheet1!B2', {
    valueInputOption: 'RAW',
  });
  assert.deepEqual(sheet.getRange('B2:C2').getValues(), [['=1+1', '0012']]);
  assert.deepEqual(result, {
    spreadsheetId: id,
    updatedRange: 'Sheet1!B2:C2',
    updatedRows: 1,
    updatedColumns: 2,
    updatedCells: 2,
  });
  Sheets.Spreadsheets.Values.update({ values: [['=1+1', '0012']] }, id, 'Sheet1!B2', {
    valueInputOption: 'USER_ENTERED',
  });
  assert.deepEqual(sheet.getRange('B2:C2').getValues(), [[2, 12]]);
  assert.equal(emulator.calls.count('Sheets.Spreadsheets.Values.update'), 2);
  assert.throws(() => Sheets.Spreadsheets.Values.update({ values: [['x']] }, id, 'Sheet1!A1', {}), {
    message:
      "API call to sheets.spreadsheets.values.update failed with error: 'valueInputOption' is required but not specified",
  });
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange
// ("Null values will be skipped. To set a cell to an empty value, set the string value to an empty string.")
test('a null leaves its cell alone and "" empties it', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1:C1').setValues([['keep', 'clear', 'old']]);
  const result = write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [[null, '', 'new']] }]);
  assert.deepEqual(sheet.getRange('A1:C1').getValues(), [['keep', '', 'new']]);
  assert.equal(result.totalUpdatedCells, 2);
});

// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED: parsed as if typed)
test('USER_ENTERED parses values as typed input: formulas, dates, percentages, forced text', () => {
  const { Sheets, id, sheet } = setup({ timeZone: 'Asia/Shanghai' });
  write(Sheets, id, 'USER_ENTERED', [{ range: 'Sheet1!A1', values: [['=2+3', '2024-07-15', '50%', "'123", 7]] }]);
  const [sum, date, percent, text, number] = sheet.getRange('A1:E1').getValues()[0]!;
  assert.deepEqual([sum, percent, text, number], [5, 0.5, '123', 7]);
  assert.equal((date as Date).toISOString(), '2024-07-14T16:00:00.000Z');
  assert.equal(sheet.getRange('A1').getFormula(), '=2+3');
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate#response-body
// https://developers.google.com/sheets/api/reference/rest/v4/UpdateValuesResponse
test('batchUpdate reports what each range and the whole request updated', () => {
  const { Sheets, id, spreadsheet } = setup();
  spreadsheet.insertSheet('任务');
  const result = write(Sheets, id, 'RAW', [
    {
      range: 'Sheet1!B2:D5',
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    },
    { range: "'任务'!A1", values: [['x'], ['y'], ['z']] },
  ]);
  assert.deepEqual(result, {
    spreadsheetId: id,
    totalUpdatedRows: 5,
    totalUpdatedColumns: 4,
    totalUpdatedCells: 9,
    totalUpdatedSheets: 2,
    responses: [
      { spreadsheetId: id, updatedRange: 'Sheet1!B2:D3', updatedRows: 2, updatedColumns: 3, updatedCells: 6 },
      { spreadsheetId: id, updatedRange: "'任务'!A1:A3", updatedRows: 3, updatedColumns: 1, updatedCells: 3 },
    ],
  });
});

// https://developers.google.com/sheets/api/reference/rest/v4/Dimension
test('data given as COLUMNS is written column by column', () => {
  const { Sheets, id, sheet } = setup();
  write(Sheets, id, 'RAW', [
    {
      range: 'Sheet1!A1',
      majorDimension: 'COLUMNS',
      values: [
        [1, 2],
        ['a', 'b'],
      ],
    },
  ]);
  assert.deepEqual(sheet.getRange('A1:B2').getValues(), [
    [1, 'a'],
    [2, 'b'],
  ]);
});

// https://developers.google.com/sheets/api/guides/formats#about_date_and_time_values
// (a date is a serial number shown with a date format) and
// https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() (date cells come back as Date)
test('a RAW serial written into a date-formatted column reads back through getValues as a Date', () => {
  const { Sheets, id, sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1:A3').setNumberFormat('yyyy-mm-dd');
  sheet.getRange('B1').setNumberFormat('hh:mm');
  write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [[45488, 0.75]] }]);
  const [date, time] = sheet.getRange('A1:B1').getValues()[0]!;
  assert.equal((date as Date).toISOString(), '2024-07-14T16:00:00.000Z');
  assert.equal(sheet.getRange('A1').getDisplayValue(), '2024-07-15');
  assert.equal(sheet.getRange('B1').getDisplayValue(), '18:00');
  assert.ok(time instanceof Date);
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1:B1').valueRanges![0]!.values, [[45488, 0.75]]);
});

// Same source: in Sheets the cell's format, not the writer, makes a number a date, so setValue agrees.
test('SpreadsheetApp setValue of a number into a date-formatted cell also reads back as a Date', () => {
  const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
  sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(45488);
  sheet.getRange('A2').setValue(45488);
  assert.equal((sheet.getRange('A1').getValue() as Date).toISOString(), '2024-07-14T16:00:00.000Z');
  assert.equal(sheet.getRange('A2').getValue(), 45488);
});

// Round trip between the two services: dates written by SpreadsheetApp read as serials, and back.
test('dates round-trip between SpreadsheetApp and the Sheets API', () => {
  const { Sheets, id, sheet } = setup({ timeZone: 'Asia/Shanghai' });
  const due = new Date('2024-08-19T01:30:00Z'); // 09:30 in Shanghai
  sheet.getRange('A1').setValue(due);
  const [serial] = read(Sheets, id, 'Sheet1!A1').valueRanges![0]!.values![0]!;
  sheet.getRange('B1').setNumberFormat('yyyy-mm-dd hh:mm');
  write(Sheets, id, 'RAW', [{ range: 'Sheet1!B1', values: [[serial]] }]);
  assert.equal((sheet.getRange('B1').getValue() as Date).getTime(), due.getTime());
});

test('a JavaScript Date in the data is not emulated and says so (how Apps Script serialises it is unknown)', () => {
  const { Sheets, id, sheet } = setup();
  assert.throws(() => write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [[new Date()]] }]), notEmulated);
  assert.throws(() => write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [[{ a: 1 }]] }]), notEmulated);
  assert.equal(sheet.getLastRow(), 0);
});

// https://github.com/jroehl/gsheet.action/issues/611 (the message) and https://github.com/nithinmurali/pygsheets/issues/124
// (data starting inside the grid and ending past it is refused too); the "Invalid data[1]: " prefix follows the
// batch form of https://github.com/burnash/gspread/issues/1601 and is a guess for this message
test('writing past the grid fails with the grid-limit message and writes nothing', () => {
  const { Sheets, id, sheet } = setup();
  assert.throws(
    () =>
      write(Sheets, id, 'RAW', [
        { range: 'Sheet1!A1', values: [['first']] },
        { range: 'Sheet1!A1000', values: [['x'], ['y']] },
      ]),
    apiFailure(
      'values.batchUpdate',
      'Invalid data[1]: Range (Sheet1!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
      400,
    ),
  );
  assert.equal(sheet.getRange('A1').getValue(), '');
});

// https://github.com/nithinmurali/pygsheets/issues/132 ("Requested writing within range [Servers!A3:L113], but tried writing to column [M]");
// the "Invalid data[0]: " prefix is the same guess as above
test("data larger than a bounded range fails with the API's message", () => {
  const { Sheets, id } = setup();
  assert.throws(
    () =>
      write(Sheets, id, 'RAW', [
        {
          range: 'Sheet1!A1:B2',
          values: [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        },
      ]),
    apiFailure(
      'values.batchUpdate',
      'Invalid data[0]: Requested writing within range [Sheet1!A1:B2], but tried writing to row [3]',
      400,
    ),
  );
  assert.throws(
    () => write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1:B2', values: [[1, 2, 3]] }]),
    apiFailure(
      'values.batchUpdate',
      'Invalid data[0]: Requested writing within range [Sheet1!A1:B2], but tried writing to column [C]',
      400,
    ),
  );
});

// https://github.com/burnash/gspread/issues/1601 ("Invalid data[0]: Unable to parse range: …")
test('an unknown title in the data fails before anything is written', () => {
  const { Sheets, id, sheet } = setup();
  assert.throws(
    () =>
      write(Sheets, id, 'RAW', [
        { range: 'Sheet1!A1', values: [['first']] },
        { range: 'Nope!A1', values: [['x']] },
      ]),
    apiFailure('values.batchUpdate', 'Invalid data[1]: Unable to parse range: Nope!A1', 400),
  );
  assert.equal(sheet.getRange('A1').getValue(), '');
});

// https://github.com/googleapis/google-api-dotnet-client/issues/2525 ("'valueInputOption' is required but not specified")
test('a write without valueInputOption fails like the API', () => {
  const { Sheets, id } = setup();
  assert.throws(
    () => Sheets.Spreadsheets.Values.batchUpdate({ data: [{ range: 'Sheet1!A1', values: [[1]] }] }, id),
    apiFailure('values.batchUpdate', "'valueInputOption' is required but not specified", 400),
  );
});

test('strict data validation does not stop an API write (a guess: only the UI and SpreadsheetApp are known to enforce it)', () => {
  const { Sheets, id, sheet, SpreadsheetApp } = setup();
  sheet
    .getRange('A1')
    .setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no']).setAllowInvalid(false).build(),
    );
  write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1', values: [['maybe']] }]);
  assert.equal(sheet.getRange('A1').getValue(), 'maybe');
});

// --- Spreadsheets.batchUpdate ------------------------------------------------------------------------

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#AppendDimensionRequest
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate (one reply per request)
test('appendDimension adds rows or columns at the end of a sheet', () => {
  const { Sheets, id, sheet, spreadsheet } = setup();
  const other = spreadsheet.insertSheet('Other');
  const result = Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 500 } },
        { appendDimension: { sheetId: other.getSheetId(), dimension: 'COLUMNS', length: 4 } },
      ],
    },
    id,
  );
  assert.deepEqual(result, { spreadsheetId: id, replies: [{}, {}] });
  assert.equal(sheet.getMaxRows(), 1500);
  assert.equal(other.getMaxColumns(), 30);
  write(Sheets, id, 'RAW', [{ range: 'Sheet1!A1500', values: [['fits']] }]);
  assert.equal(sheet.getRange('A1500').getValue(), 'fits');
});

test('appended rows are blank: nothing is copied from the last row (a guess: undocumented)', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1000').setBackground('#ff0000').setNumberFormat('yyyy-mm-dd');
  Sheets.Spreadsheets.batchUpdate(
    { requests: [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 1 } }] },
    id,
  );
  assert.equal(sheet.getRange('A1001').getBackground(), '#ffffff');
  assert.equal(sheet.getRange('A1001').getNumberFormat(), '0.###############');
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate
// ("If any request is not valid then the entire request will fail and nothing will be applied.")
test('a batch with an invalid request applies none of its requests', () => {
  const { Sheets, id, sheet } = setup();
  assert.throws(
    () =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 10 } },
            { appendDimension: { sheetId: 999, dimension: 'ROWS', length: 10 } },
          ],
        },
        id,
      ),
    apiFailure('batchUpdate', 'Invalid requests[1].appendDimension: No grid with id: 999', 400),
  );
  assert.equal(sheet.getMaxRows(), 1000);
  assert.throws(
    () =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 10 } }, { addSheet: {} }],
        },
        id,
      ),
    notEmulated,
  );
  assert.equal(sheet.getMaxRows(), 1000);
});

// --- every call -------------------------------------------------------------------------------------

test('each call records exactly one count under its method name, and nothing else', () => {
  const { Sheets, id, emulator } = setup();
  Sheets.Spreadsheets.get(id);
  read(Sheets, id, 'Sheet1', 'Sheet1!A1:B2');
  write(Sheets, id, 'RAW', [
    { range: 'Sheet1!A1', values: [[1]] },
    { range: 'Sheet1!B1', values: [[2]] },
  ]);
  Sheets.Spreadsheets.batchUpdate(
    { requests: [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 1 } }] },
    id,
  );
  assert.throws(() => read(Sheets, id, 'Nope'));
  assert.deepEqual(emulator.calls.snapshot(), {
    'Sheets.Spreadsheets.batchUpdate': 1,
    'Sheets.Spreadsheets.get': 1,
    'Sheets.Spreadsheets.Values.batchGet': 2,
    'Sheets.Spreadsheets.Values.batchUpdate': 1,
  });
});

test('results are fresh objects: changing one changes neither the spreadsheet nor the next result', () => {
  const { Sheets, id, sheet } = setup();
  sheet.getRange('A1').setValue('a');
  const first = read(Sheets, id, 'Sheet1!A1');
  first.valueRanges![0]!.values![0]![0] = 'changed';
  const meta = Sheets.Spreadsheets.get(id);
  meta.sheets![0]!.properties!.title = 'changed';
  assert.deepEqual(read(Sheets, id, 'Sheet1!A1').valueRanges![0]!.values, [['a']]);
  assert.equal(Sheets.Spreadsheets.get(id).sheets![0]!.properties!.title, 'Sheet1');
  assert.equal(sheet.getName(), 'Sheet1');
});
