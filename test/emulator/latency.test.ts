/**
 * The latency model: each service call's estimated cost, kept by source, and (opted in) moving
 * the clock so a run can pass its time limit. Sources of each figure: emulator/latency.ts.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createEmulator } from '../../emulator/index';
import { loadScript } from '../support/script';

const START = '2024-07-01T01:00:00.000Z';

const probe = `
function sendAll(n) {
  var sent = 0;
  try {
    for (var i = 0; i < n; i++) { MailApp.sendEmail('a@example.com', 'S' + i, 'B'); sent++; }
  } catch (e) {
    // A script that swallows the error cannot keep its run alive.
    PropertiesService.getScriptProperties().setProperty('caught', e.message);
  }
  return sent;
}
function onEdit(e) {
  var store = PropertiesService.getScriptProperties();
  for (var i = 0; i < 1000; i++) store.setProperty('n', String(i));
}
function readBlock() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1000, 2).getValues().length; }
`;

// https://sites.google.com/quickfixters.com/add-onsuniverse/faq (about 1.2 s for a 100 KB email; 0.75 s taken),
// https://ziritione.org/post/apps_script_performance (setProperty avg 62 ms)
test('off by default: the clock stands still, yet every call adds its estimate by source', () => {
  const emulator = createEmulator({ now: START });
  const { MailApp, PropertiesService } = emulator.globals as {
    MailApp: GoogleAppsScript.Mail.MailApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  };
  MailApp.sendEmail('a@example.com', 'S', 'B');
  PropertiesService.getScriptProperties().setProperty('k', 'v');
  assert.equal(emulator.clock.now().toISOString(), START);
  const seconds = emulator.calls.seconds();
  assert.equal(seconds.mail, 0.75);
  assert.equal(seconds.properties, 0.06);
});

// Kanshi Tanaike's benchmarks (https://tanaikech.github.io/topics/benchmark): 240,000 cells read by
// getValues in 7.4 s, 31 µs a cell; https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html (3 ms a call)
test('with latency on, reading cells moves the clock by the cells read', () => {
  const project = loadScript(probe, { now: START, latency: true });
  const before = project.emulator.calls.seconds().sheets;
  const startedAt = project.emulator.clock.now().getTime();
  project.call('readBlock');
  // getValues: 3 ms + 2,000 cells × 0.031 ms = 65 ms, besides the three calls that reach the range.
  const read = project.emulator.calls.seconds().sheets - before;
  assert.ok(Math.abs(read - (0.065 + 3 * 0.003)) < 1e-9, `sheet seconds ${read}`);
  assert.equal(project.emulator.clock.now().getTime() - startedAt, Math.round(read * 1000));
});

// https://developers.google.com/apps-script/guides/services/quotas (script runtime 6 min / execution);
// message: https://github.com/benlcollins/apps_script/issues/1
test('a run past 6 minutes stops at its next service call, even when the script catches the error', () => {
  const project = loadScript(probe, { now: START, latency: true, dailyMailQuota: 1000 });
  assert.throws(() => project.call('sendAll', 600), { message: 'Exceeded maximum execution time' });
  // 0.75 s a send: the 481st starts at exactly 6:00 (not yet past), the 482nd is refused.
  assert.equal(project.emulator.mail.outbox.length, 481);
  assert.equal(
    (project.emulator.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getScriptProperties()
      .getProperty('caught'),
    null,
  );
  // The next run starts afresh.
  assert.equal(project.call('sendAll', 1), 1);
});

// https://developers.google.com/apps-script/guides/triggers#restrictions (simple triggers: 30 seconds)
test('a simple trigger stops at 30 seconds', () => {
  const project = loadScript(probe, { now: START, latency: true });
  assert.throws(() => project.runSimpleTrigger('onEdit'), { message: 'Exceeded maximum execution time' });
  const store = (
    project.emulator.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
  ).getScriptProperties();
  // 60 ms a write: the write starting at exactly 30 s (the 501st, i = 500) is the last one.
  assert.equal(store.getProperty('n'), '500');
});

// https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer) (waits up to the timeout)
test('time spent waiting for a lock is counted under lock', () => {
  const emulator = createEmulator({ now: START });
  emulator.lock.emuHoldByAnotherProcess('script', Date.parse(START) + 4_000);
  emulator.lock.LockService.getScriptLock().waitLock(10_000);
  assert.equal(emulator.calls.seconds().lock, 4.01);
});
