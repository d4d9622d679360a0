/**
 * Protections enforced per user, as Sheets enforces them. Sources:
 * - P: https://developers.google.com/apps-script/reference/spreadsheet/protection (canEdit: "The
 *   spreadsheet owner is always able to edit protected ranges and sheets"; removeEditor: "Neither
 *   the owner of the spreadsheet nor the current user can be removed"; setWarningOnly: "every user
 *   can edit data in the area, except editing prompts a warning"; setUnprotectedRanges: "Unprotects
 *   the given array of ranges within a protected sheet")
 * - S: https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect() and
 *   R: https://developers.google.com/apps-script/reference/spreadsheet/range#protect() ("Until the
 *   script actually changes the list of editors … the permissions mirror those of the spreadsheet
 *   itself, which effectively means that the sheet remains unprotected"; "If the sheet is already
 *   protected, this method returns an object representing the existing protection settings"; "If a
 *   cell is protected by multiple protected ranges and any of them prevent a particular user from
 *   editing the cell, then that user is not permitted to edit the cell")
 * - G: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange
 *   ("Missing indexes indicate the range is unbounded on that side"): a whole-column protection
 *   covers rows added later.
 * - The refusal's text is Sheets' own dialog and exception, which the Sheets API answers as an HTTP
 *   400 ("Invalid data[0]: You are trying to edit a protected cell or object. …" for a batch entry),
 *   as public client code quotes it; Sheets words it in the account's language.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createEmulator } from '../../emulator/index';
import type { EmulatedSheets } from '../../emulator/services/sheetsApi';

const OWNER = 'owner@example.com';
const COORDINATOR = 'coordinator@example.com';
const STAFF = 'staff@example.com';
const REFUSAL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup() {
  const emulator = createEmulator({
    owner: OWNER,
    activeUser: COORDINATOR,
    spreadsheetLocale: 'en_US',
    manifest: {
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'],
    },
  });
  const sheet = emulator.spreadsheet.getSheets()[0]!;
  const as = <T>(user: string, body: () => T): T => emulator.session.emuRunAs(user, body);
  return { emulator, sheet, as, Sheets: emulator.globals.Sheets as EmulatedSheets, id: emulator.spreadsheet.getId() };
}

/** A protection limited to `editors`, made the way the product makes them (editors replaced). */
function limit<
  P extends { removeEditors(e: string[]): P; addEditors(e: string[]): P; getEditors(): { getEmail(): string }[] },
>(protection: P, editors: string[]): P {
  return protection.removeEditors(protection.getEditors().map((u) => u.getEmail())).addEditors(editors);
}

// P (canEdit, addEditors), R (the documented refusal)
test('a user who is not an editor of a protected range cannot set, clear or fill its cells; an editor and the owner can', () => {
  const { sheet, as } = setup();
  limit(sheet.getRange('B2:B5').protect(), [COORDINATOR]);
  assert.throws(() => as(STAFF, () => sheet.getRange('B3').setValue('x')), { message: REFUSAL });
  assert.throws(() => as(STAFF, () => sheet.getRange('A3:C3').setValues([['a', 'b', 'c']])), { message: REFUSAL });
  assert.throws(() => as(STAFF, () => sheet.getRange('B2:B5').clearContent()), { message: REFUSAL });
  assert.throws(() => as(STAFF, () => sheet.getRange('B4').clear()), { message: REFUSAL });
  assert.throws(() => as(STAFF, () => sheet.getRange('B4').setFormula('=1+1')), { message: REFUSAL });
  assert.equal(sheet.getRange('A3').getValue(), '', 'a refused block writes none of its cells');
  as(STAFF, () => sheet.getRange('A3').setValue('outside'));
  as(COORDINATOR, () => sheet.getRange('B3').setValue('editor'));
  as(OWNER, () => sheet.getRange('B4').setValue('owner'));
  assert.deepEqual(sheet.getRange('A3:B4').getValues(), [
    ['outside', 'editor'],
    ['', 'owner'],
  ]);
});

// P (canEdit: the owner always may; removeEditor: neither the owner nor the current user can be removed)
test('removing every editor keeps the owner and the user who protects; canEdit() says who may', () => {
  const { sheet, as } = setup();
  const protection = sheet.getRange('A1:A3').protect();
  protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
  assert.deepEqual(
    protection
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
    [COORDINATOR, OWNER],
  );
  assert.equal(
    as(STAFF, () => protection.canEdit()),
    false,
  );
  assert.equal(
    as(OWNER, () => protection.canEdit()),
    true,
  );
});

// S, R: until its editors change, a new protection mirrors the spreadsheet's permissions
test('a protection whose editors were never changed stops nobody', () => {
  const { sheet, as } = setup();
  sheet.getRange('A1:A3').protect().setDescription('only described');
  as(STAFF, () => sheet.getRange('A2').setValue('typed'));
  assert.equal(sheet.getRange('A2').getValue(), 'typed');
});

// P (setWarningOnly)
test('a warning-only protection lets every user write', () => {
  const { sheet, as } = setup();
  limit(sheet.getRange('C:C').protect(), [COORDINATOR]).setWarningOnly(true);
  as(STAFF, () => sheet.getRange('C2').setValue('after a warning'));
  assert.equal(sheet.getRange('C2').getValue(), 'after a warning');
});

