/**
 * Fault injection: a method fails on its Nth call with an Apps Script-shaped error, or the run is
 * killed at a clock time, so tests can see what a half-done run leaves behind (SPEC §3.5, §4).
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { FAULT_MESSAGES, sheetsApiError, TIMED_OUT } from '../../emulator/faults';
import { createEmulator } from '../../emulator/index';
import { assertFaultsFired } from '../support/faults';
import { loadScript } from '../support/script';

const START = '2024-07-01T01:00:00.000Z';
const SHEETS_API = { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] };

const probe = `
function send(n) {
  var results = [];
  for (var i = 0; i < n; i++) {
    try { MailApp.sendEmail('a@example.com', 'S' + i, 'B'); results.push('sent'); }
    catch (e) { results.push(String(e)); }
  }
  return results.join('|');
}
function sendLocked(n) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  for (var i = 0; i < n; i++) MailApp.sendEmail('a@example.com', 'S' + i, 'B');
  lock.releaseLock();
}
function tryLock() { return LockService.getDocumentLock().tryLock(0); }
function write(id, sheet) {
  Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'" + sheet + "'!A1", values: [['x']] }] }, id);
}
`;

// https://developers.google.com/apps-script/guides/services/quotas ("Service invoked too many times for one day: email.")
test('a method fails on its Nth call with the given message, once', () => {
  const project = loadScript(probe, { now: START });
  const fault = project.emulator.faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 3,
    error: FAULT_MESSAGES.mailQuota,
  });
  assert.equal(project.call('send', 4), 'sent|sent|Exception: Service invoked too many times for one day: email.|sent');
  assert.equal(project.emulator.mail.outbox.length, 3);
  assert.equal(fault.fired, 1);
});

test('a fault tells how many calls it failed: none before its Nth call, one per failed call after', () => {
  const project = loadScript(probe, { now: START });
  const fault = project.emulator.faults.failOn({ method: 'MailApp.sendEmail', onCall: 3, times: 2, error: 'x' });
  project.call('send', 2);
  assert.equal(fault.fired, 0);
  assert.deepEqual(project.emulator.faults.unfired(), ['failOn MailApp.sendEmail call 3 (called 2 times since armed)']);
  project.call('send', 1);
  assert.equal(fault.fired, 1);
  assert.deepEqual(project.emulator.faults.unfired(), []);
  project.call('send', 5);
  assert.equal(fault.fired, 2, 'no more than its times');
});

// guess: "Service unavailable: Try again later." as the wording of a transient failure
test('a fault may last several calls, or every call from the Nth', () => {
  const project = loadScript(probe, { now: START });
  const twice = project.emulator.faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 2,
    times: 2,
    error: FAULT_MESSAGES.unavailable,
  });
  assert.equal(
    project.call('send', 4),
    'sent|Exception: Service unavailable: Try again later.|Exception: Service unavailable: Try again later.|sent',
  );
  assert.equal(twice.fired, 2);
  const down = project.emulator.faults.failOn({
    method: 'MailApp.sendEmail',
    onCall: 1,
    times: Infinity,
    error: 'Mail down.',
  });
  assert.equal(project.call('send', 2), 'Exception: Mail down.|Exception: Mail down.');
  assert.equal(down.fired, 2);
});

// The advanced service's error shape: https://developers.google.com/apps-script/guides/services/advanced
// (GoogleJsonResponseException "API call to … failed with error: …"), as the Sheets API emulation throws it.
test('a failed Sheets API write throws as the advanced service does and changes nothing', () => {
  const project = loadScript(probe, { now: START, manifest: { dependencies: SHEETS_API } });
  const { spreadsheet, faults } = project.emulator;
  const sheet = spreadsheet.getSheets()[0]!;
  const fault = faults.failOn({
    method: 'Sheets.Spreadsheets.Values.batchUpdate',
    onCall: 1,
    error: sheetsApiError('values.batchUpdate'),
  });
  assert.throws(() => project.call('write', spreadsheet.getId(), sheet.getName()), {
    name: 'GoogleJsonResponseException',
    message: 'API call to sheets.spreadsheets.values.batchUpdate failed with error: Internal error encountered.',
  });
  assert.equal(fault.fired, 1);
  assert.equal(sheet.getRange('A1').getValue(), '');
  project.call('write', spreadsheet.getId(), sheet.getName());
  assert.equal(sheet.getRange('A1').getValue(), 'x');
});

// guess: Apps Script may answer a call that took effect with an error ("Service Spreadsheets timed out
// while accessing document with id …", the wording users report); the caller cannot tell whether its
// write landed, so the emulator lets a test make it land.
test('a fault `after` lets the Sheets API write land, then throws: the write is there though the call failed', () => {
  const project = loadScript(probe, { now: START, manifest: { dependencies: SHEETS_API } });
  const { spreadsheet, faults } = project.emulator;
  const sheet = spreadsheet.getSheets()[0]!;
  const fault = faults.failOn({
    method: 'Sheets.Spreadsheets.Values.batchUpdate',
    onCall: 1,
    after: true,
    error: TIMED_OUT,
  });
  assert.throws(() => project.call('write', spreadsheet.getId(), sheet.getName()), {
    message: TIMED_OUT,
  });
  assert.equal(fault.fired, 1);
  assert.equal(sheet.getRange('A1').getValue(), 'x', 'the write landed');
});

test('a fault `after` on a method that never reports its answer never fires, and says so', () => {
  const project = loadScript(probe, { now: START });
  const fault = project.emulator.faults.failOn({ method: 'MailApp.sendEmail', onCall: 1, after: true, error: 'x' });
  project.call('send', 1);
  assert.equal(fault.fired, 0);
  assert.deepEqual(project.emulator.faults.unfired(), ['failOn MailApp.sendEmail call 1 (called 0 times since armed)']);
  project.emulator.faults.clear();
});

// The kill is the emulator's: to the script it is Apps Script stopping the run
// (https://github.com/benlcollins/apps_script/issues/1), so locks it held are let go at the end.
test('a run killed at time T stops at its next service call at or past T, and its lock is let go', () => {
  const project = loadScript(probe, { now: START, latency: true });
  // Sends take 0.75 s each: those starting at 0, 0.75, …, 3.75 s go; the one at 4.5 s is killed.
  const killTime = project.emulator.clock.now().getTime() + 4_000;
  const kill = project.emulator.faults.killAt(killTime);
  assert.equal(kill.firedOn, null);
  assert.throws(() => project.call('sendLocked', 10), { message: 'Exceeded maximum execution time' });
  assert.equal(project.emulator.mail.outbox.length, 6);
  assert.equal(kill.firedOn, 'MailApp.sendEmail');
  const late = kill.firedAt!.getTime() - killTime;
  assert.ok(late >= 0 && late < 750, `fired ${late} ms after the kill time: at the next call, not one later`);
  assert.equal(project.call('tryLock'), true);
});

test('a kill at a seeded random moment leaves exactly the sends that started before it', () => {
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  for (let i = 0; i < 5; i++) {
    const project = loadScript(probe, { now: START, latency: true });
    const killAtMs = Math.floor(random() * 7_500);
    const kill = project.emulator.faults.killAt(project.emulator.clock.now().getTime() + killAtMs);
    assert.throws(() => project.call('send', 10), { message: 'Exceeded maximum execution time' });
    assert.equal(project.emulator.mail.outbox.length, Math.ceil(killAtMs / 750), `killed at ${killAtMs} ms`);
    assert.equal(kill.firedOn, 'MailApp.sendEmail');
  }
});

test('a kill past the end of its run stops the next run, at its first call', () => {
  const project = loadScript(probe, { now: START, latency: true });
  const kill = project.emulator.faults.killAt(new Date(START).getTime() + 60_000);
  project.call('send', 1);
  assert.equal(kill.firedOn, null);
  assert.deepEqual(project.emulator.faults.unfired(), ['killAt 2024-07-01T01:01:00.000Z']);
  project.emulator.clock.advanceMs(120_000);
  const nextRun = project.emulator.clock.now();
  assert.throws(() => project.call('send', 1), { message: 'Exceeded maximum execution time' });
  assert.equal(project.emulator.mail.outbox.length, 1);
  assert.equal(kill.firedOn, 'MailApp.sendEmail');
  assert.ok(kill.firedAt! >= nextRun, 'in the later run');
});

test('a kill armed again replaces the first, which never fires', () => {
  const project = loadScript(probe, { now: START, latency: true });
  const first = project.emulator.faults.killAt(new Date(START).getTime() + 1_000);
  const second = project.emulator.faults.killAt(new Date(START).getTime() + 2_000);
  assert.throws(() => project.call('send', 10), { message: 'Exceeded maximum execution time' });
  assert.equal(project.emulator.mail.outbox.length, 3, 'the sends at 0, 0.75 and 1.5 s');
  assert.equal(first.firedOn, null);
  assert.equal(second.firedOn, 'MailApp.sendEmail');
});

test('faults are cleared on demand, and a cleared fault is not one that never fired', () => {
  const emulator = createEmulator({ now: START });
  const fault = emulator.faults.failOn({ method: 'MailApp.sendEmail', onCall: 1, error: 'x' });
  const kill = emulator.faults.killAt(START);
  assert.equal(emulator.faults.unfired().length, 2);
  emulator.faults.clear();
  (emulator.globals.MailApp as GoogleAppsScript.Mail.MailApp).sendEmail('a@example.com', 'S', 'B');
  assert.equal(emulator.mail.outbox.length, 1);
  assert.equal(fault.fired, 0);
  assert.equal(kill.firedOn, null);
  assert.deepEqual(emulator.faults.unfired(), []);
});

// Every test runs this check after it (jest.config.cjs): a fault that never fired fails the test.
test('a test whose armed fault never fired fails, naming the fault', () => {
  const emulator = createEmulator({ now: START });
  emulator.faults.failOn({ method: 'Range.setValues', onCall: 1, error: 'x' });
  (emulator.globals.MailApp as GoogleAppsScript.Mail.MailApp).sendEmail('a@example.com', 'S', 'B');
  assert.throws(assertFaultsFired, {
    message: /never fired.*: failOn Range\.setValues call 1 \(called 0 times since armed\)\./,
  });
  // The check forgets what it reported: the next test starts clean.
  assertFaultsFired();
});
