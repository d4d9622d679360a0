import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createEmulator } from '../../emulator/index';
import type { EmulatedSheets } from '../../emulator/services/sheetsApi';

const SHEETS_ENABLED = [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }];
const manifest = {
  dependencies: { enabledAdvancedServices: SHEETS_ENABLED },
  oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'],
};

// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addDeveloperMetadata(String,String)
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#withKey(String)
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata#getValue()
test('metadata added to the spreadsheet is found by key, holds its value, and can be changed or removed', () => {
  const { spreadsheet } = createEmulator();
  spreadsheet.addDeveloperMetadata('app.sheets', '{"tasks":3}').addDeveloperMetadata('app.flag');
  const [found, ...others] = spreadsheet.createDeveloperMetadataFinder().withKey('app.sheets').find();
  assert.equal(others.length, 0);
  assert.equal(found?.getValue(), '{"tasks":3}');
  assert.equal(spreadsheet.createDeveloperMetadataFinder().withKey('app.flag').find()[0]?.getValue(), null);
  found?.setValue('{"tasks":4}');
  assert.equal(spreadsheet.createDeveloperMetadataFinder().withKey('app.sheets').find()[0]?.getValue(), '{"tasks":4}');
  found?.remove();
  assert.deepEqual(spreadsheet.createDeveloperMetadataFinder().withKey('app.sheets').find(), []);
  assert.equal(spreadsheet.getDeveloperMetadata().length, 1);
});

test('spreadsheet metadata does not care what the sheets are called', () => {
  const { spreadsheet } = createEmulator();
  const sheet = spreadsheet.insertSheet('任务分工');
  spreadsheet.addDeveloperMetadata('app.sheets', JSON.stringify({ tasks: sheet.getSheetId() }));
  sheet.setName('我的任务');
  const value = spreadsheet.createDeveloperMetadataFinder().withKey('app.sheets').find()[0]?.getValue();
  assert.equal(spreadsheet.getSheetById(JSON.parse(value ?? '{}').tasks)?.getName(), '我的任务');
});

// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet (developerMetadata)
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata#DeveloperMetadata
test('Spreadsheets.get returns the spreadsheet metadata under developerMetadata, field masks included', () => {
  const emulator = createEmulator({ manifest });
  const Sheets = emulator.globals.Sheets as EmulatedSheets;
  const id = emulator.spreadsheet.emuId();
  assert.equal(Sheets.Spreadsheets.get(id, { fields: 'developerMetadata' }).developerMetadata, undefined);
  emulator.spreadsheet.addDeveloperMetadata('app.sheets', '{}');
  const metadata = Sheets.Spreadsheets.get(id, { fields: 'developerMetadata(metadataKey,metadataValue)' });
  assert.deepEqual(metadata.developerMetadata, [{ metadataKey: 'app.sheets', metadataValue: '{}' }]);
  const whole = Sheets.Spreadsheets.get(id).developerMetadata?.[0];
  assert.deepEqual(whole?.location, { locationType: 'SPREADSHEET', spreadsheet: true });
  assert.equal(whole?.visibility, 'DOCUMENT');
});