// R: any protection that stops the user stops the write, even where a warning-only one overlaps
test('overlapping protections: the strictest wins', () => {
  const { sheet, as } = setup();
  sheet.getRange('A1:D1').protect().setWarningOnly(true);
  limit(sheet.getRange('B:B').protect(), [COORDINATOR]);
  as(STAFF, () => sheet.getRange('A1').setValue('header'));
  assert.throws(() => as(STAFF, () => sheet.getRange('B1').setValue('header')), { message: REFUSAL });
});

// S, P (setUnprotectedRanges)
test('a protected sheet refuses every cell except its unprotected ranges, also for appendRow', () => {
  const { sheet, as } = setup();
  const protection = limit(sheet.protect(), [COORDINATOR]);
  protection.setUnprotectedRanges([sheet.getRange('D2:E10')]);
  as(STAFF, () => sheet.getRange('D3:E3').setValues([['free', 'too']]));
  assert.throws(() => as(STAFF, () => sheet.getRange('C3:D3').setValues([['no', 'x']])), { message: REFUSAL });
  assert.throws(() => as(STAFF, () => sheet.appendRow(['a row'])), { message: REFUSAL });
  as(COORDINATOR, () => sheet.appendRow(['a row']));
  assert.equal(sheet.protect(), protection, 'protect() on a protected sheet returns its protection');
  assert.deepEqual(
    protection.getUnprotectedRanges().map((r) => r.getA1Notation()),
    ['D2:E10'],
  );
});

// G: a whole-column protection covers rows added after it was made; a bounded one does not
test('a whole-column protection covers rows added later; rows 2–1000 do not', () => {
  const { sheet, as } = setup();
  limit(sheet.getRange('A2:A').protect(), [COORDINATOR]);
  limit(sheet.getRange(2, 2, sheet.getMaxRows() - 1, 1).protect(), [COORDINATOR]);
  sheet.insertRowsAfter(sheet.getMaxRows(), 10);
  as(STAFF, () => sheet.getRange(1005, 2).setValue('past the bounded range'));
  assert.throws(() => as(STAFF, () => sheet.getRange(1005, 1).setValue('x')), { message: REFUSAL });
});

// P (removal), R
test('a removed protection stops nobody', () => {
  const { sheet, as } = setup();
  const protection = limit(sheet.getRange('A1').protect(), [COORDINATOR]);
  protection.remove();
  as(STAFF, () => sheet.getRange('A1').setValue('free'));
  assert.equal(sheet.getRange('A1').getValue(), 'free');
});

// The Sheets API answers a write into a protected cell with HTTP 400 and Sheets' text; nothing is written
test('Sheets API values.batchUpdate into a protected cell fails as a whole with HTTP 400; null cells are skipped, not checked', () => {
  const { sheet, as, Sheets, id } = setup();
  limit(sheet.getRange('B:B').protect(), [COORDINATOR]);
  const data = (values: unknown[][]) => ({
    valueInputOption: 'RAW',
    data: [
      { range: 'A1', values: [['ok']] },
      { range: 'A2:B2', values },
    ],
  });
  assert.throws(
    () => as(STAFF, () => Sheets.Spreadsheets.Values.batchUpdate(data([['a', 'b']]), id)),
    (error: Error & { details?: { code: number } }) =>
      error.message ===
        `API call to sheets.spreadsheets.values.batchUpdate failed with error: Invalid data[1]: ${REFUSAL}` &&
      error.details?.code === 400,
  );
  assert.equal(sheet.getRange('A1').getValue(), '', 'all or nothing');
  as(STAFF, () => Sheets.Spreadsheets.Values.batchUpdate(data([['a', null]]), id));
  as(COORDINATOR, () => Sheets.Spreadsheets.Values.update({ values: [['c']] }, id, 'B3', { valueInputOption: 'RAW' }));
  assert.deepEqual(sheet.getRange('A1:B3').getValues(), [
    ['ok', ''],
    ['a', ''],
    ['', 'c'],
  ]);
  assert.throws(
    () =>
      as(STAFF, () => Sheets.Spreadsheets.Values.update({ values: [['c']] }, id, 'B3', { valueInputOption: 'RAW' })),
    { message: `API call to sheets.spreadsheets.values.update failed with error: ${REFUSAL}` },
  );
});

// https://support.google.com/docs/answer/1218656 (the owner and a protection's editors set who may
// edit it; the exception's wording is a guess) and P (canEdit); Spreadsheet.getOwner
// (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner(): "the owner
// of the document, or null for a document in a shared drive").
test("only an editor of a protection, or the file's owner, changes its editors; getOwner names the owner", () => {
  const { emulator, sheet, as } = setup();
  const protection = limit(sheet.protect(), [COORDINATOR]);
  assert.throws(() => as(STAFF, () => protection.addEditors([STAFF])), /permission/);
  assert.throws(() => as(STAFF, () => protection.removeEditors([COORDINATOR])), /permission/);
  assert.equal(
    as(STAFF, () => protection.canEdit()),
    false,
  );
  as(COORDINATOR, () => protection.addEditors([STAFF]));
  assert.equal(
    as(STAFF, () => protection.canEdit()),
    true,
  );
  as(OWNER, () => protection.removeEditors([STAFF]));
  assert.equal(
    as(STAFF, () => protection.canEdit()),
    false,
  );
  assert.equal(emulator.spreadsheet.getOwner()?.getEmail(), OWNER);
});
